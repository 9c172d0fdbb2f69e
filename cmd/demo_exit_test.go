package cmd

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/internal/testnet"
	"github.com/netlearn/netlearn/netinfo/ports"
	"github.com/netlearn/netlearn/sockdemo"
	"github.com/netlearn/netlearn/sockdemo/sockdemotest"
)

func TestDemoBadInputExits2(t *testing.T) {
	cases := []struct {
		args   []string
		errHas string
	}{
		{[]string{"demo", "server", "--port", "70000"}, "--port must be between 0 and 65535, not 70000"},
		{[]string{"demo", "server", "--port", "-1"}, "--port must be between 0 and 65535, not -1"},
		{[]string{"demo", "server", "--port", "abc"}, `"abc" is not a valid value for --port`},
		{[]string{"demo", "server", "--backlog", "-5"}, "--backlog must be at least 1"},
		// TEST-NET-1 is nobody's address here; binding it sends nothing.
		{[]string{"demo", "server", "--host", "192.0.2.1"}, "192.0.2.1 is not an address of this machine"},
		{[]string{"demo", "client", "--port", "1x", "-m", "x"}, `"1x" is not a valid value for --port`},
		{[]string{"demo", "server", "--echo", "--reply", "hi"}, "--reply and --echo cannot be used together"},
		{[]string{"demo", "server", "--reply", ""}, "--reply needs some text"},
		{[]string{"demo", "server", "--max-clients", "-1"}, "--max-clients cannot be negative"},
		{[]string{"demo", "server", "--idle-timeout", "-1s"}, "--idle-timeout cannot be negative"},
		{[]string{"demo", "server", "--backlog", "0"}, "--backlog must be at least 1"},
		{[]string{"demo", "server", "--idle-timeout", "soon"}, `"soon" is not a valid value for --idle-timeout`},
		{[]string{"demo", "server", "--host", "nowhere.invalid"}, `cannot find the address of host "nowhere.invalid"`},
		{[]string{"demo", "client", "--host", "nowhere.invalid", "-m", "x"}, `cannot find the address of host "nowhere.invalid"`},
		{[]string{"demo", "client", "--port", "0"}, "--port must be between 1 and 65535, not 0"},
		{[]string{"demo", "extra"}, `takes no arguments, but got "extra"`},
		{[]string{"demo", "--lose", "4"}, "--lose 4: the client sends only 3 messages; choose 1 to 3"},
		{[]string{"demo", "--lose", "0"}, "--lose must be at least 1"},
		{[]string{"demo", "--lose", "1", "--slow-reader"}, "run one experiment at a time"},
		{[]string{"demo", "--slow-reader", "-m", "x"}, "--slow-reader sends its own messages"},
		{[]string{"demo", "--packets", "--trace"}, "--trace cannot be used with --packets"},
		{[]string{"demo", "--pcap", ""}, "--pcap needs a file name"},
		{[]string{"demo", "--packets-child"}, "is used by netlearn itself"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, nil, c.args...)
		if strings.Contains(c.errHas, "cannot find the address") && strings.Contains(errOut, "--help") {
			t.Errorf("%v: a name that does not resolve needs no --help hint: %q", c.args, errOut)
		}
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, code, errOut)
		}
		if !strings.Contains(errOut, c.errHas) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line with %q", c.args, errOut, c.errHas)
		}
	}
}

