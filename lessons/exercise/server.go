package exercise

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the peer-close check: after the client leaves, the server's
// processes may use at most busyLimit CPU time over busyWindow.
const (
	busyWindow = time.Second
	busyLimit  = 200 * time.Millisecond
)

// checkServer checks the notes' server for one client. peer-close needs a
// fresh run; it runs first, while the port is free of TIME_WAIT (after
// "exit" the server closes first and its port lingers in TIME_WAIT), and
// its result is shown in its place.
func checkServer(c *checker) {
	peerClose, notStarted := c.peerCloseRun(c.opts.Port)
	if notStarted {
		// The fresh run did not even listen: that is the verdict of
		// "starts", and a second run would only wait as long again.
		c.do("starts", func() Result { return peerClose })
		return
	}
	s, started := c.startServer(c.opts.Port)
	if !c.do("starts", func() Result { return started }) {
		return
	}
	var p *peer
	c.do("accepts", func() Result { p, started = c.accepts(s); return started })
	c.do("replies", func() Result { return c.replies(s, p, "hello") })
	c.do("utf8", func() Result { return c.utf8(s, p) })
	c.do("exit", func() Result { return c.exitCloses(s, p) })
	c.do("peer-close", func() Result { return peerClose })
}

// accepts connects and waits until the program holds one more socket:
// the connection it accepted.
func (c *checker) accepts(s *serverRun) (*peer, Result) {
	did := T("exercise.did.connect", "addr", s.addr)
	before := s.proc.SocketCount()
	p, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.connect_failed", "err", err.Error()), Hint: hint("accept")}
	}
	if before < 0 {
		return p, Result{Status: Pass, Did: did, Message: T("exercise.msg.connected", "local", p.conn.LocalAddr().String())}
	}
	deadline := time.Now().Add(replyTimeout)
	for time.Now().Before(deadline) {
		if s.proc.SocketCount() > before {
			return p, Result{Status: Pass, Did: did, Message: T("exercise.msg.accepted", "local", p.conn.LocalAddr().String())}
		}
		if !s.proc.Running() {
			return p, c.exitedResult(did, "exercise.msg.exited", s.proc)
		}
		time.Sleep(pollEvery)
	}
	return p, Result{Status: Fail, Did: did, Message: T("exercise.msg.not_accepted", "secs", int(replyTimeout.Seconds())), Hint: hint("accept")}
}

// message is msg as the program expects it: with \n once it has shown
// that it reads lines, as sent by the notes' client (no end mark) before.
func (c *checker) message(msg string) []byte {
	if c.lines.Load() {
		return []byte(msg + "\n")
	}
	return []byte(msg)
}

// replies sends msg and expects some reply within replyTimeout. A server
// that stays silent for lineProbe may be waiting for the end of the line
// (lesson 1.3's framing): netlearn then sends \n, and a reply to that
// means every later message ends with \n too.
func (c *checker) replies(s *serverRun, p *peer, msg string) Result {
	did := T("exercise.did.send", "msg", msg)
	if err := p.send(c.message(msg)); err != nil {
		return c.lost(did, s, p)
	}
	reply, key := p.readSome(lineProbe), "exercise.msg.replied"
	if len(reply) == 0 && p.closed == "" && !c.lines.Load() && p.send([]byte("\n")) == nil {
		if reply = p.readSome(replyTimeout - lineProbe); len(reply) > 0 {
			c.lines.Store(true)
			key = "exercise.msg.replied_line"
		}
	} else if len(reply) == 0 {
		reply = p.readSome(replyTimeout - lineProbe)
	}
	if len(reply) == 0 {
		return c.lost(did, s, p)
	}
	return Result{Status: Pass, Did: did, Message: T(key, "reply", shown(reply))}
}

// lost explains why no reply came: the program died, closed the
// connection, or stayed silent.
func (c *checker) lost(did Text, s *serverRun, p *peer) Result {
	if p.closed != "" {
		s.proc.Wait(dyingGrace) // a close is often the program's last act
	}
	switch {
	case !s.proc.Running():
		return c.exitedResult(did, "exercise.msg.exited", s.proc)
	case p.closed == "rst":
		return explained(Result{Status: Fail, Did: did, Message: T("exercise.msg.reset")}, c.known(s.proc), "reset")
	case p.closed == "fin":
		return explained(Result{Status: Fail, Did: did, Message: T("exercise.msg.closed_early")}, c.known(s.proc), "closed_early")
	}
	return Result{Status: Fail, Did: did, Message: T("exercise.msg.no_reply", "secs", int(replyTimeout.Seconds())), Hint: hint("no_reply")}
}

