package sockdemo

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strings"
)

// GoCode returns the Go line of a socket-setup step, as this package
// really performs it on this OS for an IPv4 or IPv6 socket; "" for the
// steps the caller describes itself.
func GoCode(side Side, step Step, ipv6 bool) string {
	if side == SideServer {
		return goServerCode(step, ipv6)
	}
	switch step {
	case StepSocket:
		return "d := net.Dialer{Control: reportSocket}"
	case StepConnect:
		return `conn, err := d.DialContext(ctx, "tcp", addr)`
	}
	return ""
}

// ClientConfig describes one demo client.
type ClientConfig struct {
	Host     string // server name or address; "" means localhost
	Port     int
	ReadSize int         // bytes per recv; 0 means DefaultReadSize
	Emit     func(Event) // receives every event; may be nil
	Seq      *Sequencer  // numbers events with the server's; nil: one of its own around Emit
	Tracer   Tracer      // adds the kernel TCP state to events; may be nil
	// AroundSend, when set, performs the n-th send (from 1) by calling
	// write: an experiment can act just before and after it.
	AroundSend func(n int, write func() error) error
}

// Client is a connected demo client.
type Client struct {
	conn          net.Conn
	em            *emitter
	buf           []byte
	san           Sanitizer
	local, remote string
	in, out       int64
	reads         int64
	sends         int
	around        func(int, func() error) error
}

// Dial performs the socket and connect steps. It tries each address of the
// host in turn (IPv4 first) and reports every attempt; a refused attempt is
// an event with Error set.
func Dial(ctx context.Context, cfg ClientConfig) (*Client, error) {
	if cfg.Host == "" {
		cfg.Host = "localhost"
	}
	if cfg.ReadSize <= 0 {
		cfg.ReadSize = DefaultReadSize
	}
	em := newEmitter(cfg.Seq, cfg.Emit, cfg.Tracer)
	addrs, err := Resolve(ctx, cfg.Host)
	if err != nil {
		return nil, err
	}
	var lastErr error
	for _, ip := range addrs {
		conn, err := dialOne(ctx, em, netip.AddrPortFrom(ip, uint16(cfg.Port)))
		if err == nil {
			c := &Client{conn: conn, em: em, buf: make([]byte, cfg.ReadSize), around: cfg.AroundSend,
				local: conn.LocalAddr().String(), remote: conn.RemoteAddr().String()}
			c.event(Event{Step: StepConnect})
			return c, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

func dialOne(ctx context.Context, em *emitter, addr netip.AddrPort) (net.Conn, error) {
	d := net.Dialer{Control: reportSocket(em, SideClient, addr.Addr())}
	conn, err := d.DialContext(ctx, "tcp", addr.String())
	if err != nil {
		em.emit(Event{Side: SideClient, Step: StepConnect, Remote: addr.String(), Error: errorText(err)})
	}
	return conn, err
}

// errorText is the OS's words for an error, without Go's "dial tcp ..." prefix.
func errorText(err error) string {
	var se *net.OpError
	if errors.As(err, &se) && se.Err != nil {
		err = se.Err
	}
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		return sys.Err.Error()
	}
	return err.Error()
}

// FromList is a message source for Converse that yields msgs in order.
func FromList(msgs ...string) func() (string, bool) {
	return func() (string, bool) {
		if len(msgs) == 0 {
			return "", false
		}
		m := msgs[0]
		msgs = msgs[1:]
		return m, true
	}
}

// LocalAddr is the client's own address: the port is the dynamic port the
// OS assigned at connect.
func (c *Client) LocalAddr() string { return c.local }

// RemoteAddr is the server's address.
func (c *Client) RemoteAddr() string { return c.remote }

// Converse sends each message next returns and reads one reply after each
// (one recv, as the notes do), until next says there is no more or the
// message is `exit`, which is sent so the server ends the session too. It
// closes the connection in every case. Cancelling ctx closes it at once.
func (c *Client) Converse(ctx context.Context, next func() (string, bool)) error {
	stop := context.AfterFunc(ctx, func() { c.conn.Close() })
	defer stop()
	reason, err := c.converse(next)
	if ctx.Err() != nil {
		reason, err = ReasonShutdown, ctx.Err()
	}
	unread := unreadBytes(c.conn)
	c.conn.Close()
	c.event(Event{Step: StepClose, Reason: reason, Text: c.san.Flush(), BytesIn: c.in, BytesOut: c.out, Reads: c.reads,
		Unread: unread})
	return err
}

func (c *Client) converse(next func() (string, bool)) (Reason, error) {
	for {
		msg, ok := next()
		if !ok {
			return ReasonDone, nil
		}
		if strings.TrimSpace(msg) == "" {
			continue // nothing to send: an empty send puts no bytes on the wire
		}
		// One message is one line, as in the lessons' Python: the newline
		// tells a line-reading server where the message ends.
		if err := c.send([]byte(msg + "\n")); err != nil {
			return ReasonReset, err
		}
		if IsExit([]byte(msg)) {
			return ReasonExit, nil
		}
		if err := c.recv(); err != nil {
			if errors.Is(err, ErrRefused) {
				return ReasonMaxClients, err
			}
			return closeReason(err), ErrServerGone
		}
	}
}

// send reports the message before writing it, so the server's recv can
// never appear before it; a failed write is an error for the caller.
func (c *Client) send(b []byte) error {
	c.event(Event{Step: StepSend, Bytes: len(b), Text: Sanitize(b)})
	c.sends++
	var n int
	write := func() (err error) {
		n, err = c.conn.Write(b)
		return err
	}
	var err error
	if c.around != nil {
		err = c.around(c.sends, write)
	} else {
		err = write()
	}
	c.out += int64(n)
	if err != nil {
		return errors.Join(ErrServerGone, err)
	}
	return nil
}

// recv is one blocking read. 0 bytes means the server closed: an error
// here, never a message.
func (c *Client) recv() error {
	c.event(Event{Step: StepRecvWait, ReadSize: len(c.buf)})
	n, err := c.conn.Read(c.buf)
	if n > 0 {
		// Only the first bytes of a session can be a refusal: later ones
		// are replies, whatever they say.
		refused := c.in == 0 && IsRefusal(c.buf[:n])
		c.reads++
		c.in += int64(n)
		ev := Event{Step: StepRecv, Bytes: n, ReadSize: len(c.buf), Text: c.san.Feed(c.buf[:n]), Full: n == len(c.buf)}
		if refused {
			ev.Reason = ReasonMaxClients
		}
		c.event(ev)
		if refused {
			return ErrRefused
		}
		return nil
	}
	if err == nil {
		err = ErrServerGone
	}
	c.event(Event{Step: StepRecv, ReadSize: len(c.buf), Error: errorText(err), Reason: closeReason(err)})
	return err
}

// ReportTCPState reports, after Converse, the kernel's state of the closed
// connection: the side that closed first holds it in TIME_WAIT for a while.
// It reports nothing without a tracer.
func (c *Client) ReportTCPState() {
	if c.em.trace != nil {
		c.event(Event{Step: StepAfterClose})
	}
}

func (c *Client) event(ev Event) {
	ev.Side, ev.Local, ev.Remote = SideClient, c.local, c.remote
	c.em.emit(ev)
}
