package exercise

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netlearn/netlearn/internal/testnet"
)

// Every reference solution passes every check.
func TestReferenceSolutions(t *testing.T) {
	for _, file := range []string{
		"server/ref.py", "server/ref.go", "client/ref.py", "client/ref.go",
		"server-loop/ref.py", "server-threads/ref.py", "framing/ref.py",
	} {
		t.Run(file, func(t *testing.T) {
			if strings.HasSuffix(file, ".go") {
				if _, err := exec.LookPath("go"); err != nil {
					t.Skip("go is not installed")
				}
			} else {
				needPython(t)
			}
			t.Parallel()
			name, _, _ := strings.Cut(file, "/")
			r := checkFile(t, name, file)
			t.Log(describe(r), r.Duration)
			if !r.Passed {
				t.Fatalf("%s: %s", file, describe(r))
			}
		})
	}
}

// Each broken program fails its check (every check before it passes)
// with the expected explanation: a hint key or a recognised error.
func TestBrokenPrograms(t *testing.T) {
	needPython(t)
	for _, tc := range []struct{ file, check, why string }{
		{"server/broken-starts.py", "starts", "known=bind-tuple"},
		{"server/broken-accepts.py", "accepts", "hint=exercise.hint.accept"},
		{"server/broken-replies.py", "replies", "hint=exercise.hint.no_reply"},
		{"server/broken-utf8.py", "utf8", "known=utf8-split"},
		{"server/broken-exit.py", "exit", "hint=exercise.hint.exit"},
		{"server/broken-peer-close.py", "peer-close", "hint=exercise.hint.busy_loop"},
		{"client/broken-starts.py", "starts", "known=if-assign"},
		{"client/broken-connects.py", "connects", "hint=exercise.hint.connect_port"},
		{"client/broken-sends-utf8.py", "sends-utf8", "hint=exercise.hint.send_utf8"},
		{"client/broken-prints-reply.py", "prints-reply", "hint=exercise.hint.print_reply"},
		{"client/broken-empty-line.py", "empty-line", "hint=exercise.hint.empty_line"},
		{"client/broken-exit.py", "exit", "hint=exercise.hint.client_close"},
		{"client/broken-stdin-eof.py", "stdin-eof", "known=eof"},
		{"server-loop/broken-starts.py", "starts", "known=indent"},
		{"server-loop/broken-next-client.py", "next-client", "hint=exercise.hint.serve_loop"},
		{"server-loop/broken-reset.py", "reset", "known=reset"},
		{"server-loop/broken-restart.py", "restart", "hint=exercise.hint.reuseaddr"},
		{"server-threads/broken-starts.py", "starts", "known=name"},
		{"server-threads/broken-concurrent.py", "concurrent", "hint=exercise.hint.threads"},
		{"server-threads/broken-many.py", "many", "hint=exercise.hint.threads_echo"},
		{"framing/broken-starts.py", "starts", "known=addr-in-use"},
		{"framing/broken-split.py", "split", "hint=exercise.hint.framing"},
		{"framing/broken-merged.py", "merged", "hint=exercise.hint.framing"},
		{"framing/broken-long.py", "long", "hint=exercise.hint.framing"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			name, _, _ := strings.Cut(tc.file, "/")
			r := checkFile(t, name, tc.file)
			f := firstFailure(r)
			if f == nil || f.ID != tc.check {
				t.Fatalf("want %s to fail first, got %s", tc.check, describe(r))
			}
			t.Log(describe(r))
			got := describe(Report{Checks: []Result{*f}})
			if !strings.Contains(got, tc.why) {
				t.Fatalf("want %s, got %s", tc.why, got)
			}
		})
	}
}

// A server that never starts is started once, not twice: the fresh run of
// peer-close gives the verdict of "starts" (a program that never listened
// kept the learner waiting 2 × 5 s for one "listened on no port").
func TestServerThatDoesNotStartRunsOnce(t *testing.T) {
	needPython(t)
	dir := t.TempDir()
	runs := filepath.Join(dir, "runs")
	prog := filepath.Join(dir, "server.py")
	code := "open(" + strconv.Quote(runs) + ", 'a').write('run\\n')\nraise SystemExit(3)\n"
	if err := os.WriteFile(prog, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	ex, _ := Lookup("server")
	launch, err := Resolve(prog, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r := Check(ctx, ex, Options{Launch: launch, Port: testnet.FreePort(t), Where: "host"})
	if f := firstFailure(r); f == nil || f.ID != "starts" || f.Message.Key != "exercise.msg.exited_before_listen" {
		t.Fatalf("want starts to fail first, got %s", describe(r))
	}
	b, _ := os.ReadFile(runs)
	if n := strings.Count(string(b), "run"); n != 1 {
		t.Fatalf("the program ran %d times, want 1", n)
	}
	if len(r.Checks) != len(ex.Checks) {
		t.Fatalf("every check is reported: %s", describe(r))
	}
}
