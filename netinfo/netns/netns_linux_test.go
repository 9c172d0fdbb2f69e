package netns

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netlearn/netlearn/internal/testbin"
)

// TestMain plays the child's part when Command re-executes this test
// binary: it sets the namespace up and reports what it sees.
func TestMain(m *testing.M) {
	if Inside() {
		os.Exit(reportNamespace())
	}
	os.Exit(m.Run())
}

func reportNamespace() int {
	if err := Setup(); err != nil {
		fmt.Println("setup:", err)
		return 1
	}
	ifs, err := net.Interfaces()
	if err != nil {
		fmt.Println("interfaces:", err)
		return 1
	}
	for _, i := range ifs {
		fmt.Printf("%s up=%v\n", i.Name, i.Flags&net.FlagUp != 0)
	}
	// A fixed port is safe here: nothing else lives in this namespace.
	l, err := net.Listen("tcp", "127.0.0.1:8888")
	if err != nil {
		fmt.Println("listen:", err)
		return 1
	}
	l.Close()
	fmt.Println("listen 8888: ok")
	return 0
}

func runChild(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := Command(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.CombinedOutput()
	if r := Classify(err); r != nil {
		t.Skipf("this machine refuses private namespaces: %v", r)
	}
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	return string(out)
}

// TestCommandEntersNamespace checks that the child has a network stack of
// its own: only lo, brought up, and a port free even if the host uses it.
func TestCommandEntersNamespace(t *testing.T) {
	out := runChild(t)
	want := "lo up=true\nlisten 8888: ok\n"
	if out != want {
		t.Fatalf("child saw:\n%s\nwant:\n%s", out, want)
	}
}

// TestCommandAsOrdinaryUser runs the same check as uid 65534, which needs
// the user namespace. It runs when the tests run as root (as in CI).
func TestCommandAsOrdinaryUser(t *testing.T) {
	if os.Getenv("NETNS_TEST_AS_NOBODY") == "1" {
		if os.Geteuid() == 0 {
			t.Fatal("expected to run as nobody")
		}
		if out := runChild(t); out != "lo up=true\nlisten 8888: ok\n" {
			t.Fatalf("child saw:\n%s", out)
		}
		return
	}
	setpriv := lookRoot(t, "setpriv")
	bin := testbin.PublicCopy(t, "netns.test")
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
		bin, "-test.run=^TestCommandAsOrdinaryUser$", "-test.v")
	cmd.Env = append(os.Environ(), "NETNS_TEST_AS_NOBODY=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "SKIP") {
		t.Skipf("refused for nobody here:\n%s", out)
	}
	t.Logf("as nobody:\n%s", out)
}

// TestRefusalIsClassified simulates a machine that allows no user
// namespaces, as PITFALLS.md describes: inside `unshare -r`, set
// user.max_user_namespaces to 0, so the nested one Command asks for fails.
func TestRefusalIsClassified(t *testing.T) {
	if os.Getenv("NETNS_TEST_LIMITED") == "1" {
		c, err := Command(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		err = c.Run()
		r := Classify(err)
		if r == nil || r.Reason != NoUserNamespaces || r.Sysctl != "user.max_user_namespaces" {
			t.Fatalf("Classify(%v) = %+v, want no_user_namespaces", err, r)
		}
		fmt.Println("REFUSED:", r)
		return
	}
	unshare := lookRoot(t, "unshare")
	bin := testbin.PublicCopy(t, "netns.test")
	script := "echo 0 > /proc/sys/user/max_user_namespaces && exec " + bin + " -test.run=^TestRefusalIsClassified$ -test.v"
	cmd := exec.Command(unshare, "-r", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "NETNS_TEST_LIMITED=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "REFUSED: private network namespace refused (no_user_namespaces) by user.max_user_namespaces") {
		t.Fatalf("no refusal reported:\n%s", out)
	}
}

func TestClassifyReadsTheResponsibleSetting(t *testing.T) {
	cases := []struct {
		name   string
		files  map[string]string
		err    error
		reason Reason
		sysctl string
	}{
		{"apparmor", map[string]string{"kernel/apparmor_restrict_unprivileged_userns": "1\n", "user/max_user_namespaces": "63000"}, syscall.EPERM, AppArmor, "kernel.apparmor_restrict_unprivileged_userns"},
		{"debian", map[string]string{"kernel/unprivileged_userns_clone": "0\n"}, syscall.EPERM, UsernsCloneOff, "kernel.unprivileged_userns_clone"},
		{"rhel7", map[string]string{"user/max_user_namespaces": "0\n"}, syscall.EINVAL, NoUserNamespaces, "user.max_user_namespaces"},
		{"outer limit", map[string]string{}, syscall.ENOSPC, NoUserNamespaces, "user.max_user_namespaces"},
		{"container", map[string]string{"user/max_user_namespaces": "63000"}, syscall.EPERM, Other, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fakeSysctls(t, tc.files)
			r := Classify(&os.SyscallError{Syscall: "fork/exec", Err: tc.err})
			if r == nil || r.Reason != tc.reason || r.Sysctl != tc.sysctl {
				t.Fatalf("got %+v, want %s %q", r, tc.reason, tc.sysctl)
			}
			if !errors.Is(r, tc.err) {
				t.Fatalf("refusal does not wrap %v", tc.err)
			}
		})
	}
	if r := Classify(exec.ErrNotFound); r != nil {
		t.Fatalf("a missing program is no refusal: %+v", r)
	}
}

func fakeSysctls(t *testing.T, files map[string]string) {
	dir := t.TempDir()
	for name, value := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(value), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := sysctlDir
	sysctlDir = dir
	t.Cleanup(func() { sysctlDir = old })
}

func lookRoot(t *testing.T, tool string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to change users or namespace limits")
	}
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s is not installed", tool)
	}
	return p
}
