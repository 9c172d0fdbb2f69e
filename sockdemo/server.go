package sockdemo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults shared by the command and tests.
const (
	// DefaultReply is what the server answers to every message unless told
	// otherwise: a greeting in both languages, as the notes' server sends a
	// fixed greeting. It is 14 bytes for 10 characters, a first hint that
	// bytes are not characters. It goes out as one line (see replyLine).
	DefaultReply = "你好, hello!"
	// DefaultReadSize is the buffer of one recv, as in the notes, so a
	// longer message visibly arrives in several reads.
	DefaultReadSize = 1024
	// DefaultBacklog is the listen queue length when none is given.
	DefaultBacklog = 128
	// DefaultIdleTimeout closes a client that has said nothing for this
	// long: generous, so a learner who types slowly is never cut off.
	DefaultIdleTimeout = 10 * time.Minute
)

// refuseGrace bounds how long a refused client is given to read the
// refusal before its connection is dropped.
const refuseGrace = 2 * time.Second

// ServerConfig describes one demo server.
type ServerConfig struct {
	Host        string        // IP address to bind, e.g. 127.0.0.1 or 0.0.0.0
	Port        int           // 0 lets the OS choose a free port
	Backlog     int           // listen(backlog); 0 means DefaultBacklog
	Reply       string        // fixed answer; "" means DefaultReply
	Echo        bool          // answer each message with its own bytes
	Once        bool          // serve one client, then close, like the notes
	MaxClients  int           // at most this many at once; 0 means no limit
	IdleTimeout time.Duration // 0 means wait for ever
	ReadSize    int           // bytes per recv; 0 means DefaultReadSize
	Quiet       bool          // skip per-message events (for load tests)
	Emit        func(Event)   // receives every event; may be nil
	Seq         *Sequencer    // numbers events with the client's; nil: one of its own around Emit
	Tracer      Tracer        // adds the kernel TCP state to events; may be nil
	// RcvBuf, when set, is the listener's SO_RCVBUF, set before listen so
	// accepted connections start with that small receive window.
	RcvBuf int
	// Pause makes a slow reader: the server waits this long before its
	// second recv, letting the client fill the receive window.
	Pause time.Duration
	// MaxReads, when set, ends a session after that many recvs, whatever
	// is still waiting: the slow reader gives up. MaxReplies, when set,
	// answers only that many of them.
	MaxReads, MaxReplies int
	// OnAccept, when set, is given each accepted connection (experiments
	// attach a socket filter to it).
	OnAccept func(net.Conn)
}

// Server is a listening demo server. Create it with Listen, run it with Serve.
type Server struct {
	cfg  ServerConfig
	ln   net.Listener
	addr netip.AddrPort
	em   *emitter

	mu     sync.Mutex
	conns  map[net.Conn]bool
	closed bool // closeAll ran: admit no more connections
	active int
	nextID int
	wg     sync.WaitGroup

	clients, refused            atomic.Int64
	messages, bytesIn, bytesOut atomic.Int64
}

// Listen performs the socket, bind and listen steps, reporting each.
func Listen(ctx context.Context, cfg ServerConfig) (*Server, error) {
	cfg = withServerDefaults(cfg)
	ip, err := resolveOne(ctx, cfg.Host)
	if err != nil {
		return nil, err
	}
	if cfg.Port < 0 || cfg.Port > 65535 {
		return nil, fmt.Errorf("port %d is outside 0-65535", cfg.Port)
	}
	s := &Server{cfg: cfg, em: newEmitter(cfg.Seq, cfg.Emit, cfg.Tracer), conns: map[net.Conn]bool{}}
	s.ln, err = openListener(netip.AddrPortFrom(ip, uint16(cfg.Port)), cfg.Backlog, cfg.RcvBuf, s.em)
	if err != nil {
		return nil, err
	}
	s.addr, err = netip.ParseAddrPort(s.ln.Addr().String())
	if err != nil {
		s.ln.Close()
		return nil, err
	}
	return s, nil
}

func withServerDefaults(cfg ServerConfig) ServerConfig {
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.Backlog <= 0 {
		cfg.Backlog = DefaultBacklog
	}
	if cfg.Reply == "" {
		cfg.Reply = DefaultReply
	}
	if cfg.ReadSize <= 0 {
		cfg.ReadSize = DefaultReadSize
	}
	return cfg
}

// Addr is the address the server really listens on (the real port when 0
// was asked for).
func (s *Server) Addr() netip.AddrPort { return s.addr }

// Close closes the listener of a server that will not Serve.
func (s *Server) Close() error { return s.ln.Close() }

