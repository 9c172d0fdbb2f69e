package exercise

import (
	"context"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/netlearn/netlearn/internal/testnet"
)

func needPython(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil && runtime.GOOS != "windows" {
		t.Skip("python3 is not installed: the learner programs in testdata cannot run")
	}
}

func learner(name string) string {
	p, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "exercise", name))
	return p
}

// checkFile runs one exercise against a program in testdata.
func checkFile(t *testing.T, exercise, file string) Report {
	t.Helper()
	ex, ok := Lookup(exercise)
	if !ok {
		t.Fatalf("no exercise %q", exercise)
	}
	launch, err := Resolve(learner(file), nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return Check(ctx, ex, Options{Launch: launch, Port: testnet.FreePort(t), Where: "host"})
}

func firstFailure(r Report) *Result {
	for i := range r.Checks {
		if r.Checks[i].Status == Fail {
			return &r.Checks[i]
		}
	}
	return nil
}

func describe(r Report) string {
	s := ""
	for _, c := range r.Checks {
		s += c.ID + "=" + string(c.Status) + " " + c.Message.Key
		if c.Known != nil {
			s += " known=" + c.Known.Key
		}
		if c.Hint != nil {
			s += " hint=" + c.Hint.Key
		}
		s += "; "
	}
	return s
}
