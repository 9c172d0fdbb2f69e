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
	langs  []i18n.Lang // the language of the Factory each command ran with
	codes  []int       // exit codes the fake runner returns, in order; 0 after
}

// newSession is a menu on a pretend terminal whose commands are recorded,
// never run: a test must not send real traffic. The command tree itself
// runs them in cmd's menu tests.
func newSession(t *testing.T, steps ...learnertest.Step) *session {
	dir := t.TempDir()
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(true, true, false)
	s := &session{out: out, prompt: &learnertest.Prompter{Steps: steps}}
	f := cmdutil.NewFactory(ios, i18n.EN)
	f.ConfigDir = func() (string, error) { return dir, nil }
	f.NewPrompter = func(*i18n.Catalog) output.Prompter { return s.prompt }
	f.Runner = func(_ context.Context, f *cmdutil.Factory, args []string) int {
		s.ran = append(s.ran, args)
		s.langs = append(s.langs, f.Tr.Lang())
		if len(s.codes) == 0 {
			return 0
		}
		code := s.codes[0]
		s.codes = s.codes[1:]
		return code
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

func TestMenuRunsLessonsQuizzesAndProgressAsCommands(t *testing.T) {
	enter, esc := learnertest.Step{}, learnertest.Step{Back: true}
	s := newSession(t,
		learnertest.Step{Pick: "Lessons"}, learnertest.Step{Pick: "1.5 "}, enter, esc,
		learnertest.Step{Pick: "Quiz"}, learnertest.Step{Pick: "all sections"}, enter,
		learnertest.Step{Pick: " 1.3 "}, enter, esc,
		learnertest.Step{Pick: "Progress"}, enter,
		learnertest.Step{Pick: "中文"},
		learnertest.Step{Pick: "课程"}, learnertest.Step{Pick: " 1.2 "}, enter, esc,
		learnertest.Step{Pick: "退出"})
	s.open(t)
	want := [][]string{{"learn", "1.5"}, {"quiz"}, {"quiz", "1.3"}, {"progress"}, {"learn", "1.2"}}
	if !reflect.DeepEqual(s.ran, want) {
		t.Errorf("ran %q, want %q", s.ran, want)
	}
	// The switch built a Chinese Factory, and the next command ran with it.
	if got := s.langs[len(s.langs)-1]; got != i18n.ZH {
		t.Errorf("the lesson after the switch ran in %q", got)
	}
	for _, want := range []string{"语言：中文", "再见"} {
		if !strings.Contains(s.out.String(), want) {
			t.Errorf("menu output lacks %q:\n%s", want, s.out)
		}
	}
}

func TestMenuGoesBackAfterCtrlCOrAFailureAndEndsOnOtherCodes(t *testing.T) {
	enter := learnertest.Step{}
	s := newSession(t,
		learnertest.Step{Pick: "Quiz"}, learnertest.Step{Pick: " 1.3 "}, enter, // Ctrl-C inside: 130
		learnertest.Step{Pick: " 1.3 "}, enter, // below the pass mark: 1
		learnertest.Step{Pick: "back"},
		learnertest.Step{Pick: "Progress"}) // something else: 4
	s.codes = []int{cmdutil.ExitInterrupted, cmdutil.ExitFailed, cmdutil.ExitPermission}
	err := Open(context.Background(), s.opts)
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitPermission {
		t.Errorf("Open = %v (exit %d), want the command's exit 4", err, code)
	}
	if err := s.prompt.Done(); err != nil {
		t.Fatal(err)
	}
}

func TestMenuMarksReadLessonsFromTheSavedProgress(t *testing.T) {
	s := newSession(t, learnertest.Step{Pick: "Lessons"}, learnertest.Step{Pick: "back"}, learnertest.Step{Pick: "Quit"})
	dir, _ := s.opts.F.ConfigDir()
	store := lessons.NewStore(dir)
	p := lessons.NewProgress()
	p.MarkSeen("1.2", store.Now())
	if err := store.Save(p); err != nil {
		t.Fatal(err)
	}
	s.open(t)
	if !strings.Contains(strings.Join(s.prompt.Options[1], "\n"), "✓ 1.2 ") {
		t.Errorf("lesson 1.2 is not marked read: %q", s.prompt.Options[1])
	}
}

func TestMenuAsksBeforeThePingCheck(t *testing.T) {
	s := newSession(t,
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "ping"}, learnertest.Step{Yes: false},
		learnertest.Step{Pick: "ping"}, learnertest.Step{Yes: true}, learnertest.Step{},
		learnertest.Step{Pick: "port"}, learnertest.Step{Text: " 80  ssh "}, learnertest.Step{},
		learnertest.Step{Pick: "back"},
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

// TestMenuWaitsAndReturnsToTheSubmenu: a tool's answer stays on screen
// until Enter, and then the tool list comes back, not the main menu; the
// same for a lesson and a quiz.
func TestMenuWaitsAndReturnsToTheSubmenu(t *testing.T) {
	s := newSession(t,
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Pick: "ip"}, learnertest.Step{},
		learnertest.Step{Pick: "port"}, learnertest.Step{Text: "80"}, learnertest.Step{},
		learnertest.Step{Pick: "back"},
		learnertest.Step{Pick: "Lessons"}, learnertest.Step{Pick: "1.5 "}, learnertest.Step{},
		learnertest.Step{Pick: "back"},
		learnertest.Step{Pick: "Progress"}, learnertest.Step{},
		learnertest.Step{Pick: "Quit"})
	s.open(t)
	want := [][]string{{"ip"}, {"port", "80"}, {"learn", "1.5"}, {"progress"}}
	if !reflect.DeepEqual(s.ran, want) {
		t.Errorf("ran %q, want %q", s.ran, want)
	}
	tr := s.opts.F.Tr
	asked := s.prompt.Asked
	for i, want := range map[int]string{2: tr.T("menu.press_enter"), 3: tr.T("menu.pick_tool"),
		9: tr.T("menu.press_enter"), 10: tr.T("menu.pick_lesson"), 12: tr.T("menu.press_enter")} {
		if asked[i] != want {
			t.Errorf("prompt %d was %q, want %q", i, asked[i], want)
		}
	}
}

// TestMenuEscGoesBack: Esc in a list goes back to the menu above it; at
// the main menu there is nothing above, so it stays.
func TestMenuEscGoesBack(t *testing.T) {
	s := newSession(t,
		learnertest.Step{Pick: "Lessons"}, learnertest.Step{Back: true},
		learnertest.Step{Pick: "Tools"}, learnertest.Step{Back: true},
		learnertest.Step{Back: true},
		learnertest.Step{Pick: "Quit"})
	s.open(t)
	if len(s.ran) != 0 {
		t.Errorf("ran %q", s.ran)
	}
	title := s.opts.F.Tr.T("menu.title")
	if a := s.prompt.Asked; a[2] != title || a[4] != title || a[5] != title {
		t.Errorf("prompts %q: Esc did not go back to the main menu", a)
	}
}

// TestMenuRemembersTheLanguage: the language picked in the menu is the one
// the menu opens in next time, unless --lang or NETLEARN_LANG says otherwise.
func TestMenuRemembersTheLanguage(t *testing.T) {
	first := newSession(t, learnertest.Step{Pick: "中文"}, learnertest.Step{Pick: "退出"})
	first.open(t)
	dir, _ := first.opts.F.ConfigDir()
	for _, explicit := range []bool{false, true} {
		next := newSession(t, learnertest.Step{Control: true})
		next.opts.F.ConfigDir = func() (string, error) { return dir, nil }
		next.opts.F.LangExplicit = explicit
		next.open(t)
		want := i18n.For(i18n.ZH).T("menu.title")
		if explicit {
			want = i18n.For(i18n.EN).T("menu.title")
		}
		if got := next.prompt.Asked[0]; got != want {
			t.Errorf("explicit=%v: the menu opened with %q, want %q", explicit, got, want)
		}
	}
}