// Serve accepts clients until ctx is cancelled (or, with Once, until the
// first client leaves), then closes every connection and the listener and
// reports a summary. It returns ctx.Err() when stopped by ctx.
func (s *Server) Serve(ctx context.Context) (Summary, error) {
	stop := context.AfterFunc(ctx, s.closeAll)
	defer stop()
	s.acceptLoop(ctx)
	s.closeAll()
	s.wg.Wait()
	reason := ReasonDone
	if ctx.Err() != nil {
		reason = ReasonShutdown
	}
	s.em.emit(Event{Side: SideServer, Step: StepShutdown, Local: s.addr.String(), Reason: reason})
	sum := s.summary()
	s.em.emit(Event{Side: SideServer, Step: StepSummary, Summary: &sum})
	return sum, ctx.Err()
}

func (s *Server) acceptLoop(ctx context.Context) {
	for ctx.Err() == nil {
		if !s.cfg.Quiet {
			s.em.emit(Event{Side: SideServer, Step: StepAcceptWait, Local: s.addr.String()})
		}
		conn, err := s.ln.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors and similar: report, breathe, retry.
			s.em.emit(Event{Side: SideServer, Step: StepAccept, Error: err.Error()})
			sleepCtx(ctx, 100*time.Millisecond)
			continue
		}
		id, ok, closed := s.admit(conn)
		if closed {
			return
		}
		if ok && s.cfg.OnAccept != nil {
			s.cfg.OnAccept(conn)
		}
		if ok {
			// Reported here, not in the client's goroutine, so it always
			// comes before the next accept_wait.
			s.em.emit(Event{Side: SideServer, Client: id, Step: StepAccept,
				Local: conn.LocalAddr().String(), Remote: conn.RemoteAddr().String()})
		}
		switch {
		case !ok:
			s.wg.Add(1)
			go s.refuse(conn)
		case s.cfg.Once:
			s.handle(ctx, conn, id)
			return
		default:
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.handle(ctx, conn, id)
			}()
		}
	}
}

// admit registers a new connection and gives it a number, unless the
// server already has MaxClients (ok false) or is shutting down (closed
// true: the connection is closed at once, so no session outlives Serve).
func (s *Server) admit(conn net.Conn) (id int, ok, closed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		conn.Close()
		return 0, false, true
	}
	if s.cfg.MaxClients > 0 && s.active >= s.cfg.MaxClients {
		return 0, false, false
	}
	s.active++
	s.nextID++
	s.conns[conn] = true
	s.clients.Add(1)
	return s.nextID, true, false
}

func (s *Server) release(conn net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns[conn] {
		delete(s.conns, conn)
		s.active--
	}
}

// closeAll closes the listener and every open connection; blocked accept
// and recv calls return at once.
func (s *Server) closeAll() {
	s.ln.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
}

// refusalMark begins every refusal, in both languages since the server
// cannot know the client's. A demo client recognises a refusal by it.
const refusalMark = "服务器已满 server full"

// RefusalText is sent to a client beyond --max-clients before closing it.
func RefusalText(max int) string {
	clients := "clients"
	if max == 1 {
		clients = "client"
	}
	return fmt.Sprintf("%s: at most %d %s at a time, try again later\n", refusalMark, max, clients)
}

// IsRefusal reports whether the first bytes a client receives are the
// demo server's refusal rather than a reply.
func IsRefusal(data []byte) bool { return bytes.HasPrefix(data, []byte(refusalMark)) }

// refuse tells an extra client why it is turned away, then closes its
// connection gracefully (FIN, not RST) so the words arrive.
func (s *Server) refuse(conn net.Conn) {
	defer s.wg.Done()
	defer conn.Close()
	s.refused.Add(1)
	msg := RefusalText(s.cfg.MaxClients)
	conn.SetDeadline(time.Now().Add(refuseGrace))
	n, _ := conn.Write([]byte(msg))
	s.em.emit(Event{Side: SideServer, Step: StepRefuse, Local: conn.LocalAddr().String(), Remote: conn.RemoteAddr().String(),
		Bytes: n, Text: Sanitize([]byte(msg)), Reason: ReasonMaxClients})
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.CloseWrite()
	}
	// Read until the client closes (or the grace ends): closing with unread
	// data would reset the connection and could destroy the message.
	buf := make([]byte, 512)
	for {
		if _, err := conn.Read(buf); err != nil {
			return
		}
	}
}

// handle is the notes' recv loop for one client, with its bugs fixed: it
// stops when recv returns 0 bytes (the client closed), on `exit`, on a
// reset, and after the idle timeout.
func (s *Server) handle(ctx context.Context, conn net.Conn, id int) {
	defer s.release(conn)
	local, remote := conn.LocalAddr().String(), conn.RemoteAddr().String()
	c := serverConn{s: s, conn: conn, id: id, local: local, remote: remote, buf: make([]byte, s.cfg.ReadSize)}
	reason := c.loop()
	if ctx.Err() != nil {
		reason = ReasonShutdown
	}
	unread := 0
	if reason != ReasonReset { // after a reset there is no connection left to abort
		unread = unreadBytes(conn)
	}
	conn.Close()
	// Totals are added once per connection, not per message: a thousand
	// clients updating shared counters on every read would slow them all.
	s.messages.Add(c.reads)
	s.bytesIn.Add(c.in)
	s.bytesOut.Add(c.out)
	s.em.emit(Event{Side: SideServer, Client: id, Step: StepClose, Local: local, Remote: remote, Reason: reason,
		Text: c.san.Flush(), BytesIn: c.in, BytesOut: c.out, Reads: c.reads, Unread: unread})
}

