package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/netlearn/netlearn/internal/testbin"
)

// TestPingWithoutPermissionForReal runs netlearn as the user nobody inside a
// network namespace of its own. A new namespace starts with the kernel's
// default ping_group_range "1 0" (no group may use ping sockets) and nobody
// has no CAP_NET_RAW, so both ICMP modes are refused for real, while the
// machine's own sysctl, which other tests rely on, is never touched.
func TestPingWithoutPermissionForReal(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to create a network namespace and switch to nobody")
	}
	bin := testbin.PublicCopy(t, "netlearn")
	for _, c := range []struct {
		args   []string
		code   int
		errHas []string
	}{
		{[]string{"ping", "-c", "1", "127.0.0.1"}, 4,
			[]string{`ping_group_range, now "1 0"`, "setcap cap_net_raw+ep", "--tcp 443 127.0.0.1"}},
		{[]string{"ping", "-c", "1", "-i", "0.001", "127.0.0.1"}, 2,
			[]string{"need privilege"}},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Args[0] = "netlearn" // testscript.Main runs cmd.Main under this name
		cmd.Env = []string{"NETLEARN_LANG=en", "HOME=/", "PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = &syscall.SysProcAttr{
			Cloneflags: syscall.CLONE_NEWNET,
			Credential: &syscall.Credential{Uid: 65534, Gid: 65534},
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) && err != nil {
			t.Fatalf("could not run as nobody in a new namespace: %v", err)
		}
		code := 0
		if exit != nil {
			code = exit.ExitCode()
		}
		t.Logf("%q as nobody: exit %d\n%s", c.args, code, stderr.String())
		if code != c.code {
			t.Errorf("%q: exit %d, want %d", c.args, code, c.code)
		}
		for _, want := range c.errHas {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%q: stderr lacks %q", c.args, want)
			}
		}
	}
}

// TestPingFallsBackToPrivilegedForReal runs netlearn as root in a network
// namespace of its own, whose ping_group_range is the kernel default "1 0":
// the ping socket is refused, so netlearn must fall back to a raw socket and
// say so.
func TestPingFallsBackToPrivilegedForReal(t *testing.T) {
	bin := namespaceReadyBinary(t)
	script := `ip link set lo up && exec "$0" ping -c 1 127.0.0.1` // $0 is the copy, named netlearn
	cmd := exec.Command("unshare", "--net", "sh", "-c", script, bin)
	cmd.Env = []string{"NETLEARN_LANG=en", "HOME=/", "PATH=" + os.Getenv("PATH")}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "start\tmode=privileged") {
		t.Errorf("no fallback to privileged mode:\n%s", out)
	}
}

// namespaceReadyBinary skips the test unless it can run netlearn in a new
// network namespace with unshare (root, unshare and ip installed), and
// returns a copy of the binary to run there.
func namespaceReadyBinary(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to create a network namespace")
	}
	for _, tool := range []string{"unshare", "ip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	return testbin.PublicCopy(t, "netlearn")
}
