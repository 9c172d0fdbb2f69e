//go:build linux || darwin

package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/internal/testnet"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/locale"
)

// lessonWords are what the lessons' programs print, per language: the
// test checks behaviour through them.
var lessonWords = map[locale.Lang]struct {
	received  string // the 1.6 servers' reply, with a byte count
	reset     string // the 1.6 server after a client's reset
	saidExit  string // the 1.6 server after "exit"
	demoReply string // what `netlearn demo server` answers
}{
	lessons.EN: {"received %d bytes", "the connection was reset by the client", "client said exit", "你好, hello!"},
	lessons.ZH: {"收到 %d 个字节", "连接被客户端重置了", "客户端说了 exit", "你好, hello!"},
}

// lessonPrograms are the runnable Python programs of one language.
type lessonPrograms struct{ server, threads, client string }

// TestLessonCode runs every whole Python program in the lessons (see
// lessons.Lesson.Programs) with python3, for real, on loopback: the 1.6
// servers against the 1.7 client and against `netlearn demo client`, the
// 1.7 client against `netlearn demo server`, with an empty line, a
// 2,000-byte message, a client that leaves a reply unread, and a server
// restarted at once.
func TestLessonCode(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: the lessons' Python programs cannot be run here")
	}
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range lessons.Langs {
		progs := findPrograms(t, lib, lang)
		t.Run(string(lang), func(t *testing.T) {
			dir := t.TempDir()
			py := func(name, code string) *pyProgram {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, []byte(code), 0o644); err != nil {
					t.Fatal(err)
				}
				return &pyProgram{python: python, path: path}
			}
			server, client, threads := py("server.py", progs.server), py("client.py", progs.client), py("threads.py", progs.threads)
			words := lessonWords[lang]
			t.Run("client-against-server", func(t *testing.T) { clientAgainstServer(t, server, client, words.received, words.saidExit) })
			t.Run("demo-client-against-server", func(t *testing.T) { demoClientAgainstServer(t, server, words.received) })
			t.Run("client-against-demo-server", func(t *testing.T) { clientAgainstDemoServer(t, client, words.demoReply) })
			t.Run("unread-reply", func(t *testing.T) { unreadReply(t, server, py, words.received, words.reset) })
			t.Run("restart", func(t *testing.T) { restartAtOnce(t, server, py, words.received) })
			t.Run("threads", func(t *testing.T) { threadsServeTogether(t, threads, words.received) })
			t.Run("exercise-server", func(t *testing.T) { exercisePasses(t, "server", server) })
			t.Run("exercise-client", func(t *testing.T) { exercisePasses(t, "client", client) })
		})
	}
}

// findPrograms sorts a language's programs into the three the test knows,
// and fails on any other: every program the lessons show must be run.
func findPrograms(t *testing.T, lib *lessons.Library, lang locale.Lang) lessonPrograms {
	t.Helper()
	var p lessonPrograms
	for _, section := range lessons.Sections {
		l, _ := lib.Lesson(section, lang)
		for i, code := range l.Programs() {
			switch {
			case section == "1.6" && strings.Contains(code, "import threading"):
				p.threads = code
			case section == "1.6" && i == 0:
				p.server = code
			case section == "1.7" && i == 0:
				p.client = code
			default:
				t.Errorf("%s %s: program %d is not run by this test; teach the test how to run it", lang, section, i+1)
			}
		}
	}
	if p.server == "" || p.client == "" || p.threads == "" {
		t.Fatalf("%s: expected a server and a threading server in 1.6 and a client in 1.7", lang)
	}
	return p
}

// pyProgram is one lesson program saved to a file.
type pyProgram struct{ python, path string }

// pyRun is one running Python process.
type pyRun struct {
	cmd          *exec.Cmd
	stdout       *syncBuffer
	stderr       *syncBuffer
	done         chan struct{}
	firstLine    chan struct{}
	waitErr      error
	firstLineSet sync.Once
}

// start runs the program with args and stdin; it is killed when the test ends.
func (p *pyProgram) start(t *testing.T, stdin string, args ...string) *pyRun {
	t.Helper()
	r := &pyRun{done: make(chan struct{}), firstLine: make(chan struct{})}
	r.stdout = &syncBuffer{onLine: func() { r.firstLineSet.Do(func() { close(r.firstLine) }) }}
	r.stderr = &syncBuffer{}
	r.cmd = exec.Command(p.python, append([]string{p.path}, args...)...)
	r.cmd.Env = append(os.Environ(), "PYTHONUNBUFFERED=1", "PYTHONUTF8=1", "PYTHONIOENCODING=utf-8")
	r.cmd.Stdin = strings.NewReader(stdin)
	r.cmd.Stdout, r.cmd.Stderr = r.stdout, r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.waitErr = r.cmd.Wait(); close(r.done) }()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			r.cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// startServer starts a server program and waits for its first line,
