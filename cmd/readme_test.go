package cmd

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeFirstBlockRunsWithOnlyGo: the README's first block is what a
// newcomer with nothing but Go types. Its test command must not need a C
// compiler (the race detector does), and CI must run that very command,
// besides the race detector.
func TestReadmeFirstBlockRunsWithOnlyGo(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```sh\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("the README has no sh block")
	}
	var testCmd string
	for _, line := range strings.Split(string(block[1]), "\n") {
		if cmd, _, _ := strings.Cut(line, "#"); strings.HasPrefix(cmd, "go test") {
			testCmd = strings.TrimSpace(cmd)
		}
	}
	switch {
	case testCmd == "":
		t.Fatalf("the README's first block has no go test line:\n%s", block[1])
	case strings.Contains(testCmd, "-race"):
		t.Errorf("%q needs cgo and a C compiler; the first block is for a machine with only Go", testCmd)
	}
	lines := strings.Split(string(ci), "\n")
	for _, want := range []string{testCmd, "go test -race ./..."} {
		found := false
		for _, l := range lines {
			found = found || strings.TrimSpace(l) == want
		}
		if !found {
			t.Errorf(".ci/run does not run %q", want)
		}
	}
}
