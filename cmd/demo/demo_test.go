package demo

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/capture"
	"github.com/netlearn/netlearn/netinfo/netns"
	"github.com/netlearn/netlearn/netinfo/ports"
	"github.com/netlearn/netlearn/sockdemo"
)

// Keys built at run time (per step, per reason) are invisible to the
// catalogue test that scans for literal keys, so check them here.
func TestEveryComputedKeyExists(t *testing.T) {
	var keys []string
	for side, steps := range sockdemo.NumberedSteps() {
		for _, step := range steps {
			keys = append(keys, "demo.title."+string(side)+"."+string(lessonStep(step)))
		}
		keys = append(keys, "demo.side."+string(side))
	}
	for side, steps := range explained {
		for _, step := range steps {
			base := string(side) + "." + string(step)
			keys = append(keys, "demo.what."+base)
			if step == sockdemo.StepClose {
				keys = append(keys, "demo.what."+base+"_after_reset", "demo.what."+base+"_unread")
			}
			if side == sockdemo.SideServer && step == sockdemo.StepSend {
				keys = append(keys, "demo.py."+base+"_echo", "demo.py."+base+"_reply")
			} else {
				keys = append(keys, "demo.py."+base)
			}
			if sockdemo.GoCode(side, step, false) == "" {
				keys = append(keys, "demo.go."+base)
			}
		}
	}
	for _, r := range sockdemo.AllReasons() {
		keys = append(keys, "demo.did.close."+string(r))
	}
	keys = append(keys, "demo.did.after_close.time_wait", "demo.did.after_close.other")
	for _, w := range sockdemo.AllWhys() {
		keys = append(keys, "demo.why."+string(w))
	}
	for _, r := range netns.AllReasons() {
		if r != netns.NotLinux && r != netns.Other {
			keys = append(keys, "demo.packets.sysctl."+string(r))
		}
	}
	for _, lang := range i18n.Langs {
		for _, k := range keys {
			if !i18n.For(lang).Has(k) {
				t.Errorf("%s catalogue lacks %q", lang, k)
			}
		}
	}
}

// terminalFactory is testFactory with the terminal look, as a learner sees it.
func terminalFactory(width int) (*cmdutil.Factory, *bytes.Buffer) {
	f, out, _ := testFactory(width)
	f.IO.SetTTY(false, true, false)
	return f, out
}

func testFactory(width int) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	ios.SetTerminalWidth(width)
	return &cmdutil.Factory{IO: ios, Tr: i18n.For(i18n.EN)}, out, errOut
}

func TestDescriberExplainsEachStepOnce(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{Port: 8888, ReadSize: 1024, Reply: "hi \"you\""}, output.ColorScheme{})
	ev := sockdemo.Event{Side: sockdemo.SideServer, Client: 2, Step: sockdemo.StepSend, Bytes: 10, Text: "hi"}
	first, second := d.describe(ev), d.describe(ev)
	if first.Head != "[server·client 2] 6. send the reply" {
		t.Errorf("head %q", first.Head)
	}
	if len(first.Explain) != 1 || len(first.Code) != 2 || !strings.Contains(first.Code[0], `conn.sendall("hi \"you\"\n".encode("UTF-8"))`) {
		t.Errorf("explanation %q, code %q", first.Explain, first.Code)
	}
	if len(second.Explain) != 0 || len(second.Code) != 0 || second.Result[0] != `→ sent 10 bytes: "hi"` {
		t.Errorf("second time: %+v", second)
	}
}

func TestDescriberUsesTheRealAddressInPython(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{Host: "0.0.0.0", Port: 0}, output.ColorScheme{})
	l := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepBind, Local: "0.0.0.0:40000"})
	if !strings.Contains(strings.Join(l.Code, "\n"), `socket_server.bind(("0.0.0.0", 40000))`) {
		t.Errorf("bind code %q", l.Code)
	}
	if l.Result[0] != "→ bound to 0.0.0.0:40000: port 0 was asked, so the OS chose the free port 40000" {
		t.Errorf("result %q", l.Result)
	}
}

func TestRecvResultNotes(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{})
	l := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Client: 1, Step: sockdemo.StepRecv, Bytes: 1024, ReadSize: 1024, Text: "x", Full: true, TCPState: "ESTABLISHED"})
	got := strings.Join(l.Result, "\n")
	for _, want := range []string{"1024 bytes", "buffer is full", "kernel TCP state: ESTABLISHED"} {
		if !strings.Contains(got, want) {
			t.Errorf("recv result lacks %q:\n%s", want, got)
		}
	}
}

