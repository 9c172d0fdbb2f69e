package sockdemo

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netlearn/netlearn/sockdemo/sockdemotest"
)

// recorder collects events from any goroutine and wakes waiters on each.
type recorder struct {
	mu      sync.Mutex
	events  []Event
	changed chan struct{} // closed and replaced on every event
}

func (r *recorder) emit(ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
	if r.changed != nil {
		close(r.changed)
	}
	r.changed = make(chan struct{})
}

func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}

// steps lists "side:step" for events of one side (and client, if > 0).
func (r *recorder) steps(side Side) []string {
	var out []string
	for _, ev := range r.all() {
		if ev.Side == side {
			out = append(out, string(ev.Step))
		}
	}
	return out
}

func (r *recorder) find(pred func(Event) bool) (Event, bool) {
	for _, ev := range r.all() {
		if pred(ev) {
			return ev, true
		}
	}
	return Event{}, false
}

// waitFor blocks until an event matches, woken by each new event rather
// than polling (bounded: 5 s).
func (r *recorder) waitFor(t *testing.T, what string, pred func(Event) bool) Event {
	t.Helper()
	limit := time.NewTimer(5 * time.Second)
	defer limit.Stop()
	for {
		r.mu.Lock()
		for _, ev := range r.events {
			if pred(ev) {
				r.mu.Unlock()
				return ev
			}
		}
		if r.changed == nil {
			r.changed = make(chan struct{})
		}
		changed := r.changed
		r.mu.Unlock()
		select {
		case <-changed:
		case <-limit.C:
			t.Fatalf("no %s event after 5s; got %v", what, r.all())
		}
	}
}

// startServer listens on a free loopback port and serves until the test ends.
func startServer(t *testing.T, cfg ServerConfig) (*Server, *recorder, <-chan error) {
	t.Helper()
	rec := &recorder{}
	cfg.Host, cfg.Emit = "127.0.0.1", rec.emit
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Listen(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		_, err := srv.Serve(ctx)
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop within 5s")
		}
	})
	return srv, rec, done
}

func dialRaw(t *testing.T, srv *Server) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestOnceConversationFollowsTheNotes(t *testing.T) {
	srv, srec, done := startServer(t, ServerConfig{Once: true})
	crec := &recorder{}
	cl, err := Dial(context.Background(), ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Emit: crec.emit})
	if err != nil {
		t.Fatal(err)
	}
	if err := cl.Converse(context.Background(), FromList("hello", " exit\r\n")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("--once server still running after its client left")
	}
	wantServer := "socket bind listen accept_wait accept recv_wait recv send recv_wait recv close shutdown summary"
	if got := strings.Join(srec.steps(SideServer), " "); got != wantServer {
		t.Errorf("server steps:\n got %s\nwant %s", got, wantServer)
	}
	wantClient := "socket connect send recv_wait recv send close"
	if got := strings.Join(crec.steps(SideClient), " "); got != wantClient {
		t.Errorf("client steps:\n got %s\nwant %s", got, wantClient)
	}
	recv, _ := srec.find(func(e Event) bool { return e.Step == StepRecv })
	if recv.Text != `hello\n` || recv.Bytes != 6 || recv.Remote != cl.LocalAddr() {
		t.Errorf("server recv = %+v", recv)
	}
	reply, _ := crec.find(func(e Event) bool { return e.Step == StepRecv })
	if reply.Text != Sanitize(replyLine(DefaultReply)) || reply.Bytes != len(DefaultReply)+1 {
		t.Errorf("client recv = %+v", reply)
	}
	closed, _ := srec.find(func(e Event) bool { return e.Step == StepClose })
	if closed.Reason != ReasonExit || closed.BytesIn != int64(len("hello\n")+len(" exit\r\n\n")) {
		t.Errorf("server close = %+v", closed)
	}
	for i, ev := range srec.all() {
		if ev.Seq != int64(i+1) {
			t.Fatalf("event %d has seq %d", i, ev.Seq)
		}
	}
}