// serverConn is the state of one client's session.
type serverConn struct {
	s             *Server
	conn          net.Conn
	id            int
	local, remote string
	buf           []byte
	san           Sanitizer
	in, out       int64
	reads         int64
	deadlineSet   time.Time // when the idle deadline was last pushed back
}

// loop reads and answers until the session ends and returns why it ended.
func (c *serverConn) loop() Reason {
	cfg := c.s.cfg
	for {
		if c.reads == 1 && cfg.Pause > 0 {
			time.Sleep(cfg.Pause)
		}
		c.pushDeadline()
		if !cfg.Quiet {
			c.event(Event{Step: StepRecvWait, ReadSize: len(c.buf)})
		}
		n, err := c.conn.Read(c.buf)
		if n > 0 {
			if done := c.received(c.buf[:n]); done != "" {
				return done
			}
			if cfg.MaxReads > 0 && c.reads >= int64(cfg.MaxReads) {
				return ReasonStopReading
			}
		}
		if err != nil {
			return closeReason(err)
		}
	}
}

// received reports one read and answers it. It returns a close reason when
// the session must end.
func (c *serverConn) received(data []byte) Reason {
	cfg := c.s.cfg
	c.reads++
	c.in += int64(len(data))
	exit := IsExit(data)
	if !cfg.Quiet {
		c.event(Event{Step: StepRecv, Bytes: len(data), ReadSize: len(c.buf), Text: c.san.Feed(data),
			Full: len(data) == len(c.buf), Exit: exit})
	}
	if exit {
		return ReasonExit
	}
	if cfg.MaxReplies > 0 && c.reads > int64(cfg.MaxReplies) {
		return ""
	}
	reply := replyLine(cfg.Reply)
	if cfg.Echo {
		reply = data
	}
	// Reported before the write, so the reply is never shown arriving at
	// the client before it was sent; a failed write ends the session.
	if !cfg.Quiet {
		c.event(Event{Step: StepSend, Bytes: len(reply), Text: Sanitize(reply)})
	}
	n, err := c.conn.Write(reply)
	c.out += int64(n)
	if err != nil {
		return closeReason(err)
	}
	return ""
}

// replyLine ends a fixed reply with a newline, as the lessons' clients
// expect: they read up to the newline, because TCP keeps no message
// boundaries (lesson 1.3). A reply that already ends with one is kept.
func replyLine(reply string) []byte {
	if strings.HasSuffix(reply, "\n") {
		return []byte(reply)
	}
	return []byte(reply + "\n")
}

// pushDeadline moves the idle deadline (for reads and writes) to a full
// IdleTimeout from now. Moving it costs a timer update, so it is only
// moved once a tenth of the timeout has passed: a silent client is closed
// between 90% and 100% of IdleTimeout after its last message.
func (c *serverConn) pushDeadline() {
	idle := c.s.cfg.IdleTimeout
	if idle <= 0 {
		return
	}
	now := time.Now()
	if now.Sub(c.deadlineSet) < idle/10 {
		return
	}
	c.deadlineSet = now
	c.conn.SetDeadline(now.Add(idle))
}

func (c *serverConn) event(ev Event) {
	ev.Side, ev.Client, ev.Local, ev.Remote = SideServer, c.id, c.local, c.remote
	c.s.em.emit(ev)
}

func (s *Server) summary() Summary {
	return Summary{
		Clients:  int(s.clients.Load()),
		Refused:  int(s.refused.Load()),
		Messages: s.messages.Load(),
		BytesIn:  s.bytesIn.Load(),
		BytesOut: s.bytesOut.Load(),
	}
}

// IsExit reports whether one read is the word exit, ignoring surrounding
// spaces, tabs, CR and LF (so telnet's "exit\r\n" and nc's "exit\n" count).
func IsExit(data []byte) bool {
	return bytes.Equal(bytes.TrimSpace(data), []byte("exit"))
}

// resolveOne turns a host (IP or name) into one address to bind or dial,
// preferring IPv4 like the notes' examples.
func resolveOne(ctx context.Context, host string) (netip.Addr, error) {
	addrs, err := Resolve(ctx, host)
	if err != nil {
		return netip.Addr{}, err
	}
	return addrs[0], nil
}

// Resolve returns host's addresses, IPv4 first.
func Resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip.Unmap()}, nil
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	var v4, v6 []netip.Addr
	for _, ip := range ips {
		if ip = ip.Unmap(); ip.Is4() {
			v4 = append(v4, ip)
		} else {
			v6 = append(v6, ip)
		}
	}
	return append(v4, v6...), nil
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