func TestWrapKeepsColumnWidth(t *testing.T) {
	for _, s := range []string{
		"a short line",
		"Asks the OS for a TCP socket: a handle the program will talk through.",
		"向操作系统申请一个 TCP 套接字：程序今后通过这个句柄收发数据。此时网络上还什么都没有发生。",
		strings.Repeat("x", 100),
	} {
		lines := cellLines(s, 20)
		for _, l := range lines {
			if runewidth.StringWidth(l) > 20 {
				t.Errorf("line %q is wider than 20", l)
			}
		}
		joined := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		if joined != strings.ReplaceAll(s, " ", "") {
			t.Errorf("wrap lost text: %q -> %q", s, lines)
		}
	}
}

// A Latin word that leaves one column free, too little for the next wide
// character, must not let the rest of the text run past the column. And a
// Latin word inside Chinese text moves whole: never "a" / "ccept".
func TestWrapStartsANewLineWhenAWideCharacterDoesNotFit(t *testing.T) {
	s := "  把它变成监听套接字。从现在起内核会自己应答连接请求，并把最多 backlog 个已完成握手的连接排队，等程序来 accept。"
	for width := 24; width <= 60; width++ {
		lines := cellLines(s, width)
		for _, l := range lines {
			if runewidth.StringWidth(l) > width {
				t.Errorf("width %d: line %q is wider than the column", width, l)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(s, " ", "") {
			t.Errorf("width %d: wrap lost text: %q", width, lines)
		}
		joined := strings.Join(lines, "\n")
		if !strings.Contains(joined, "backlog") || !strings.Contains(joined, "accept") {
			t.Errorf("width %d: a Latin word was split: %q", width, lines)
		}
	}
}

func TestColumnsPutEachSideInItsColumn(t *testing.T) {
	f, out, _ := testFactory(60)
	c := newColumns(f.IO.Output(), f.Tr, codeContext{})
	c.print(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepAcceptWait})
	c.print(sockdemo.Event{Side: sockdemo.SideClient, Step: sockdemo.StepSend, Bytes: 2, Text: "hi"})
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	gutterAt := runewidth.StringWidth(lines[0][:strings.Index(lines[0], "│")])
	for _, l := range lines {
		i := strings.Index(l, "│")
		if i < 0 || runewidth.StringWidth(l[:i]) != gutterAt {
			t.Errorf("gutter misplaced in %q", l)
		}
	}
	if !strings.HasPrefix(lines[0], "[server] 4. accept a client") || !strings.Contains(out.String(), "│ [client] 3. send") {
		t.Errorf("columns:\n%s", out.String())
	}
}

func TestTimelinePairsSendsWithRecvs(t *testing.T) {
	f, out := terminalFactory(80)
	c := newColumns(f.IO.Output(), f.Tr, codeContext{})
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	// The server's recv was stamped before the client's send: the two
	// programs race, and the picture must still pair them.
	events := []sockdemo.Event{
		{Seq: 1, Time: at(0), Side: sockdemo.SideServer, Step: sockdemo.StepAccept, Client: 1},
		{Seq: 2, Time: at(1), Side: sockdemo.SideClient, Step: sockdemo.StepConnect},
		{Seq: 3, Time: at(2), Side: sockdemo.SideServer, Step: sockdemo.StepRecv, Bytes: 5},
		{Seq: 4, Time: at(3), Side: sockdemo.SideClient, Step: sockdemo.StepSend, Bytes: 5, Text: "hello"},
		{Seq: 5, Time: at(4), Side: sockdemo.SideServer, Step: sockdemo.StepSend, Bytes: 14, Text: "你好, hello!"},
		{Seq: 6, Time: at(5), Side: sockdemo.SideClient, Step: sockdemo.StepRecv, Bytes: 14},
		{Seq: 7, Time: at(6), Side: sockdemo.SideClient, Step: sockdemo.StepClose},
		{Seq: 8, Time: at(7), Side: sockdemo.SideServer, Step: sockdemo.StepClose},
	}
	c.timeline(sockdemo.Inferred(events), captureInfo{})
	got := out.String()
	expectContains(t, got,
		"+0.0ms                          ◀──────── SYN ──────── connect()",
		"accept() returns",
		"+2.0ms   recv 5 B               ◀──────── 5 B ──────── send \"hello\"",
		"send \"你好, hello!\"    ─────── 14 B ────────▶ recv 14 B",
		"+6.0ms                          ◀──────── FIN ──────── close()",
		"+7.0ms   close()                ──────── FIN ────────▶",
	)
}

func expectContains(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestWarnClassroomListsAddressesOnly(t *testing.T) {
	f, _, errOut := testFactory(80)
	opts := &ServerOptions{F: f, Addresses: func() ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("192.0.2.10"), netip.MustParseAddr("2001:db8::1")}, nil
	}}
	warnClassroom(opts, netip.MustParseAddrPort("0.0.0.0:8888"))
	want := "warning: listening on 0.0.0.0:8888: anyone who can reach this machine on your network can connect\n" +
		"  students connect with: netlearn demo client --host 192.0.2.10 --port 8888\n"
	if errOut.String() != want {
		t.Errorf("got %q, want %q", errOut.String(), want)
	}
}

