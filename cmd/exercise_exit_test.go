package cmd

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Exact exit codes of `exercise`: 0 every check passed, 1 a check failed,
// 2 bad input. The checks run for real, in a private network namespace
// where the system gives one (this test binary re-runs itself there).
func TestExerciseExitCodes(t *testing.T) {
	learner := func(name string) string {
		p, _ := filepath.Abs(filepath.Join("..", "testdata", "exercise", name))
		return p
	}
	cases := []struct {
		name   string
		python bool
		args   []string
		code   int
		errHas string
	}{
		{"list", false, []string{"exercise"}, 0, ""},
		{"show", false, []string{"exercise", "show", "client"}, 0, ""},
		{"unknown exercise", false, []string{"exercise", "check", "nosuch", "x.py"}, 2, "there is no exercise nosuch"},
		{"missing file", false, []string{"exercise", "check", "server", "missing.py"}, 2, "there is no file missing.py"},
		{"directory", false, []string{"exercise", "check", "server", "."}, 2, "is a folder"},
		{"show without a name", false, []string{"exercise", "show"}, 2, "name an exercise"},
		{"watch with json", false, []string{"exercise", "check", "server", "--watch", "--json"}, 2, "cannot be used with --json"},
		{"reference passes", true, []string{"exercise", "check", "client", learner("client/ref.py")}, 0, ""},
		{"broken fails", true, []string{"exercise", "check", "client", learner("client/broken-sends-utf8.py")}, 1, ""},
	}
	dir := freshConfig(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := exec.LookPath("python3"); tc.python && err != nil {
				t.Skip("python3 is not installed: cannot check a learner program")
			}
			code, _, stderr := runWithInput(t, dir, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.errHas) || strings.Contains(stderr, "goroutine") {
				t.Fatalf("stderr %q, want it to say %q", stderr, tc.errHas)
			}
		})
	}
}
