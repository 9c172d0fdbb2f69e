package cmd

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/internal/testbin"
)

// TestClosedStdoutFails: `netlearn ip >&-` has nowhere to write its answer,
// so it fails with one line, as a full disk (/dev/full) does; discarding the
// output with >/dev/null is no failure.
func TestClosedStdoutFails(t *testing.T) {
	bin := testbin.PublicCopy(t, "netlearn")
	for _, c := range []struct {
		redirect string
		code     int
		errHas   string
	}{
		{">&-", 1, "standard output is closed"},
		{">/dev/full", 1, "no space left on device"},
		{">/dev/null", 0, ""},
	} {
		for _, args := range []string{"ip", "--help"} {
			cmd := exec.Command("sh", "-c", `exec "$0" `+args+` `+c.redirect, bin)
			cmd.Env = []string{"NETLEARN_LANG=en", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code || !strings.Contains(stderr.String(), c.errHas) || strings.Count(stderr.String(), "\n") > 1 {
				t.Errorf("%s %s: exit %d, stderr %q; want exit %d and %q", args, c.redirect, code, stderr.String(), c.code, c.errHas)
			}
		}
	}
}

// TestHelpToAClosedStdoutFails: cobra's help ignores its write errors, so
// `netlearn --help >&-` used to exit 0 with nothing said.
func TestHelpToAClosedStdoutFails(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"help", "ip"}, {"port", "--help"}} {
		ios, _, _, errOut := iostreams.Test()
		ios.Out = closedOut{}
		code := Run(context.Background(), args, ios, func(k string) string { return map[string]string{"NETLEARN_LANG": "en"}[k] })
		if code != 1 || !strings.Contains(errOut.String(), "standard output is closed") || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%q to a closed stdout: exit %d, stderr %q; want exit 1 and one line", args, code, errOut.String())
		}
	}
}

type closedOut struct{}

func (closedOut) Write([]byte) (int, error) { return 0, iostreams.ErrStdoutClosed }
