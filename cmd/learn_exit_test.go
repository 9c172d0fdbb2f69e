package cmd

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/lessonstest"
)

// freshConfig is a config folder, not yet created, for this test.
func freshConfig(t *testing.T) string {
	return filepath.Join(t.TempDir(), "netlearn")
}

// runWithInput runs netlearn with its config folder in dir, stdin holding input.
func runWithInput(t *testing.T, dir, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(input)
	getenv := func(k string) string { return map[string]string{"NETLEARN_LANG": "en"}[k] }
	code = runWithSignals(context.Background(), args, ios, getenv, nil, nil, func(f *cmdutil.Factory) {
		f.ConfigDir = func() (string, error) { return dir, nil }
	})
	return code, out.String(), errOut.String()
}

func TestLearnQuizProgressExitCodes(t *testing.T) {
	cases := []struct {
		name, input string
		args        []string
		code        int
		errHas      string
	}{
		{"list", "", []string{"learn"}, 0, ""},
		{"one lesson", "", []string{"learn", "1.3"}, 0, ""},
		{"next", "", []string{"learn", "--next"}, 0, ""},
		{"json lesson", "", []string{"learn", "1.1", "--json"}, 0, ""},
		{"unknown section", "", []string{"learn", "2.9"}, 2, `"2.9" is not a section`},
		{"two sections", "", []string{"learn", "1.1", "1.2"}, 2, "give one section"},
		{"section and --next", "", []string{"learn", "1.1", "--next"}, 2, "not both"},
		{"quiz passed", quizInput(t, "1.3", true), []string{"quiz", "1.3", "--no-machine", "--seed", "1"}, 0, ""},
		{"quiz below the pass mark", quizInput(t, "1.3", false), []string{"quiz", "1.3", "--no-machine", "--seed", "1"}, 1, ""},
		{"quiz stdin ends early", "a\n", []string{"quiz", "1.3", "--no-machine"}, 1, "stdin ended before the last question (1 answered)"},
		{"quiz empty stdin", "", []string{"quiz", "1.3", "--no-machine"}, 1, "(0 answered)"},
		{"quiz two sections", "", []string{"quiz", "1.1", "1.2"}, 2, `give one section, not "1.1 1.2"`},
		{"learn extra word", "", []string{"learn", "1.2", "extra"}, 2, `give one section, not "1.2 extra"`},
		{"quiz bad section", "", []string{"quiz", "1.8"}, 2, `"1.8" is not a section`},
		{"quiz bad pass mark", "", []string{"quiz", "--pass", "101"}, 2, "between 0 and 100"},
		{"progress", "", []string{"progress"}, 0, ""},
		{"reset needs --yes off a terminal", "", []string{"progress", "--reset"}, 2, "needs --yes"},
		{"reset with --yes", "", []string{"progress", "--reset", "--yes"}, 0, ""},
		{"reset and json", "", []string{"progress", "--reset", "--json", "--yes"}, 2, "cannot be used together"},
		{"progress takes no argument", "", []string{"progress", "1.1"}, 2, "takes no arguments"},
	}
	dir := freshConfig(t)
	for _, c := range cases {
		code, _, errOut := runWithInput(t, dir, c.input, c.args...)
		if code != c.code || !strings.Contains(errOut, c.errHas) {
			t.Errorf("%s: exit %d (want %d), stderr %q (want %q)", c.name, code, c.code, errOut, c.errHas)
		}
		if strings.Contains(errOut, "goroutine ") || strings.Count(errOut, "\n") > 1 {
			t.Errorf("%s: stderr is not one line: %q", c.name, errOut)
		}
	}
}

// quizInput is stdin answering every stored question of a section, all
// right or all wrong, in the order of --seed 1, read from the quiz so the
// test follows the content.
func quizInput(t *testing.T, section string, right bool) string {
	t.Helper()
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	quiz, _ := lib.Quiz(section)
	var b strings.Builder
	for i, q := range lessons.Shuffled(quiz.Questions, 1) {
		b.WriteString(learnertest.Answer(&q, lessons.EN, right, i) + "\n")
	}
	return b.String()
}

func TestBareNetlearnPrintsHelpWhenNotOnATerminal(t *testing.T) {
	dir := freshConfig(t)
	code, out, _ := runWithInput(t, dir, "")
	if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "learn") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestProgressSurvivesACorruptFile(t *testing.T) {
	dir := freshConfig(t)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "progress.json"), []byte("{broken"), 0o644)
	code, _, errOut := runWithInput(t, dir, quizInput(t, "1.4", true), "quiz", "1.4", "--no-machine", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "could not be used") || !strings.Contains(errOut, "progress.json.broken-") {
		t.Errorf("want one line naming the backup, got %q", errOut)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "progress.json.broken-*"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	if kept, _ := os.ReadFile(backups[0]); string(kept) != "{broken" {
		t.Errorf("backup holds %q", kept)
	}
	_, out, errOut := runWithInput(t, dir, "", "progress")
	if errOut != "" || !regexp.MustCompile(`section\t1\.4\tnew\t\d+/\d+\t`).MatchString(out) {
		t.Errorf("the fresh file did not record the quiz: stdout %q stderr %q", out, errOut)
	}
}

func TestReadOnlyConfigDirStillWorks(t *testing.T) {
	dir := freshConfig(t)
	os.MkdirAll(dir, 0o755)
	lessonstest.ReadOnly(t, dir)
	code, out, errOut := runWithInput(t, dir, quizInput(t, "1.3", true), "quiz", "1.3", "--no-machine", "--seed", "1")
	if code != 0 || !strings.Contains(out, "(100%). Passed") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	want := "progress not saved: " + dir + " is read-only"
	if strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr %q, want one line starting %q", errOut, want)
	}
}