func TestClientLeavingMidSessionDoesNotStopOthers(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{})
	a := dialRaw(t, srv)
	a.Write([]byte("hi"))
	io.ReadFull(a, make([]byte, len(replyLine(DefaultReply))))
	a.(*net.TCPConn).SetLinger(0) // vanish with a reset, like a killed process
	a.Close()
	rec.waitFor(t, "close of client 1", func(e Event) bool { return e.Step == StepClose && e.Client == 1 })

	b := dialRaw(t, srv)
	b.Write([]byte("still there?"))
	got := make([]byte, len(replyLine(DefaultReply)))
	if _, err := io.ReadFull(b, got); err != nil || string(got) != string(replyLine(DefaultReply)) {
		t.Fatalf("second client got %q, %v", got, err)
	}
	b.Close()
	ev := rec.waitFor(t, "close of client 2", func(e Event) bool { return e.Step == StepClose && e.Client == 2 })
	if ev.Reason != ReasonPeerClosed {
		t.Errorf("orderly close reported as %q", ev.Reason)
	}
	// After each close, the loop must have stopped reading: exactly one recv
	// per message, no spinning on the closed connection.
	var recvs int
	for _, e := range rec.all() {
		if e.Step == StepRecv {
			recvs++
		}
	}
	if recvs != 2 {
		t.Errorf("%d recv events, want 2", recvs)
	}
}

func TestMessageLargerThanReadSizeArrivesInPieces(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{Echo: true})
	c := dialRaw(t, srv)
	msg := bytes.Repeat([]byte("x"), 3000)
	c.Write(msg)
	back := make([]byte, len(msg))
	if _, err := io.ReadFull(c, back); err != nil || !bytes.Equal(back, msg) {
		t.Fatalf("echo of 3000 bytes: %v", err)
	}
	var sizes []int
	for _, e := range rec.all() {
		if e.Step == StepRecv {
			sizes = append(sizes, e.Bytes)
			if e.Full != (e.Bytes == DefaultReadSize) {
				t.Errorf("recv of %d bytes has Full=%v", e.Bytes, e.Full)
			}
		}
	}
	if len(sizes) < 3 {
		t.Errorf("3000 bytes in %v reads; a %d-byte buffer needs at least 3", sizes, DefaultReadSize)
	}
}

func TestSplitUTF8IsShownWhole(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{})
	c := dialRaw(t, srv)
	ni := []byte("你")
	c.Write(ni[:2])
	rec.waitFor(t, "first half", func(e Event) bool { return e.Step == StepRecv })
	c.Write(ni[2:])
	ev := rec.waitFor(t, "second half", func(e Event) bool { return e.Step == StepRecv && e.Text != "" })
	if ev.Text != "你" || ev.Bytes != 1 {
		t.Errorf("second read = %+v, want the whole character", ev)
	}
}

func TestEscapesNeverReachEvents(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{})
	c := dialRaw(t, srv)
	c.Write([]byte("\x1b]0;owned\x07\x1b[2J\u202eevil"))
	ev := rec.waitFor(t, "recv", func(e Event) bool { return e.Step == StepRecv })
	if want := `\x1b]0;owned\x07\x1b[2J\u202eevil`; ev.Text != want {
		t.Errorf("text %q, want %q", ev.Text, want)
	}
}

func TestTenMegabyteBurstIsEchoedIntact(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{Echo: true, Quiet: true})
	c := dialRaw(t, srv)
	burst := make([]byte, 10<<20)
	for i := range burst {
		burst[i] = byte(i % 251)
	}
	go c.Write(burst)
	back := make([]byte, len(burst))
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.ReadFull(c, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back, burst) {
		t.Fatal("echoed burst differs")
	}
	c.Close()
	ev := rec.waitFor(t, "close", func(e Event) bool { return e.Step == StepClose })
	if ev.BytesIn != int64(len(burst)) || ev.BytesOut != int64(len(burst)) {
		t.Errorf("close totals in=%d out=%d", ev.BytesIn, ev.BytesOut)
	}
}

func TestIdleClientIsClosed(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{IdleTimeout: 100 * time.Millisecond})
	c := dialRaw(t, srv)
	ev := rec.waitFor(t, "close", func(e Event) bool { return e.Step == StepClose })
	if ev.Reason != ReasonIdle {
		t.Errorf("reason %q, want %q", ev.Reason, ReasonIdle)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, err := c.Read(make([]byte, 10)); n != 0 || err == nil {
		t.Errorf("idle client still connected: %d, %v", n, err)
	}
}

