package exercise

import (
	"bytes"
	"strconv"
	"time"
)

// checkServerLoop checks a server that serves clients one after another.
func checkServerLoop(c *checker) {
	s, started := c.startServer(c.opts.Port)
	if !c.do("starts", func() Result { return started }) {
		return
	}
	c.do("next-client", func() Result { return c.nextClient(s) })
	c.do("reset", func() Result { return c.resetClient(s) })
	c.do("restart", func() Result { return c.restart(s) })
}

// conversation connects, says msg, expects a reply, says exit and expects
// the server to close. It returns the failure, or nil.
func (c *checker) conversation(s *serverRun, msg string, did Text) *Result {
	p, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		r := c.refused(s, did, err)
		return &r
	}
	if r := c.replies(s, p, msg); r.Status != Pass {
		r.Did = did
		return &r
	}
	if r := c.exitCloses(s, p); r.Status != Pass {
		r.Did = did
		return &r
	}
	return nil
}

// refused explains a failed connect: the program died, or stopped
// listening.
func (c *checker) refused(s *serverRun, did Text, err error) Result {
	if s.proc.Wait(dyingGrace) { // a listener that vanished may belong to a program dying now
		return c.exitedResult(did, "exercise.msg.exited", s.proc)
	}
	return Result{Status: Fail, Did: did, Message: T("exercise.msg.connect_failed", "err", err.Error()), Hint: hint("serve_loop")}
}