func TestListenErrorsMapToExitCodes(t *testing.T) {
	f, _, _ := testFactory(80)
	opts := &ServerOptions{F: f, Host: "127.0.0.1", Port: 80, Listeners: func(int) ([]ports.Listener, error) {
		return []ports.Listener{{Protocol: "tcp", Address: "0.0.0.0", Port: 80, PID: 42, Process: "nginx"}, {Protocol: "udp", Port: 80}}, nil
	}}
	perm := listenError(opts, os.NewSyscallError("bind", syscall.EACCES))
	if cmdutil.ExitCode(perm) != cmdutil.ExitPermission {
		t.Errorf("EACCES: exit %d", cmdutil.ExitCode(perm))
	}
	inUse := listenError(opts, addrInUseError(t))
	if cmdutil.ExitCode(inUse) != cmdutil.ExitFailed || !strings.HasSuffix(inUse.Error(), "\n  listening on 0.0.0.0:80: nginx (pid 42)") {
		t.Errorf("in use: %q", inUse.Error())
	}
	other := listenError(opts, errors.New("boom"))
	if cmdutil.ExitCode(other) != cmdutil.ExitFailed || !strings.Contains(other.Error(), "boom") {
		t.Errorf("other: %q", other.Error())
	}
}

// addrInUseError binds a loopback port twice, for this OS's own "address
// in use" (EADDRINUSE, or WSAEADDRINUSE on Windows).
func addrInUseError(t *testing.T) error {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	second, err := net.Listen("tcp", ln.Addr().String())
	if err == nil {
		second.Close()
		t.Fatal("the same address was bound twice")
	}
	return err
}

func TestReservedPortNamesNetsh(t *testing.T) {
	if runtime.GOOS != "windows" {
		t.Skip("WSAEACCES (10013) is a Windows error; internal/oserr tests its mapping on every OS")
	}
	f, _, _ := testFactory(80)
	opts := &ServerOptions{F: f, Host: "127.0.0.1", Port: 50000, Listeners: func(int) ([]ports.Listener, error) { return nil, nil }}
	err := listenError(opts, os.NewSyscallError("bind", syscall.Errno(10013)))
	if cmdutil.ExitCode(err) != cmdutil.ExitFailed || !strings.Contains(err.Error(), "netsh int ipv4 show excludedportrange protocol=tcp") {
		t.Errorf("exit %d: %q", cmdutil.ExitCode(err), err)
	}
}

func TestServerFlagsAndDefaults(t *testing.T) {
	f, _, _ := testFactory(80)
	var got *ServerOptions
	c := NewCmdServer(f, func(_ context.Context, o *ServerOptions) error { got = o; return nil })
	c.SetArgs([]string{"--echo", "--once", "--idle-timeout", "0"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Host != "127.0.0.1" || got.Port != 8888 || !got.Echo || !got.Once || got.IdleTimeout != 0 || got.MaxClients != 0 {
		t.Errorf("options %+v", got)
	}
}

// TestClientReadsOneMessagePerLine: an empty line is not sent, and the
// learner is told why, once: send(b"") puts no bytes on the wire.
func TestClientReadsOneMessagePerLine(t *testing.T) {
	f, _, errOut := testFactory(80)
	f.IO.In = strings.NewReader("one\r\ntwo\n\n  \nexit\n")
	next := messageSource(context.Background(), &ClientOptions{F: f})
	var got []string
	for m, ok := next(); ok; m, ok = next() {
		got = append(got, m)
	}
	if strings.Join(got, "|") != "one|two|exit" {
		t.Errorf("messages %q", got)
	}
	if strings.Count(errOut.String(), `send(b"") sends nothing`) != 1 {
		t.Errorf("stderr %q, want the empty-line note once", errOut.String())
	}
}

// TestClientEndOfInputAtThePromptEndsTheLine: Ctrl-D at the prompt leaves
// the cursor after it; what follows must start on a line of its own.
func TestClientEndOfInputAtThePromptEndsTheLine(t *testing.T) {
	f, out, _ := testFactory(80)
	f.IO.SetTTY(true, true, false)
	f.IO.In = strings.NewReader("hi\n")
	next := messageSource(context.Background(), &ClientOptions{F: f})
	for _, ok := next(); ok; _, ok = next() {
	}
	prompt := f.Tr.T("demo.client.prompt")
	if out.String() != prompt+prompt+"\n" {
		t.Errorf("stdout %q, want two prompts and a line end", out.String())
	}
}

// TestEmptyHosts: in the notes' Python, bind(("", port)) listens on every
// interface, so the server's --host ” means 0.0.0.0 (with the classroom
// warning saying so); the client's means this machine, named as such.
func TestEmptyHosts(t *testing.T) {
	f, _, errOut := testFactory(80)
	var srv *ServerOptions
	c := NewCmdServer(f, func(_ context.Context, o *ServerOptions) error { srv = o; return nil })
	c.SetArgs([]string{"--host", ""})
	if err := c.Execute(); err != nil || srv.Host != "0.0.0.0" {
		t.Fatalf("server --host '': %v, host %q, want 0.0.0.0", err, srv.Host)
	}
	srv.Addresses = func() ([]netip.Addr, error) { return nil, nil }
	warnClassroom(srv, netip.MustParseAddrPort("0.0.0.0:8888"))
	if !strings.Contains(errOut.String(), `--host '' means every interface`) {
		t.Errorf("warning %q does not explain the empty host", errOut.String())
	}
	var cl *ClientOptions
	cc := NewCmdClient(f, func(_ context.Context, o *ClientOptions) error { cl = o; return nil })
	cc.SetArgs([]string{"--host", " "})
	if err := cc.Execute(); err != nil || cl.Host != "localhost" {
		t.Errorf("client --host ' ': %v, host %q, want localhost", err, cl.Host)
	}
}

func TestDescriberWritesIPv6Code(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{Host: "::1", Port: 8888}, output.ColorScheme{})
	sock := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepSocket, FD: 3, Family: "ipv6"})
	bind := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepBind, Local: "[::1]:8888"})
	got := strings.Join(append(sock.Code, bind.Code...), "\n")
	for _, want := range []string{"Python: socket_server = socket.socket(socket.AF_INET6)", `socket_server.bind(("::1", 8888))`} {
		if !strings.Contains(got, want) {
			t.Errorf("IPv6 explanation lacks %q:\n%s", want, got)
		}
	}
	if runtime.GOOS == "linux" && !strings.Contains(got, "unix.AF_INET6") {
		t.Errorf("Go line of an IPv6 socket:\n%s", got)
	}
	v4 := newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{}).describe(sockdemo.Event{Side: sockdemo.SideClient, Step: sockdemo.StepSocket, Family: "ipv4"})
	if !strings.Contains(strings.Join(v4.Code, "\n"), "Python: socket_client = socket.socket()\n") {
		t.Errorf("IPv4 code %q", v4.Code)
	}
}