func TestDemoPortInUseExits1(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, _, errOut := run(t, nil, "demo", "server", "--port", port)
	if code != 1 || !strings.Contains(errOut, "port "+port+" on 127.0.0.1 is already in use") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestDemoPrivilegedPortExits4(t *testing.T) {
	// Where port 80 is not privileged (Windows, macOS 10.14+, Linux with
	// ip_unprivileged_port_start=0) the server would bind it and serve.
	if p := ports.ThisMachine().Privilege(80); !p.Needed {
		t.Skipf("port 80 needs no privilege on this OS (rule %s)", p.Rule)
	}
	if os.Geteuid() != 0 {
		code, _, errOut := run(t, nil, "demo", "server", "--port", "80")
		if code != 4 || !strings.Contains(errOut, "needs root or CAP_NET_BIND_SERVICE") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
		return
	}
	// As root every port binds, so run a copy of this binary as nobody.
	code, errOut := runAsNobody(t, "demo", "server", "--port", "80")
	if code != 4 || !strings.Contains(errOut, "needs root or CAP_NET_BIND_SERVICE") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// runAsNobody runs netlearn (this test binary, copied where user nobody can
// execute it) with setpriv and returns its exit code and stderr.
func runAsNobody(t *testing.T, args ...string) (int, string) {
	t.Helper()
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv: cannot drop the privilege to test the refusal")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "netlearn") // testscript.Main runs cmd.Main for this name
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if strings.HasPrefix(d, os.TempDir()+"/") {
			os.Chmod(d, 0o755)
		}
	}
	var errOut bytes.Buffer
	c := exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
	c.Env = append(os.Environ(), "NETLEARN_LANG=en")
	c.Stderr = &errOut
	err = c.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return c.ProcessState.ExitCode(), errOut.String()
}

func TestDemoConnectionRefusedExits1(t *testing.T) {
	port := strconv.Itoa(testnet.FreePort(t))
	code, _, errOut := run(t, nil, "demo", "client", "--host", "127.0.0.1", "--port", port, "-m", "hi")
	want := "no server there: nothing listens on 127.0.0.1:" + port + ". Start one with `netlearn demo server --port " + port + "`\n"
	if code != 1 || errOut != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
}

// TestDemoRefusedClientExits1: a server full under --max-clients turns the
// client away; the client says so and fails instead of taking the
// refusal for a reply.
func TestDemoRefusedClientExits1(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	accepted := make(chan struct{}, 1)
	srv, err := sockdemo.Listen(ctx, sockdemo.ServerConfig{Host: "127.0.0.1", MaxClients: 1, Quiet: true,
		Emit: func(ev sockdemo.Event) {
			if ev.Step == sockdemo.StepAccept && ev.Error == "" {
				accepted <- struct{}{}
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() { defer close(served); srv.Serve(ctx) }()
	defer func() { cancel(); <-served }()
	first, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	<-accepted // the one place is taken
	port := strconv.Itoa(int(srv.Addr().Port()))
	code, out, errOut := run(t, nil, "demo", "client", "--host", "127.0.0.1", "--port", port, "-m", "hello")
	want := "the server at 127.0.0.1:" + port + " is full (--max-clients) and refused this client; try again when a client has left\n"
	if code != 1 || errOut != want || !strings.Contains(out, "that is a refusal, not a reply") {
		t.Errorf("exit %d, stderr %q, want %q\nstdout:\n%s", code, errOut, want, out)
	}
}

func TestDemoServerDyingMidSessionExits1(t *testing.T) {
	port := strconv.Itoa(sockdemotest.ServerThatDies(t, "")) // dies before answering
	code, _, errOut := run(t, nil, "demo", "client", "--host", "127.0.0.1", "--port", port, "-m", "anyone?")
	if code != 1 || !strings.Contains(errOut, "closed the connection or stopped in the middle of the session") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestDemoInProcessExits0(t *testing.T) {
	code, out, errOut := run(t, nil, "demo")
	if code != 0 || errOut != "" || !strings.Contains(out, "client\tstep=connect\t") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestDemoServerCtrlCExits130 runs the real binary (testscript.Main puts
// `netlearn` on PATH), sends it SIGINT with a client connected, and checks
// the exit code, the summary, and that the client's connection was closed.
func TestDemoServerCtrlCExits130(t *testing.T) {
	if _, err := exec.LookPath("netlearn"); err != nil {
		t.Skip("netlearn is not on PATH outside testscript.Main")
	}
	addrFile := filepath.Join(t.TempDir(), "addr")
	var out, errOut bytes.Buffer
	srv := exec.Command("netlearn", "demo", "server", "--port", "0", "--addr-file", addrFile)
	srv.Env = append(os.Environ(), "NETLEARN_LANG=en")
	srv.Stdout, srv.Stderr = &out, &errOut
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Process.Kill()
	addr := waitForFile(t, addrFile)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("hi"))
	conn.Read(make([]byte, 64))

	srv.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- srv.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("server still running 10s after SIGINT")
	}
	if code := srv.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d, want 130; stderr %q", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Summary: clients served 1, refused 0, messages 1") {
		t.Errorf("no summary in:\n%s", out.String())
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, err := conn.Read(make([]byte, 1)); n != 0 || err == nil {
		t.Errorf("client connection still open after Ctrl-C")
	}
}

// TestDemoClientCtrlCExits130 cancels a client blocked in recv.
func TestDemoClientCtrlCExits130(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			accepted <- c // never answers
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	ios, _, out, errOut := iostreams.Test()
	codeCh := make(chan int, 1)
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	go func() {
		codeCh <- Run(ctx, []string{"demo", "client", "--host", "127.0.0.1", "--port", port, "-m", "hello?"}, ios, func(string) string { return "" })
	}()
	c := <-accepted
	defer c.Close()
	c.Read(make([]byte, 64)) // the client has sent; it now waits in recv
	cancel()
	select {
	case code := <-codeCh:
		if code != 130 || !strings.Contains(out.String(), "closed because the program is stopping") {
			t.Errorf("exit %d\nstdout %s\nstderr %s", code, out.String(), errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("client still blocked 10s after cancel")
	}
}

func waitForFile(t *testing.T, path string) string {
	t.Helper()
	for range 500 {
		if data, err := os.ReadFile(path); err == nil {
			return strings.TrimSpace(string(data))
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s not written within 10s", path)
	return ""
}

// --addr-file in a missing folder is the learner's input gone wrong: exit 2,
// one line naming the path once, before the server starts.
func TestDemoAddrFileInAMissingFolderExits2(t *testing.T) {
	path := t.TempDir() + "/no-such-folder/addr"
	code, stdout, stderr := run(t, nil, "demo", "server", "--addr-file", path, "--lang", "en")
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || strings.Count(stderr, path) != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, one line naming the path once", code, stdout, stderr)
	}
}