func TestExtraClientIsRefusedWithAMessage(t *testing.T) {
	srv, rec, _ := startServer(t, ServerConfig{MaxClients: 1})
	dialRaw(t, srv)
	rec.waitFor(t, "accept", func(e Event) bool { return e.Step == StepAccept })
	extra := dialRaw(t, srv)
	extra.SetReadDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(extra)
	if err != nil || string(got) != RefusalText(1) || !strings.Contains(string(got), "at most 1 client at a time") {
		t.Errorf("extra client read %q, %v", got, err)
	}
	rec.waitFor(t, "refuse", func(e Event) bool { return e.Step == StepRefuse && e.Reason == ReasonMaxClients })

	// netlearn's own client recognises the refusal and says so.
	crec := &recorder{}
	cl, err := Dial(context.Background(), ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Emit: crec.emit})
	if err != nil {
		t.Fatal(err)
	}
	if err := cl.Converse(context.Background(), FromList("hello", "again")); !errors.Is(err, ErrRefused) {
		t.Errorf("refused client: Converse = %v, want ErrRefused", err)
	}
	recv, _ := crec.find(func(e Event) bool { return e.Step == StepRecv })
	closed, _ := crec.find(func(e Event) bool { return e.Step == StepClose })
	if recv.Reason != ReasonMaxClients || closed.Reason != ReasonMaxClients || recv.Text != Sanitize([]byte(RefusalText(1))) {
		t.Errorf("refused client: recv %+v, close %+v", recv, closed)
	}
	// It stops at the refusal: "again" is never sent.
	if got, want := strings.Join(crec.steps(SideClient), " "), "socket connect send recv_wait recv close"; got != want {
		t.Errorf("refused client steps:\n got %s\nwant %s", got, want)
	}
}

// A reply that merely contains the refusal's words later in a session is
// a reply, not a refusal.
func TestRefusalOnlyCountsAtTheStart(t *testing.T) {
	srv, _, _ := startServer(t, ServerConfig{Echo: true})
	cl, err := Dial(context.Background(), ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port())})
	if err != nil {
		t.Fatal(err)
	}
	if err := cl.Converse(context.Background(), FromList("hi", RefusalText(3), "exit")); err != nil {
		t.Errorf("Converse = %v, want nil", err)
	}
}

func TestCancelClosesEveryConnection(t *testing.T) {
	rec := &recorder{}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Listen(ctx, ServerConfig{Host: "127.0.0.1", Emit: rec.emit})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := srv.Serve(ctx); done <- err }()
	a, b := dialRaw(t, srv), dialRaw(t, srv)
	rec.waitFor(t, "second accept", func(e Event) bool { return e.Step == StepAccept && e.Client == 2 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Serve returned %v", err)
	}
	for _, c := range []net.Conn{a, b} {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if n, err := c.Read(make([]byte, 1)); n != 0 || err == nil {
			t.Errorf("connection still open after cancel")
		}
	}
	sum := rec.waitFor(t, "summary", func(e Event) bool { return e.Step == StepSummary })
	if sum.Summary == nil || sum.Summary.Clients != 2 {
		t.Errorf("summary %+v", sum.Summary)
	}
}

func TestPortInUse(t *testing.T) {
	srv, _, _ := startServer(t, ServerConfig{})
	_, err := Listen(context.Background(), ServerConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port())})
	if !IsAddrInUse(err) {
		t.Errorf("second bind: %v, want address in use", err)
	}
}

func TestConnectRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	rec := &recorder{}
	_, err = Dial(context.Background(), ClientConfig{Host: "127.0.0.1", Port: port, Emit: rec.emit})
	if !IsRefused(err) {
		t.Fatalf("dial to a closed port: %v", err)
	}
	ev := rec.waitFor(t, "connect", func(e Event) bool { return e.Step == StepConnect })
	if ev.Error == "" || strings.Contains(ev.Error, "dial tcp") {
		t.Errorf("connect error text %q", ev.Error)
	}
}

func TestServerDyingMidSession(t *testing.T) {
	port := sockdemotest.ServerThatDies(t, "ok") // gone before the second message
	cl, err := Dial(context.Background(), ClientConfig{Host: "127.0.0.1", Port: port})
	if err != nil {
		t.Fatal(err)
	}
	err = cl.Converse(context.Background(), FromList("one", "two", "three"))
	if !errors.Is(err, ErrServerGone) {
		t.Errorf("Converse = %v, want ErrServerGone", err)
	}
}

func TestIsExit(t *testing.T) {
	for in, want := range map[string]bool{"exit": true, "exit\r\n": true, " \texit \n": true, "Exit": false, "exit now": false, "": false} {
		if IsExit([]byte(in)) != want {
			t.Errorf("IsExit(%q) != %v", in, want)
		}
	}
}