func (c *checker) nextClient(s *serverRun) Result {
	did := T("exercise.did.two_clients")
	for _, msg := range []string{"first", "second"} {
		if r := c.conversation(s, msg, did); r != nil {
			if r.Known == nil {
				r.Hint = hint("serve_loop")
			}
			return *r
		}
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.next_ok")}
}

// resetClient: one client vanishes with RST, the next must be served.
func (c *checker) resetClient(s *serverRun) Result {
	did := T("exercise.did.reset_client")
	p, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return c.refused(s, did, err)
	}
	if r := c.replies(s, p, "hello"); r.Status != Pass {
		return r
	}
	p.abort()
	if r := c.conversation(s, "after-reset", did); r != nil {
		if r.Known == nil {
			s.proc.Wait(dyingGrace) // the reset may be killing it right now
			r.Known = c.known(s.proc)
		}
		if r.Known == nil {
			r.Hint = hint("survive_reset")
		}
		return *r
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.reset_ok")}
}

// restart stops the server right after it closed a connection, which
// leaves that connection in TIME_WAIT on its port, and starts it again at
// once on the same port, in the same network namespace.
func (c *checker) restart(s *serverRun) Result {
	did := T("exercise.did.restart", "port", s.listener.Port)
	if r := c.conversation(s, "before-restart", did); r != nil {
		return *r
	}
	s.proc.Stop()
	again, started := c.startServer(s.listener.Port)
	if started.Status != Pass {
		started.Did = did
		if started.Known != nil && started.Known.Key == "addr-in-use" {
			started.Message, started.Hint = T("exercise.msg.time_wait", "port", s.listener.Port), hint("reuseaddr")
		}
		return started
	}
	if r := c.conversation(again, "after-restart", did); r != nil {
		return *r
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.restart_ok", "port", again.listener.Port)}
}

// checkServerThreads checks a server that serves several clients at once.
func checkServerThreads(c *checker) {
	s, started := c.startServer(c.opts.Port)
	if !c.do("starts", func() Result { return started }) {
		return
	}
	c.do("concurrent", func() Result { return c.concurrent(s) })
	c.do("many", func() Result { return c.many(s, 20) })
}

// concurrent: A connects and stays silent; B must still be answered.
func (c *checker) concurrent(s *serverRun) Result {
	did := T("exercise.did.concurrent")
	a, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return c.refused(s, did, err)
	}
	defer a.close()
	b, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return c.refused(s, did, err)
	}
	defer b.close()
	if r := c.replies(s, b, "hello-B"); r.Status != Pass {
		r.Did = did
		if r.Known == nil {
			r.Hint = hint("threads")
		}
		return r
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.concurrent_ok")}
}

// many: n clients connect, then all send, then each must get a reply that
// names its own message and no other.
func (c *checker) many(s *serverRun, n int) Result {
	did := T("exercise.did.many", "n", n)
	peers := make([]*peer, 0, n)
	defer func() {
		for _, p := range peers {
			p.close()
		}
	}()
	for range n {
		p, err := c.dial(s.addr, replyTimeout)
		if err != nil {
			return c.refused(s, did, err)
		}
		peers = append(peers, p)
	}
	for i, p := range peers {
		_ = p.send(c.message(string(clientName(i))))
	}
	replies := make([][]byte, n)
	done := make(chan int, n)
	for i, p := range peers {
		go func() { replies[i] = p.readSome(replyTimeout); done <- i }()
	}
	for range n {
		<-done
	}
	for i, reply := range replies {
		if bad := mixedReply(reply, i, n); bad != "" {
			return Result{Status: Fail, Did: did, Message: T("exercise.msg.many_bad", "client", string(clientName(i)), "reply", shown([]byte(bad))), Hint: hint("threads_echo")}
		}
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.many_ok", "n", n)}
}

func clientName(i int) []byte { return []byte("client-" + string(rune('A'+i))) }

// mixedReply returns why client i's reply is wrong, or "" when it names
// its message and no other client's.
func mixedReply(reply []byte, i, n int) string {
	if len(reply) == 0 {
		return "(nothing)"
	}
	if !bytes.Contains(reply, clientName(i)) {
		return string(reply)
	}
	for j := range n {
		if j != i && bytes.Contains(reply, clientName(j)) {
			return string(reply)
		}
	}
	return ""
}

// checkFraming checks a server that reads messages ending in "\n" out of
// the byte stream, whatever pieces TCP delivers them in.
func checkFraming(c *checker) {
	s, started := c.startServer(c.opts.Port)
	if !c.do("starts", func() Result { return started }) {
		return
	}
	c.do("split", func() Result {
		return c.framed(s, "exercise.did.split", func(p *peer) error { return p.sendSlowly([]byte("split-me\n"), 20*time.Millisecond) }, "split-me")
	})
	c.do("merged", func() Result {
		return c.framed(s, "exercise.did.merged", func(p *peer) error { return p.send([]byte("one\ntwo\n")) }, "one", "two")
	})
	long := bytes.Repeat([]byte("x"), 100<<10)
	c.do("long", func() Result {
		return c.framed(s, "exercise.did.long", func(p *peer) error {
			return p.send(append(append(long, '\n'), "after\n"...))
		}, string(long), "after")
	})
}

// framed connects, sends with send, and expects exactly one reply line
// per wanted message, in order, each containing that message.
func (c *checker) framed(s *serverRun, didKey string, send func(*peer) error, want ...string) Result {
	did := T(didKey)
	p, err := c.dial(s.addr, replyTimeout)
	if err != nil {
		return c.refused(s, did, err)
	}
	defer p.close()
	if err := send(p); err != nil {
		return c.lost(did, s, p)
	}
	for _, w := range want {
		line, ok := p.readLine(replyTimeout)
		if !ok {
			if !s.proc.Running() {
				return c.exitedResult(did, "exercise.msg.exited", s.proc)
			}
			return Result{Status: Fail, Did: did, Message: T("exercise.msg.line_missing", "want", short(w)), Hint: hint("framing")}
		}
		if !bytes.Contains(line, []byte(w)) || (len(w) < 100 && bytes.Contains(line, []byte("xxxxxxxx"))) {
			return Result{Status: Fail, Did: did, Message: T("exercise.msg.line_wrong", "want", short(w), "got", shown(line)), Hint: hint("framing")}
		}
	}
	if extra, ok := p.readLine(300 * time.Millisecond); ok {
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.line_extra", "got", shown(extra)), Hint: hint("framing")}
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.framing_ok", "n", len(want))}
}

// short keeps a long message readable in a one-line verdict; the
// transcript has it in full.
func short(s string) string {
	if len(s) <= 60 {
		return s
	}
	return s[:24] + "…(" + strconv.Itoa(len(s)) + " bytes)…" + s[len(s)-12:]
}
