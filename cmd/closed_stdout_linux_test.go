package cmd

import (
	"os"
	"os/exec"
	"strings"
	"testing"

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
		cmd := exec.Command("sh", "-c", `exec "$0" ip `+c.redirect, bin)
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
			t.Errorf("ip %s: exit %d, stderr %q; want exit %d and %q", c.redirect, code, stderr.String(), c.code, c.errHas)
		}
	}
}
