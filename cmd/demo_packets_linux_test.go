package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/internal/testbin"
)

// TestDemoPacketsRefusedExits4 makes the refusal happen for real: inside
// `unshare -r`, user.max_user_namespaces is set to 0, so the namespace
// demo --packets asks for is refused (ENOSPC). netlearn must say why in
// one line, name the setting, show the inferred view and exit 4.
func TestDemoPacketsRefusedExits4(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to limit user namespaces inside unshare -r")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare is not installed")
	}
	bin := testbin.PublicCopy(t, "netlearn")
	script := `echo 0 > /proc/sys/user/max_user_namespaces && exec "$0" demo --packets` // $0 is the copy, named netlearn
	cmd := exec.Command("unshare", "-r", "sh", "-c", script, bin)
	cmd.Env = []string{"NETLEARN_LANG=en", "HOME=/", "PATH=" + os.Getenv("PATH")}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("want exit 4, got %v\nstderr: %s\nstdout: %s", err, stderr.String(), stdout.String())
	}
	if exit.ExitCode() != 4 {
		t.Errorf("exit %d, want 4", exit.ExitCode())
	}
	want := "--packets cannot capture here: this system allows no user namespaces (user.max_user_namespaces is 0, or its limit is reached). " +
		"Run it with sudo, or raise it: sudo sysctl -w user.max_user_namespaces=15000. Showing the picture inferred from socket events instead.\n"
	if stderr.String() != want {
		t.Errorf("stderr %q\nwant   %q", stderr.String(), want)
	}
	for _, s := range []string{"picture\tsource=inferred\tThe exchange over time, inferred from socket events (not captured)\n",
		"\tdir=to_server\tflags=PSH+ACK\tlen=7\tinferred\trecv 7 B / send \"你好\\n\"\n", "\tdir=to_server\tflags=FIN\tlen=0\tinferred\tclose()\n"} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
		}
	}
}

// TestDemoPcapInAMissingFolder: one translated line, with the error
// prefix, the path named once and why; the path is the learner's input,
// so the exit code is 2.
func TestDemoPcapInAMissingFolder(t *testing.T) {
	path := t.TempDir() + "/no-such-folder/x.pcap"
	for lang, prefix := range map[string]string{"en": "error: cannot write the capture file ", "zh": "错误：无法写入抓包文件 "} {
		code, stdout, stderr := run(t, nil, "demo", "--pcap", path, "--lang", lang)
		if code != 2 || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2 and nothing", lang, code, stdout)
		}
		if !strings.HasPrefix(stderr, prefix) || strings.Count(stderr, "\n") != 1 ||
			strings.Count(stderr, path) != 1 || !strings.Contains(stderr, "no-such-folder") {
			t.Errorf("%s: stderr %q", lang, stderr)
		}
	}
}
