package learn

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

func TestNewCmdLearnParsesItsArguments(t *testing.T) {
	cases := []struct {
		args    []string
		section string
		next    bool
		asJSON  bool
	}{
		{nil, "", false, false},
		{[]string{"1.2.4"}, "1.2.4", false, false},
		{[]string{"--next"}, "", true, false},
		{[]string{"1.1", "--json"}, "1.1", false, true},
	}
	for _, c := range cases {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmdLearn(cmdutil.NewFactory(ios, i18n.EN), func(_ context.Context, o *Options) error {
			got = o
			return nil
		})
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if got.Section != c.section || got.Next != c.next || got.JSON != c.asJSON {
			t.Errorf("%v: options %+v", c.args, got)
		}
	}
}

type fixture struct {
	f       *cmdutil.Factory
	out     *bytes.Buffer
	prompt  *learnertest.Prompter
	ran     [][]string
	tracker *learner.Tracker
	lib     *lessons.Library
}

func newFixture(t *testing.T, terminal bool, steps ...learnertest.Step) *fixture {
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(terminal, terminal, false)
	ios.SetTerminalWidth(72)
	fx := &fixture{f: cmdutil.NewFactory(ios, i18n.EN), out: out, prompt: &learnertest.Prompter{Steps: steps}, lib: mustLib(t)}
	fx.tracker = learner.OpenTrackerIn(fx.f, t.TempDir())
	return fx
}

func (fx *fixture) show(section string) error {
	opts := &Options{F: fx.f, Prompter: fx.prompt, Run: func(_ context.Context, args []string) int {
		fx.ran = append(fx.ran, args)
		return 0
	}}
	return Show(context.Background(), opts, fx.lib, fx.tracker, section)
}

func TestShowOffersEachTryCommandOnATerminal(t *testing.T) {
	lesson, _ := mustLib(t).Lesson("1.2", lessons.EN)
	steps := []learnertest.Step{{Yes: true}}
	for range lesson.Try[1:] {
		steps = append(steps, learnertest.Step{Yes: false})
	}
	fx := newFixture(t, true, steps...)
	if err := fx.show("1.2"); err != nil {
		t.Fatal(err)
	}
	if err := fx.prompt.Done(); err != nil {
		t.Fatal(err)
	}
	first, _ := lessons.SplitTry(lesson.Try[0])
	if !reflect.DeepEqual(fx.ran, [][]string{first}) {
		t.Errorf("ran %q, want only %q", fx.ran, first)
	}
	if !strings.Contains(fx.prompt.Asked[0], lesson.Try[0]) {
		t.Errorf("prompt %q does not show the command", fx.prompt.Asked[0])
	}
	if _, seen := fx.tracker.Progress.Seen["1.2"]; !seen {
		t.Error("the lesson was not recorded as seen")
	}
}

func TestCtrlCAtATryPromptKeepsTheLessonSeen(t *testing.T) {
	fx := newFixture(t, true, learnertest.Step{Control: true})
	if err := fx.show("1.3"); !errors.Is(err, cmdutil.ErrInterrupted) {
		t.Fatalf("Show = %v, want ErrInterrupted", err)
	}
	if len(fx.ran) != 0 {
		t.Errorf("ran %q after Ctrl-C", fx.ran)
	}
	if _, seen := fx.tracker.Progress.Seen["1.3"]; !seen {
		t.Error("the lesson was not recorded as seen")
	}
}

func TestPipedLessonPrintsTryCommandsAndNeverAsks(t *testing.T) {
	fx := newFixture(t, false)
	if err := fx.show("1.1.3"); err != nil {
		t.Fatal(err)
	}
	if len(fx.prompt.Asked) != 0 || len(fx.ran) != 0 {
		t.Errorf("asked %q, ran %q", fx.prompt.Asked, fx.ran)
	}
	out := fx.out.String()
	lesson, _ := fx.lib.Lesson("1.1.3", lessons.EN)
	for _, want := range append([]string{"# 1.1.3 " + lesson.Title, "\n## "}, lesson.Try...) {
		if !strings.Contains(out, want) {
			t.Errorf("plain lesson lacks %q", want)
		}
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("escape bytes in plain output")
	}
}

// TestOnlyALessonReadOnATerminalCounts: a lesson piped or printed as
// JSON is a teacher or a script extracting it, not a learner reading it.
func TestOnlyALessonReadOnATerminalCounts(t *testing.T) {
	piped := newFixture(t, false)
	if err := piped.show("1.1"); err != nil {
		t.Fatal(err)
	}
	asJSON := newFixture(t, true)
	opts := &Options{F: asJSON.f, Prompter: asJSON.prompt, JSON: true}
	if err := Show(context.Background(), opts, asJSON.lib, asJSON.tracker, "1.1"); err != nil {
		t.Fatal(err)
	}
	for name, fx := range map[string]*fixture{"piped": piped, "--json": asJSON} {
		if len(fx.tracker.Progress.Seen) != 0 || fx.tracker.Progress.Last != nil {
			t.Errorf("%s: progress %+v, want nothing read", name, fx.tracker.Progress)
		}
	}
	onTerminal := newFixture(t, true, learnertest.Step{}, learnertest.Step{}, learnertest.Step{}, learnertest.Step{})
	if err := onTerminal.show("1.1"); err != nil {
		t.Fatal(err)
	}
	if _, seen := onTerminal.tracker.Progress.Seen["1.1"]; !seen {
		t.Error("a lesson read on a terminal was not recorded")
	}
}

func TestTerminalLessonIsWrappedAndStyled(t *testing.T) {
	for _, color := range []bool{false, true} {
		for _, lang := range lessons.Langs {
			l, _ := mustLib(t).Lesson("1.4", lang)
			var b bytes.Buffer
			if err := renderTerminal(output.New(&b, output.Terminal, color, 60), l); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), "\x1b[") != color {
				t.Errorf("%s, colour %v: escape codes present %v", lang, color, !color)
			}
			out := output.Strip(b.String())
			for _, want := range []string{l.Title, "  • ", codeIndent, "$ " + l.Try[0]} {
				if !strings.Contains(out, want) {
					t.Errorf("%s: terminal lesson lacks %q", lang, want)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				if !strings.HasPrefix(line, codeIndent) && !strings.Contains(line, "$ netlearn") && runewidth.StringWidth(line) > 60 {
					t.Errorf("%s: line wider than 60: %q", lang, line)
				}
			}
			if strings.Contains(out, "`") {
				t.Errorf("%s: backticks left in the terminal view", lang)
			}
		}
	}
}

func mustLib(t *testing.T) *lessons.Library {
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}