func TestCombinedBindAndListenAreSaidToBeLate(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{Port: 8888}, output.ColorScheme{})
	late := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepListen, Local: "127.0.0.1:8888", Combined: true})
	real := d.describe(sockdemo.Event{Side: sockdemo.SideServer, Step: sockdemo.StepBind, Local: "127.0.0.1:8888"})
	if len(late.Result) != 2 || !strings.Contains(late.Result[0], "the backlog is the OS's own maximum") ||
		!strings.Contains(late.Result[1], "reported after that call returned") {
		t.Errorf("combined listen: %q", late.Result)
	}
	if len(real.Result) != 1 {
		t.Errorf("separate bind: %q", real.Result)
	}
}

func TestAfterCloseExplainsTimeWait(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{})
	l := d.describe(sockdemo.Event{Side: sockdemo.SideClient, Step: sockdemo.StepAfterClose, Local: "127.0.0.1:5000", TCPState: "TIME_WAIT"})
	got := l.Head + "\n" + strings.Join(l.Result, "\n")
	for _, want := range []string{"[client] 5. after close", "TIME_WAIT for about a minute", "kernel TCP state: TIME_WAIT"} {
		if !strings.Contains(got, want) {
			t.Errorf("after close lacks %q:\n%s", want, got)
		}
	}
}

