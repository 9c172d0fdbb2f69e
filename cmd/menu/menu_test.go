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
	"github.com/netlearn/netlearn/cmd/tutor/tutortest"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/lessonstest"
)

type session struct {
	opts   *Options
	out    *bytes.Buffer
	prompt *tutortest.Prompter
	ran    [][]string
}

// newSession is a menu on a pretend terminal whose tools are recorded,
// never run: a test must not send real traffic.
func newSession(t *testing.T, steps ...tutortest.Step) *session {
	lessonstest.IsolateConfig(t)
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true, false)
	s := &session{out: out, prompt: &tutortest.Prompter{Steps: steps}}
	s.opts = &Options{F: cmdutil.NewFactory(ios, i18n.EN), Prompter: s.prompt,
		Run: func(_ context.Context, args []string) int {
			s.ran = append(s.ran, args)
			return 0
		}}
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
	steps := []tutortest.Step{{Pick: "Lessons"}, {Pick: "1.5 "}}
	for range lesson.Try {
		steps = append(steps, tutortest.Step{Yes: false})
	}
	steps = append(steps,
		tutortest.Step{Pick: "Progress"},
		tutortest.Step{Pick: "中文"},
		tutortest.Step{Pick: "退出"})
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
		tutortest.Step{Pick: "Tools"}, tutortest.Step{Pick: "ping"}, tutortest.Step{Yes: false},
		tutortest.Step{Pick: "Tools"}, tutortest.Step{Pick: "ping"}, tutortest.Step{Yes: true},
		tutortest.Step{Pick: "Tools"}, tutortest.Step{Pick: "port"}, tutortest.Step{Text: " 80  ssh "},
		tutortest.Step{Pick: "Tools"}, tutortest.Step{Pick: "back"},
		tutortest.Step{Control: true})
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
	s := newSession(t, tutortest.Step{Pick: "Quiz"}, tutortest.Step{Pick: "1.3 "}, tutortest.Step{Control: true},
		tutortest.Step{Pick: "Quit"})
	s.open(t)
	if !strings.Contains(s.out.String(), "Bye.") {
		t.Errorf("output:\n%s", s.out)
	}
}