// which it prints once it listens.
func (p *pyProgram) startServer(t *testing.T, port int) *pyRun {
	t.Helper()
	r := p.start(t, "", strconv.Itoa(port))
	select {
	case <-r.firstLine:
	case <-r.done:
		t.Fatalf("%s exited before listening: %v\nstderr:\n%s", filepath.Base(p.path), r.waitErr, r.stderr)
	case <-time.After(30 * time.Second):
		t.Fatalf("%s printed nothing within 30 s", filepath.Base(p.path))
	}
	return r
}

// wait waits for the process to end by itself and fails on a non-zero
// exit or a Python traceback.
func (r *pyRun) wait(t *testing.T, what string) {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s still running after 30 s (hung?)\nstdout:\n%s", what, r.stdout)
	}
	if r.waitErr != nil || strings.Contains(r.stderr.String(), "Traceback") {
		t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", what, r.waitErr, r.stdout, r.stderr)
	}
}

func clientAgainstServer(t *testing.T, server, client *pyProgram, received, saidExit string) {
	port := testnet.FreePort(t)
	srv := server.startServer(t, port)
	long := strings.Repeat("x", 2000)
	cl := client.start(t, "hello\n\n你好\n"+long+"\nafter\nexit\n", strconv.Itoa(port))
	cl.wait(t, "1.7 client (an empty line must not hang it)")
	srv.wait(t, "1.6 server")
	// One reply per line, in step: the 2,000 bytes are one message, and the
	// line after them gets its own reply.
	want := []string{fmt.Sprintf(received, 5), fmt.Sprintf(received, 6), fmt.Sprintf(received, 2000), fmt.Sprintf(received, 5)}
	expectInOrder(t, cl.stdout.String(), want)
	if n := strings.Count(cl.stdout.String(), strings.SplitN(received, "%d", 2)[0]); n != len(want) {
		t.Errorf("client printed %d replies, want %d:\n%s", n, len(want), cl.stdout)
	}
	expectInOrder(t, srv.stdout.String(), []string{"hello", "你好", long, "after", saidExit})
}

func demoClientAgainstServer(t *testing.T, server *pyProgram, received string) {
	port := testnet.FreePort(t)
	srv := server.startServer(t, port)
	long := strings.Repeat("y", 2000)
	code, out, errOut := run(t, nil, "demo", "client", "--port", strconv.Itoa(port), "--json",
		"-m", "hello", "-m", "", "-m", long, "-m", "exit")
	if code != 0 {
		t.Fatalf("demo client exit %d, stderr %q", code, errOut)
	}
	srv.wait(t, "1.6 server")
	expectInOrder(t, out, []string{`"text":"` + fmt.Sprintf(received, 5) + `\\n"`, `"text":"` + fmt.Sprintf(received, 2000) + `\\n"`})
}