// utf8 sends 你好 one byte at a time; the server must print it whole.
func (c *checker) utf8(s *serverRun, p *peer) Result {
	const word = "你好"
	did := T("exercise.did.send_slowly", "msg", word)
	before, _ := s.proc.Stdout.Bytes()
	if err := p.sendSlowly(c.message(word), 20*time.Millisecond); err != nil {
		return c.lost(did, s, p)
	}
	deadline := time.Now().Add(replyTimeout)
	for {
		out, _ := s.proc.Stdout.Bytes()
		printed := out[min(len(before), len(out)):]
		if runesInOrder(printed, word) {
			p.readSome(100 * time.Millisecond) // its replies, for the transcript
			return Result{Status: Pass, Did: did, Message: T("exercise.msg.utf8_ok", "msg", word)}
		}
		if !s.proc.Running() || bytes.ContainsRune(printed, utf8.RuneError) || time.Now().After(deadline) {
			p.readSome(100 * time.Millisecond)
			break
		}
		time.Sleep(pollEvery)
	}
	if !s.proc.Running() {
		return c.exitedResult(did, "exercise.msg.exited", s.proc)
	}
	return Result{Status: Fail, Did: did, Message: T("exercise.msg.utf8_not_printed", "msg", word), Known: c.known(s.proc), Hint: hint("utf8_split")}
}

// runesInOrder reports whether every rune of word appears in b in order,
// with anything between them: a server may print each piece on a line of
// its own, but must never show a broken character.
func runesInOrder(b []byte, word string) bool {
	text := string(b)
	if strings.ContainsRune(text, utf8.RuneError) {
		return false
	}
	for _, r := range word {
		i := strings.IndexRune(text, r)
		if i < 0 {
			return false
		}
		text = text[i+utf8.RuneLen(r):]
	}
	return true
}

// exitCloses sends exit and expects the server to close the connection
// with FIN within replyTimeout.
func (c *checker) exitCloses(s *serverRun, p *peer) Result {
	did := T("exercise.did.send", "msg", "exit")
	if err := p.send(c.message("exit")); err != nil {
		return c.lost(did, s, p)
	}
	switch p.waitClose(replyTimeout) {
	case "fin":
		return Result{Status: Pass, Did: did, Message: T("exercise.msg.closed_fin")}
	case "rst":
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.closed_rst"), Hint: hint("close_rst")}
	}
	return Result{Status: Fail, Did: did, Message: T("exercise.msg.not_closed", "secs", int(replyTimeout.Seconds())), Hint: hint("exit")}
}

// peerCloseRun starts a fresh server, says hello, leaves without exit and
// watches the server for busyWindow: it must neither spin nor crash.
// When the server does not even start, the result is that of "starts"
// and notStarted is true.
func (c *checker) peerCloseRun(port int) (Result, bool) {
	did := T("exercise.did.peer_close")
	s, started := c.startServer(port)
	if started.Status != Pass {
		return started, true
	}
	defer s.proc.Stop()
	p, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.connect_failed", "err", err.Error())}, false
	}
	_ = p.send([]byte("hello\n")) // the end of the line, for a server that reads lines
	p.readSome(replyTimeout)
	p.close()
	cpu0 := s.proc.CPUTime()
	time.Sleep(busyWindow)
	used := s.proc.CPUTime() - cpu0
	// Whatever was recorded belongs to this fresh run; keep it with the
	// result, which is shown later in its place.
	c.mu.Lock()
	transcript := c.transcript
	c.transcript = nil
	c.mu.Unlock()
	r := Result{Status: Pass, Did: did, Message: T("exercise.msg.peer_close_ok", "cpu", used.Milliseconds()), Transcript: transcript}
	if k := c.known(s.proc); k != nil && (k.Key == "broken-pipe" || k.Key == "reset") {
		r.Status, r.Message, r.Known = Fail, T("exercise.msg.peer_close_crash"), k
	} else if used > busyLimit {
		r.Status, r.Message, r.Hint = Fail, T("exercise.msg.busy_loop", "cpu", used.Milliseconds(), "window", busyWindow.Milliseconds()), hint("busy_loop")
	}
	return r, false
}

// explained gives a failure the recognised error when there is one, and
// the hint otherwise: one explanation, never two that disagree.
func explained(r Result, k *Known, hintKey string) Result {
	if r.Known = k; k == nil {
		r.Hint = hint(hintKey)
	}
	return r
}
