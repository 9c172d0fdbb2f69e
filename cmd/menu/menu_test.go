package menu

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

type session struct {
	opts   *Options
	out    *bytes.Buffer
	prompt *learnertest.Prompter
	ran    [][]string
}

// newSession is a menu on a pretend terminal whose tools are recorded,
// never run: a test must not send real traffic.
func newSession(t *testing.T, steps ...learnertest.Step) *session {
	dir := t.TempDir()
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true, false)
	s := &session{out: out, prompt: &learnertest.Prompter{Steps: steps}}
	f := cmdutil.NewFactory(ios, i18n.EN)
	f.ConfigDir = func() (string, error) { return dir, nil }
	f.NewPrompter = func(*i18n.Catalog) output.Prompter { return s.prompt }
	f.Runner = func(_ context.Context, _ *cmdutil.Factory, args []string) int {
		s.ran = append(s.ran, args)
		return 0
	}
	s.opts = &Options{F: f}
	return s
}

func (s *session) open(t *testing.T) {
	t.Helper()
	if err := Open(context.Background(), s.opts); err != nil {
		t.Fatalf("Open = %v", err)
	}
	if err := s.prompt.Done(); err != nil {
		t.Fatal(err)
	}
}

func TestMenuLessonProgressLanguageQuit(t *testing.T) {
	lib, _ := lessons.Default()
	lesson, _ := lib.Lesson("1.5", lessons.EN)
	steps := []learnertest.Step{{Pick: "Lessons"}, {Pick: "1.5 "}}
	for range lesson.Try {
		steps = append(steps, learnertest.Step{Yes: false})
	}
	steps = append(steps,
		learnertest.Step{Pick: "Progress"},
		learnertest.Step{Pick: "中文"},
		learnertest.Step{Pick: "退出"})
	s := newSession(t, steps...)
	s.open(t)
	out := s.out.String()
	for _, want := range []string{lesson.Title, "Lessons read: 1 of 10", "语言：中文", "再见"} {
		if !strings.Contains(out, want) {
			t.Errorf("menu output lacks %q:\n%s", want, out)
		}
	}
	if len(s.ran) != 0 {
		t.Errorf("tools ran: %q", s.ran)
	}
}

func TestMenuAsksBeforeThePingCheck(t *testing.T) {
	s := newSession(t,
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "ping"}, learnertest.Step{Yes: false},
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "ping"}, learnertest.Step{Yes: true},
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "port"}, learnertest.Step{Text: " 80  ssh "},
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "back"},
		learnertest.Step{Control: true})
	s.open(t)
	want := [][]string{{"ping", "--check"}, {"port", "80", "ssh"}}
	if !reflect.DeepEqual(s.ran, want) {
		t.Errorf("ran %q, want %q", s.ran, want)
	}
	if !strings.Contains(s.prompt.Asked[2], "Go ahead?") {
		t.Errorf("the ping confirmation reads %q", s.prompt.Asked[2])
	}
}

func TestCtrlCInsideAQuizGoesBackToTheMenu(t *testing.T) {
	s := newSession(t, learnertest.Step{Pick: "Quiz"}, learnertest.Step{Pick: "1.3 "}, learnertest.Step{Control: true},
		learnertest.Step{Pick: "Quit"})
	s.open(t)
	if !strings.Contains(s.out.String(), "Bye.") {
		t.Errorf("output:\n%s", s.out)
	}
}