func TestQuietPrintsOneLinePerLifecycleEvent(t *testing.T) {
	var out, piped bytes.Buffer
	p := newEventStream(output.New(&out, output.Terminal, false, 200), newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{}), true)
	pp := newEventStream(output.New(&piped, output.Plain, false, 0), newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{}), true)
	for _, ev := range []sockdemo.Event{
		{Side: sockdemo.SideServer, Step: sockdemo.StepSocket, FD: 3, Family: "ipv4"},
		{Side: sockdemo.SideServer, Step: sockdemo.StepBind, Local: "127.0.0.1:8888"},
		{Side: sockdemo.SideServer, Step: sockdemo.StepListen, Local: "127.0.0.1:8888", Backlog: 128},
		{Side: sockdemo.SideServer, Client: 1, Step: sockdemo.StepAccept, Remote: "127.0.0.1:5000"},
		{Side: sockdemo.SideServer, Client: 1, Step: sockdemo.StepClose, Reason: sockdemo.ReasonExit},
		{Side: sockdemo.SideServer, Step: sockdemo.StepAccept, Error: "too many open files"},
		{Side: sockdemo.SideServer, Step: sockdemo.StepShutdown},
		{Side: sockdemo.SideServer, Step: sockdemo.StepSummary, Summary: &sockdemo.Summary{Clients: 1, Messages: 2}},
	} {
		p.Print(ev)
		pp.Print(ev)
	}
	if !strings.HasPrefix(piped.String(), "server\tstep=listen\tclient=0\t[server] listening on 127.0.0.1:8888 (") ||
		strings.Count(piped.String(), "\n") != 4 {
		t.Errorf("piped quiet output is not one record per lifecycle event:\n%s", piped.String())
	}
	want := "[server] listening on 127.0.0.1:8888 (--quiet: each message is not shown; Ctrl-C stops and prints a summary)\n" +
		"[server] accept failed: too many open files; trying again\n" +
		"[server] the server no longer accepts connections\n" +
		"[server] Summary: clients served 1, refused 0, messages 2, bytes in 0, bytes out 0\n"
	if out.String() != want {
		t.Errorf("quiet output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestTimelineShowsEveryRecvPiece(t *testing.T) {
	f, out := terminalFactory(100)
	c := newColumns(f.IO.Output(), f.Tr, codeContext{})
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	events := []sockdemo.Event{
		{Seq: 1, Time: at(0), Side: sockdemo.SideClient, Step: sockdemo.StepSend, Bytes: 3000, Text: "xxx"},
		{Seq: 2, Time: at(1), Side: sockdemo.SideServer, Step: sockdemo.StepRecv, Bytes: 1024},
		{Seq: 3, Time: at(2), Side: sockdemo.SideServer, Step: sockdemo.StepRecv, Bytes: 1024},
		{Seq: 4, Time: at(3), Side: sockdemo.SideServer, Step: sockdemo.StepRecv, Bytes: 952},
		// Bytes whose send was never reported (the peer is not netlearn).
		{Seq: 5, Time: at(4), Side: sockdemo.SideClient, Step: sockdemo.StepRecv, Bytes: 7},
	}
	c.timeline(sockdemo.Inferred(events), captureInfo{})
	got := out.String()
	for _, want := range []string{"recv 1024+1024+952 B", "3000 B", "+4.0ms", "─ 7 B ────────▶ recv 7 B"} {
		if !strings.Contains(got, want) {
			t.Errorf("picture lacks %q:\n%s", want, got)
		}
	}
}

// FuzzPythonString: whatever --reply holds, the Python line shows it as one
// closed string literal with no raw control character in it.
func FuzzPythonString(f *testing.F) {
	for _, s := range []string{"你好, hello!", `say "hi"`, `back\slash\`, "two\nlines\r\t", "\x1b[2J\a", "\u202eevil", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, reply string) {
		lit := pythonString(reply)
		for i := 0; i < len(lit); i++ {
			switch c := lit[i]; {
			case c == '\\':
				i++ // an escape: the next byte is part of it
				if i == len(lit) {
					t.Fatalf("%q ends in a lone backslash: %q", reply, lit)
				}
			case c == '"':
				t.Fatalf("%q closes the literal early: %q", reply, lit)
			case c < 0x20 || c == 0x7f:
				t.Fatalf("%q puts control byte %#x in the line: %q", reply, c, lit)
			}
		}
	})
}

func TestOneParagraphJoinsLines(t *testing.T) {
	cases := map[string]string{
		"Turns it into a socket.\nThe kernel answers.": "Turns it into a socket. The kernel answers.",
		"把它变成监听套接字，\n并排队。":                             "把它变成监听套接字，并排队。",
		"one line": "one line",
	}
	for in, want := range cases {
		if got := oneParagraph(in); got != want {
			t.Errorf("oneParagraph(%q) = %q, want %q", in, got, want)
		}
	}
}

// serverSession and clientSession are one conversation as each side of
// `demo server` and `demo client` reports it.
func serverSession() []sockdemo.Event {
	s, addr, peer := sockdemo.SideServer, "127.0.0.1:8888", "127.0.0.1:40000"
	return []sockdemo.Event{
		{Side: s, Step: sockdemo.StepSocket, FD: 3, Family: "ipv4"},
		{Side: s, Step: sockdemo.StepBind, Local: addr},
		{Side: s, Step: sockdemo.StepListen, Local: addr, Backlog: 5},
		{Side: s, Step: sockdemo.StepAcceptWait},
		{Side: s, Client: 1, Step: sockdemo.StepAccept, Local: addr, Remote: peer},
		{Side: s, Client: 1, Step: sockdemo.StepRecvWait, ReadSize: 1024},
		{Side: s, Client: 1, Step: sockdemo.StepRecv, Bytes: 6, Text: "你好", TCPState: "ESTABLISHED"},
		{Side: s, Client: 1, Step: sockdemo.StepSend, Bytes: 2, Text: "hi"},
		{Side: s, Client: 1, Step: sockdemo.StepClose, Reason: sockdemo.ReasonPeerClosed, BytesIn: 6, BytesOut: 2, Reads: 2},
		{Side: s, Step: sockdemo.StepShutdown},
		{Side: s, Step: sockdemo.StepSummary, Summary: &sockdemo.Summary{Clients: 1, Messages: 1, BytesIn: 6, BytesOut: 2}},
	}
}

func clientSession() []sockdemo.Event {
	c, addr, server := sockdemo.SideClient, "127.0.0.1:40000", "127.0.0.1:8888"
	return []sockdemo.Event{
		{Side: c, Step: sockdemo.StepSocket, FD: 3, Family: "ipv4"},
		{Side: c, Step: sockdemo.StepConnect, Local: addr, Remote: server},
		{Side: c, Step: sockdemo.StepSend, Bytes: 6, Text: "你好"},
		{Side: c, Step: sockdemo.StepRecvWait, ReadSize: 1024},
		{Side: c, Step: sockdemo.StepRecv, Bytes: 2, Text: "hi"},
		{Side: c, Step: sockdemo.StepClose, Reason: sockdemo.ReasonDone, BytesIn: 2, BytesOut: 6, Reads: 1},
		{Side: c, Step: sockdemo.StepAfterClose, Local: addr, TCPState: "TIME_WAIT"},
	}
}

// printSession prints events as `demo server` or `demo client` does, in
// the given look and width, with colour on a terminal.
func printSession(lang i18n.Lang, events []sockdemo.Event, look output.Look, width int) string {
	var out bytes.Buffer
	code := codeContext{Host: "127.0.0.1", Port: 8888, ReadSize: 1024, Backlog: 5, Reply: "hi"}
	l := output.New(&out, look, look == output.Terminal, width)
	p := newEventStream(l, newDescriber(i18n.For(lang), code, l.ColorScheme()), false)
	for _, ev := range events {
		p.Print(ev)
	}
	return out.String()
}

// TestPipedChineseHasNoSpaceWhereLinesJoin: a piped record holds an
// explanation on one line; where the catalogue broke a Chinese sentence,
// the parts join without a space ("请求，并把", not "请求， 并把"), and so
// do the event's lines after Chinese punctuation.
func TestPipedChineseHasNoSpaceWhereLinesJoin(t *testing.T) {
	piped := printSession(i18n.ZH, append(serverSession(), clientSession()...), output.Plain, 0)
	if !strings.Contains(piped, "应答连接请求，并把") {
		t.Errorf("the listen step's explanation is not joined as one Chinese sentence:\n%s", piped)
	}
	if m := regexp.MustCompile(`[，。；：）] +[\p{Han}（]`).FindString(piped); m != "" {
		t.Errorf("stray space between Chinese characters: %q in\n%s", m, piped)
	}
}

var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestTerminalViewFitsTheTerminal: on a 60-column terminal the headings,
// explanations and results of `demo server` and `demo client` wrap within
// the terminal, in both languages; the code lines stay whole, and no
// text is lost.
func TestTerminalViewFitsTheTerminal(t *testing.T) {
	const width = 60
	for _, lang := range i18n.Langs {
		for side, events := range map[string][]sockdemo.Event{"server": serverSession(), "client": clientSession()} {
			// A terminal too wide to wrap anything shows every line whole.
			whole := ansiRE.ReplaceAllString(printSession(lang, events, output.Terminal, 100000), "")
			piped := strings.Split(strings.TrimRight(whole, "\n"), "\n")
			screen := ansiRE.ReplaceAllString(printSession(lang, events, output.Terminal, width), "")
			lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
			isCode := map[string]bool{}
			for _, l := range piped {
				if strings.HasPrefix(l, detailIndent+"Python: ") || strings.HasPrefix(l, detailIndent+"Go: ") {
					isCode[l] = true
				}
			}
			codeSeen := 0
			for _, l := range lines {
				if isCode[l] {
					codeSeen++
				} else if w := runewidth.StringWidth(l); w > width {
					t.Errorf("%s %s: line %q is %d columns wide, the terminal %d", lang, side, l, w, width)
				}
			}
			if codeSeen != len(isCode) {
				t.Errorf("%s %s: %d of %d code lines shown whole:\n%s", lang, side, codeSeen, len(isCode), screen)
			}
			if len(lines) <= len(piped) {
				t.Errorf("%s %s: %d lines on the terminal, %d piped: nothing wrapped", lang, side, len(lines), len(piped))
			}
			if strip := func(s string) string { return strings.Join(strings.Fields(s), "") }; strip(screen) != strip(strings.Join(piped, "\n")) {
				t.Errorf("%s %s: wrapping changed the text:\n%s", lang, side, screen)
			}
		}
	}
}

// TestWrappedLinesHangUnderTheirText: the accept explanation, which the
// terminal used to fold mid-word ("client c" / "onnects"), breaks between
// words, its continued lines indented like it; a result's continued lines
// line up after its arrow.
func TestWrappedLinesHangUnderTheirText(t *testing.T) {
	screen := printSession(i18n.EN, serverSession(), output.Terminal, 60)
	screen = ansiRE.ReplaceAllString(screen, "")
	expectContains(t, screen,
		"\n    Takes the next connection from the queue. accept blocks:\n    the program waits here until a client connects. It\n",
		"\n    → bound to 127.0.0.1:8888\n",
		"\n    → client 1 connected from 127.0.0.1:40000; port 40000 is\n      an ephemeral port the client's OS chose\n",
	)
}

func TestPipedAndJSONOutputAreOneLinePerEvent(t *testing.T) {
	events := serverSession()
	for _, look := range []output.Look{output.Plain, output.JSON} {
		out := printSession(i18n.EN, events, look, 60)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != len(events) {
			t.Errorf("%v: %d lines for %d events:\n%s", look, len(lines), len(events), out)
		}
		for i, line := range lines {
			want := "server\tstep=" + string(events[i].Step) + "\t"
			if look == output.JSON {
				want = `{"seq":`
			}
			if !strings.HasPrefix(line, want) || strings.Contains(line, "\x1b") {
				t.Errorf("%v: line %d = %q, want it to start %q", look, i, line, want)
			}
		}
	}
}

// Each refusal names its cause and what to do about it, in one line.
func TestRefusalLineNamesTheSetting(t *testing.T) {
	f, _, _ := testFactory(80)
	opts := &Options{F: f}
	cases := []struct {
		r    *netns.Refusal
		want string
	}{
		{&netns.Refusal{Reason: netns.AppArmor, Sysctl: "kernel.apparmor_restrict_unprivileged_userns"},
			"sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"},
		{&netns.Refusal{Reason: netns.UsernsCloneOff, Sysctl: "kernel.unprivileged_userns_clone"},
			"sudo sysctl -w kernel.unprivileged_userns_clone=1"},
		{&netns.Refusal{Reason: netns.Other, Err: errors.New("operation not permitted")},
			"(operation not permitted); in a container its seccomp profile may forbid it"},
	}
	for _, c := range cases {
		line := refusalLine(opts, c.r, "")
		if !strings.Contains(line, c.want) || !strings.HasPrefix(line, "--packets cannot capture here: ") || strings.Contains(line, "\n") {
			t.Errorf("%s: %q lacks %q", c.r.Reason, line, c.want)
		}
	}
}

// A captured picture explains each segment under its arrow.
func TestCapturedPictureExplainsSegments(t *testing.T) {
	f, out := terminalFactory(100)
	c := newColumns(f.IO.Output(), f.Tr, codeContext{})
	t0 := time.Now()
	seg := func(ms int, s sockdemo.Segment) sockdemo.Event {
		s.Time = t0.Add(time.Duration(ms) * time.Millisecond)
		return sockdemo.Event{Step: sockdemo.StepSegment, Time: s.Time, Segment: &s}
	}
	events := []sockdemo.Event{
		seg(0, sockdemo.Segment{Dir: sockdemo.ToServer, Flags: "SYN", Seq: 77, Window: 65495, Options: []string{"mss 65495"}, Why: sockdemo.WhySYN}),
		seg(1, sockdemo.Segment{Dir: sockdemo.ToServer, Flags: "PSH+ACK", RelSeq: 6, RelAck: 15, Len: 6, Payload: "你好", Why: sockdemo.WhyData,
			Checksum: 0xfe2e, Computed: 0x1234}),
		seg(210, sockdemo.Segment{Dir: sockdemo.ToServer, Flags: "PSH+ACK", RelSeq: 6, RelAck: 15, Len: 6, Payload: "你好",
			Why: sockdemo.WhyRetransmit, Retransmission: true, After: 209 * time.Millisecond}),
		seg(211, sockdemo.Segment{Dir: sockdemo.ToClient, Flags: "RST", Why: sockdemo.WhyRST}),
		{Step: sockdemo.StepClose, Side: sockdemo.SideServer, Time: t0.Add(211 * time.Millisecond), Unread: 3},
	}
	c.timeline(sockdemo.Captured(events), captureInfo{stats: &capture.Stats{Packets: 4}})
	expectContains(t, out.String(),
		"The segments on the wire, captured on lo",
		"seq 0  len 0  win 65495 · ISN 77 (raw) · options: mss 65495",
		"6 bytes of data, bytes 6 to 11 of this side's stream. This copy was lost on the way",
		"retransmission: seq 6 again, 209 ms after the first copy",
		"RST: this side closed with 3 bytes unread, so the kernel aborted the connection.",
		"header says 0xfe2e, but its real checksum is 0x1234",
		"seq 6 was lost and sent again 209 ms later",
		"the kernel dropped 0 (PACKET_STATISTICS)",
	)
}

// TestAddrFileInAMissingFolder: the message names the learner's file and
// folder, not the temporary file netlearn writes first.
func TestAddrFileInAMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-folder", "addr")
	err := writeAddrFile(path, "127.0.0.1:8888")
	if err == nil || strings.Contains(err.Error(), ".addr-") || !strings.Contains(err.Error(), "no-such-folder") {
		t.Errorf("error %v", err)
	}
}

// A long payload (the --slow-reader burst is 8 KiB) is cut in the step's
// result, so the column does not fill the screen; the count stays exact.
func TestLongPayloadIsCutInTheResult(t *testing.T) {
	d := newDescriber(i18n.For(i18n.EN), codeContext{}, output.ColorScheme{})
	long := strings.Repeat("0123456789abcdef", 512)
	for _, step := range []sockdemo.Step{sockdemo.StepSend, sockdemo.StepRecv} {
		l := d.describe(sockdemo.Event{Side: sockdemo.SideClient, Step: step, Bytes: len(long), ReadSize: 1 << 16, Text: long})
		got := l.Result[0]
		if !strings.Contains(got, "8192 bytes") || runewidth.StringWidth(got) > 100 || !strings.Contains(got, "…") {
			t.Errorf("%s result is %d columns wide: %.120q", step, runewidth.StringWidth(got), got)
		}
	}
}

// recv that fails with a reset got no bytes at all: Python raises
// ConnectionResetError. It must not say "0 bytes", which means a FIN.
func TestRecvResetIsNotZeroBytes(t *testing.T) {
	for _, lang := range i18n.Langs {
		d := newDescriber(i18n.For(lang), codeContext{}, output.ColorScheme{})
		l := d.describe(sockdemo.Event{Side: sockdemo.SideClient, Step: sockdemo.StepRecv, ReadSize: 1024,
			Error: "connection reset by peer", Reason: sockdemo.ReasonReset})
		got := strings.Join(l.Result, "\n")
		if strings.Contains(got, " 0 ") || !strings.Contains(got, "ConnectionResetError") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}

func TestUnreadBytesInTheChinesePictureSayZiJie(t *testing.T) {
	got := i18n.For(i18n.ZH).T("demo.tl.close_unread", "unread", 2048)
	if !strings.Contains(got, "2048 字节") {
		t.Errorf("zh close with unread bytes: %q", got)
	}
}

// TestCapturedPictureAt60Columns: on a narrow terminal the picture's title
// breaks between words, and a row of socket steps alone runs over the
// empty wire instead of being cut to its column ("accept() re…").
func TestCapturedPictureAt60Columns(t *testing.T) {
	for _, lang := range i18n.Langs {
		f, out := terminalFactory(60)
		f.Tr = i18n.For(lang)
		c := newColumns(f.IO.Output(), f.Tr, codeContext{})
		t0 := time.Now()
		at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
		s := sockdemo.Segment{Time: at(0), Dir: sockdemo.ToServer, Flags: "SYN", Why: sockdemo.WhySYN}
		events := []sockdemo.Event{
			{Step: sockdemo.StepSegment, Time: at(0), Segment: &s},
			{Step: sockdemo.StepAccept, Side: sockdemo.SideServer, Time: at(1)},
			{Step: sockdemo.StepConnect, Side: sockdemo.SideClient, Time: at(2)},
		}
		c.timeline(sockdemo.Captured(events), captureInfo{})
		screen := ansiRE.ReplaceAllString(out.String(), "")
		title := f.Tr.T("demo.tl.title_captured")
		for _, l := range strings.Split(screen, "\n") {
			if w := runewidth.StringWidth(l); w > 60 {
				t.Errorf("%s: line %q is %d columns wide", lang, l, w)
			}
		}
		words := map[string]bool{}
		for _, w := range strings.Fields(screen) {
			words[w] = true
		}
		for _, w := range strings.Fields(title) {
			if lang == i18n.EN && !words[w] {
				t.Errorf("%s: title word %q broken (%q):\n%s", lang, w, title, screen)
			}
		}
		for _, want := range []string{f.Tr.T("demo.tl.accept"), f.Tr.T("demo.tl.connect_returns")} {
			if !strings.Contains(screen, want) {
				t.Errorf("%s: step %q cut:\n%s", lang, want, screen)
			}
		}
	}
}

// TestCloseExplanationFollowsTheReset: a close after the peer's RST does
// not say the kernel sends FIN, nor does a close with bytes unread (the
// kernel sends RST), in either language.
func TestCloseExplanationFollowsTheReset(t *testing.T) {
	for _, lang := range i18n.Langs {
		for _, ev := range []sockdemo.Event{
			{Side: sockdemo.SideClient, Step: sockdemo.StepClose, Reason: sockdemo.ReasonReset},
			{Side: sockdemo.SideServer, Client: 1, Step: sockdemo.StepClose, Reason: sockdemo.ReasonDone, Unread: 2048},
		} {
			d := newDescriber(i18n.For(lang), codeContext{Port: 8888, ReadSize: 1024}, output.ColorScheme{})
			what, _ := d.explain(ev)
			text := strings.Join(what, " ")
			if text == "" || strings.Contains(text, "sends FIN") || strings.Contains(text, "发出 FIN") {
				t.Errorf("%s %s close (reason %s, unread %d): %q", lang, ev.Side, ev.Reason, ev.Unread, text)
			}
		}
	}
}
