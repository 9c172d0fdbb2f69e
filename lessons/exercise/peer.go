package exercise

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"syscall"
	"time"
)

// peer is netlearn's end of one TCP connection with the learner's
// program. Everything it sends and receives goes into the check's
// transcript.
type peer struct {
	c    *checker
	conn *net.TCPConn
	buf  []byte // received and not yet consumed
	// closed is how the program ended the connection: "" while open,
	// "fin" or "rst"; readErr is any other read error.
	closed  string
	readErr error
}

func newPeer(c *checker, conn *net.TCPConn) *peer {
	_ = conn.SetNoDelay(true)
	return &peer{c: c, conn: conn}
}

// dial connects to the program within d.
func (c *checker) dial(addr string, d time.Duration) (*peer, error) {
	conn, err := net.DialTimeout("tcp", addr, d)
	if err != nil {
		return nil, err
	}
	p := newPeer(c, conn.(*net.TCPConn))
	c.record(Exchange{Dir: Note, Note: "connected", Bytes: []byte(conn.LocalAddr().String())})
	return p, nil
}

// send writes b in one write.
func (p *peer) send(b []byte) error {
	p.c.record(Exchange{Dir: ToProgram, Bytes: b})
	_, err := p.conn.Write(b)
	return err
}

// sendSlowly writes b one byte at a time with a pause between bytes, so
// each byte travels in a segment of its own (TCP_NODELAY is on).
func (p *peer) sendSlowly(b []byte, pause time.Duration) error {
	for i := range b {
		if err := p.send(b[i : i+1]); err != nil {
			return err
		}
		time.Sleep(pause)
	}
	return nil
}

// fill reads once, waiting until deadline, and reports whether bytes came.
func (p *peer) fill(deadline time.Time) bool {
	if p.closed != "" || p.readErr != nil {
		return false
	}
	_ = p.conn.SetReadDeadline(deadline)
	chunk := make([]byte, 64<<10)
	n, err := p.conn.Read(chunk)
	if n > 0 {
		p.buf = append(p.buf, chunk[:n]...)
		p.c.record(Exchange{Dir: FromProgram, Bytes: chunk[:n]})
	}
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		p.closed = "fin"
		p.c.record(Exchange{Dir: Note, Note: "closed-fin"})
	case isReset(err):
		p.closed = "rst"
		p.c.record(Exchange{Dir: Note, Note: "closed-rst"})
	case errors.Is(err, os.ErrDeadlineExceeded):
	default:
		p.readErr = err
	}
	return n > 0
}

// readSome waits up to d for bytes, then collects whatever else arrives
// in the next 50 ms, and returns and consumes it all.
func (p *peer) readSome(d time.Duration) []byte {
	if len(p.buf) == 0 && !p.fill(time.Now().Add(d)) {
		return nil
	}
	for p.fill(time.Now().Add(50 * time.Millisecond)) {
	}
	out := p.buf
	p.buf = nil
	return out
}

// readLine waits up to d for a whole line ending in \n and returns it
// without the line ending; ok is false when none came.
func (p *peer) readLine(d time.Duration) (line []byte, ok bool) {
	deadline := time.Now().Add(d)
	for {
		if i := bytes.IndexByte(p.buf, '\n'); i >= 0 {
			line = bytes.TrimSuffix(p.buf[:i], []byte("\r"))
			p.buf = p.buf[i+1:]
			return line, true
		}
		if time.Now().After(deadline) || (!p.fill(deadline) && (p.closed != "" || p.readErr != nil)) {
			return nil, false
		}
	}
}

// waitClose waits up to d for the program to close the connection and
// returns "fin", "rst" or "" when it stayed open. Bytes that come first
// are kept in the transcript.
func (p *peer) waitClose(d time.Duration) string {
	deadline := time.Now().Add(d)
	for p.closed == "" && p.readErr == nil && time.Now().Before(deadline) {
		p.fill(deadline)
	}
	return p.closed
}

// abort closes with RST, as a client that vanishes does (SO_LINGER 0).
func (p *peer) abort() {
	_ = p.conn.SetLinger(0)
	_ = p.conn.Close()
	p.c.record(Exchange{Dir: Note, Note: "netlearn-rst"})
}

// close closes normally, with FIN.
func (p *peer) close() {
	_ = p.conn.Close()
	p.c.record(Exchange{Dir: Note, Note: "netlearn-fin"})
}

func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || isWinReset(err)
}
