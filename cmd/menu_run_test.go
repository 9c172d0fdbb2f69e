package cmd

import (
	"context"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// TestMenuRunsCommandsThroughTheCommandTree drives the menu on a pretend
// terminal with a scripted learner, through the real in-process runner: a
// lesson, the progress it saved, a quiz left with Ctrl-C (back to the menu),
// then quit.
func TestMenuRunsCommandsThroughTheCommandTree(t *testing.T) {
	lib, _ := lessons.Default()
	lesson, _ := lib.Lesson("1.5", lessons.EN)
	steps := []learnertest.Step{{Pick: "Lessons"}, {Pick: " 1.5 "}}
	for range lesson.Try {
		steps = append(steps, learnertest.Step{Yes: false})
	}
	enter, esc := learnertest.Step{}, learnertest.Step{Back: true}
	steps = append(steps, enter, esc, // read it, back to the lesson list, back to the menu
		learnertest.Step{Pick: "Progress"}, enter,
		learnertest.Step{Pick: "Quiz"}, learnertest.Step{Pick: " 1.3 "}, learnertest.Step{Control: true}, enter, esc,
		learnertest.Step{Pick: "Quit"})
	prompt := &learnertest.Prompter{Steps: steps}
	dir := t.TempDir()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(true, true, false)
	code := runWithSignals(context.Background(), nil, ios, func(string) string { return "" }, nil, nil, func(f *cmdutil.Factory) {
		f.ConfigDir = func() (string, error) { return dir, nil }
		f.NewPrompter = func(*i18n.Catalog) output.Prompter { return prompt }
	})
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if err := prompt.Done(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{lesson.Title, "Lessons read: 1 of 12", "Bye."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("menu output lacks %q:\n%s", want, out)
		}
	}
	if errOut.String() != "interrupted\n" {
		t.Errorf("stderr %q, want the quiz's one interrupted line", errOut)
	}
}