func clientAgainstDemoServer(t *testing.T, client *pyProgram, demoReply string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrFile := filepath.Join(t.TempDir(), "addr")
	served := make(chan int, 1)
	go func() {
		ios, _, _, _ := iostreams.Test()
		served <- Run(ctx, []string{"demo", "server", "--port", "0", "--once", "--json", "--addr-file", addrFile}, ios,
			func(string) string { return "" })
	}()
	port := waitForAddrFile(t, addrFile)
	cl := client.start(t, "hello\n\n你好\nexit\n", port)
	cl.wait(t, "1.7 client against the demo server")
	if n := strings.Count(cl.stdout.String(), demoReply); n != 2 {
		t.Errorf("client printed the demo's reply %d times, want 2:\n%s", n, cl.stdout)
	}
	select {
	case code := <-served:
		if code != 0 {
			t.Errorf("demo server --once exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Error("demo server --once did not end after the client's exit")
	}
}

// waitForAddrFile waits for `--addr-file` and returns the port in it.
func waitForAddrFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			_, port, err := net.SplitHostPort(strings.TrimSpace(string(data)))
			if err == nil {
				return port
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("demo server wrote no address file within 10 s")
	return ""
}

// unreadClient sends one line, waits until the reply is in its socket,
// and exits without reading it: its kernel then resets the connection.
const unreadClient = `import select, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"hello\n")
select.select([s], [], [], 10)
`

func unreadReply(t *testing.T, server *pyProgram, py func(string, string) *pyProgram, received, reset string) {
	port := testnet.FreePort(t)
	srv := server.startServer(t, port)
	py("unread.py", unreadClient).start(t, "", strconv.Itoa(port)).wait(t, "client leaving its reply unread")
	srv.wait(t, "1.6 server after a reset (ConnectionResetError must be handled)")
	expectInOrder(t, srv.stdout.String(), []string{"hello", reset})
}

// restartAtOnce: a session the server closes first leaves TIME_WAIT on the
// server's port; the next run must bind at once. On Linux it also checks
// what the lesson says: the option only helps if the run before set it too.
func restartAtOnce(t *testing.T, server *pyProgram, py func(string, string) *pyProgram, received string) {
	port := testnet.FreePort(t)
	serverClosesFirst(t, server.startServer(t, port), port)
	again := server.startServer(t, port) // fails here if TIME_WAIT blocks the bind
	if got := serverClosesFirst(t, again, port); got != fmt.Sprintf(received, 2)+"\n" {
		t.Errorf("the restarted server answered %q", got)
	}

	if runtime.GOOS != "linux" {
		return
	}
	code, err := os.ReadFile(server.path)
	if err != nil {
		t.Fatal(err)
	}
	const option = "listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"
	if !bytes.Contains(code, []byte(option)) {
		t.Fatalf("the 1.6 server no longer sets SO_REUSEADDR as %q", option)
	}
	without := py("without_reuse.py", strings.Replace(string(code), option, "pass", 1))
	port = testnet.FreePort(t)
	serverClosesFirst(t, without.startServer(t, port), port)
	late := server.start(t, "", strconv.Itoa(port))
	select {
	case <-late.done:
	case <-time.After(30 * time.Second):
		t.Fatal("the server bound a port in TIME_WAIT left by a run without SO_REUSEADDR; the lesson says it cannot")
	}
	if !strings.Contains(late.stderr.String(), "Address already in use") {
		t.Errorf("want Address already in use, got:\n%s", late.stderr)
	}
}

// serverClosesFirst sends "hi" and exit and reads until the server's FIN
// before closing, so the TIME_WAIT stays on the server's side. It returns
// the server's answer.
func serverClosesFirst(t *testing.T, srv *pyRun, port int) string {
	t.Helper()
	conn := dial(t, port)
	conn.Write([]byte("hi\nexit\n"))
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("waiting for the server to close: %v", err)
	}
	conn.Close()
	srv.wait(t, "1.6 server after exit")
	return string(got)
}

func threadsServeTogether(t *testing.T, threads *pyProgram, received string) {
	port := testnet.FreePort(t)
	threads.startServer(t, port)
	silent := dial(t, port)
	defer silent.Close()
	if got := talk(t, port, "hello\n"); got != fmt.Sprintf(received, 5)+"\n" {
		t.Errorf("second client got %q while the first was silent", got)
	}
	silent.Write([]byte(strings.Repeat("z", 2000) + "\n"))
	if got := readLine(t, silent); got != fmt.Sprintf(received, 2000)+"\n" {
		t.Errorf("2,000-byte line got %q", got)
	}
	silent.(*net.TCPConn).SetLinger(0) // vanish with a reset
	silent.Close()
	if got := talk(t, port, "你好\n"); got != fmt.Sprintf(received, 6)+"\n" {
		t.Errorf("after a reset, a new client got %q", got)
	}
}

func dial(t *testing.T, port int) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// talk connects, sends one line and returns the reply line.
func talk(t *testing.T, port int, line string) string {
	t.Helper()
	conn := dial(t, port)
	defer conn.Close()
	conn.Write([]byte(line))
	return readLine(t, conn)
}

func readLine(t *testing.T, conn net.Conn) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	var got []byte
	buf := make([]byte, 1)
	for !bytes.HasSuffix(got, []byte("\n")) {
		if _, err := conn.Read(buf); err != nil {
			t.Fatalf("reading a reply line: %v (so far %q)", err, got)
		}
		got = append(got, buf[0])
	}
	return string(got)
}

// expectInOrder fails unless every want appears in text, in this order.
func expectInOrder(t *testing.T, text string, want []string) {
	t.Helper()
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("missing (or out of order) %q in:\n%s", w, text)
		}
		rest = rest[i+len(w):]
	}
}

// syncBuffer collects a process's output; onLine runs at each newline.
type syncBuffer struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	onLine func()
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.onLine != nil && bytes.IndexByte(p, '\n') >= 0 {
		b.onLine()
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// exercisePasses runs netlearn's own checker on a lesson program: what a
// lesson shows must pass the exercise that follows it (lesson 1.6's server
// ends its messages with \n, the notes' protocol does not).
func exercisePasses(t *testing.T, name string, prog *pyProgram) {
	ex, ok := exercise.Lookup(name)
	if !ok {
		t.Fatalf("no exercise %q", name)
	}
	launch, err := exercise.Resolve(prog.path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r := exercise.Check(ctx, ex, exercise.Options{Launch: launch, Port: testnet.FreePort(t), Where: "host"})
	for _, c := range r.Checks {
		if c.Status != exercise.Pass {
			t.Errorf("check %s: %s %s %v", c.ID, c.Status, c.Message.Key, c.Message.Args)
		}
	}
}
