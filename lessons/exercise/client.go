package exercise

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/netlearn/netlearn/lessons/exercise/run"
)

// The client exercise's conversation: what netlearn types into the
// client, and the replies its partner server sends back. The second reply
// is sent in two writes split inside a character, as TCP may deliver it.
var (
	clientInput   = "hello\n你好\n\nexit\n"
	clientWanted  = []string{"hello", "你好"}
	replyPrefix   = "收到 "
	replySplitsAt = len(replyPrefix) + 1 // inside the first byte pair of 你
)

func replyFor(msg string) string { return replyPrefix + msg + "\n" }

// partner is netlearn's server for the client exercise. It accepts one
// connection, answers each message and notes what happened, for the checks
// to read.
type partner struct {
	c        *checker
	ln       net.Listener
	mu       sync.Mutex
	changed  chan struct{}
	conn     *peer
	remote   string
	messages []string
	// stray is bytes that are no expected message; exit is set when
	// "exit" arrived; closed is "fin" or "rst".
	stray  []byte
	exit   bool
	closed string
}

func (c *checker) listenPartner(port int) (*partner, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	pt := &partner{c: c, ln: ln, changed: make(chan struct{})}
	go pt.serve()
	return pt, nil
}

// update changes the partner's state and wakes whoever waits on it.
func (pt *partner) update(f func()) {
	pt.mu.Lock()
	f()
	close(pt.changed)
	pt.changed = make(chan struct{})
	pt.mu.Unlock()
}

// waitFor waits up to d until cond holds or the program exits.
func (pt *partner) waitFor(d time.Duration, proc *run.Proc, cond func() bool) bool {
	deadline := time.NewTimer(d)
	defer deadline.Stop()
	for {
		pt.mu.Lock()
		ok, ch := cond(), pt.changed
		pt.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-proc.Done():
			return pt.settle(cond)
		case <-deadline.C:
			return false
		case <-pt.c.ctx.Done():
			return false
		}
	}
}

// settle decides cond once the program has ended. What it sent just
// before exiting may still be in the partner's reader, which is done when
// it has seen the connection end; on a busy machine that can come after
// the exit is noticed.
func (pt *partner) settle(cond func() bool) bool {
	grace := time.NewTimer(exitGrace)
	defer grace.Stop()
	for {
		pt.mu.Lock()
		ok, drained, ch := cond(), pt.conn == nil || pt.closed != "", pt.changed
		pt.mu.Unlock()
		if ok || drained {
			return ok
		}
		select {
		case <-ch:
		case <-grace.C:
			pt.mu.Lock()
			defer pt.mu.Unlock()
			return cond()
		}
	}
}

func (pt *partner) serve() {
	conn, err := pt.ln.Accept()
	_ = pt.ln.Close()
	if err != nil {
		return
	}
	p := newPeer(pt.c, conn.(*net.TCPConn))
	pt.update(func() { pt.conn, pt.remote = p, conn.RemoteAddr().String() })
	pt.c.record(Exchange{Dir: Note, Note: "accepted", Bytes: []byte(pt.remote)})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && p.closed == "" && p.readErr == nil {
		if !p.fill(deadline) {
			continue
		}
		pt.consume(p)
	}
	pt.update(func() { pt.closed = p.closed })
	_ = conn.Close()
}

// consume takes the messages out of what arrived. A message may end with
// "\n" or, as in the notes, be sent alone without one.
func (pt *partner) consume(p *peer) {
	for len(p.buf) > 0 {
		var msg string
		if i := bytes.IndexByte(p.buf, '\n'); i >= 0 {
			msg = strings.TrimSuffix(string(p.buf[:i]), "\r")
			p.buf = p.buf[i+1:]
		} else if pt.expects(string(p.buf)) {
			msg, p.buf = string(p.buf), nil
		} else if pt.mayGrow(string(p.buf)) {
			return
		} else {
			pt.update(func() { pt.stray = append(pt.stray, p.buf...) })
			p.buf = nil
			return
		}
		pt.answer(p, msg)
	}
}

// next is the message the partner expects now.
func (pt *partner) next() string {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	return pt.nextLocked()
}

func (pt *partner) expects(s string) bool { return s == pt.next() || s == "exit" }

func (pt *partner) mayGrow(s string) bool {
	return strings.HasPrefix(pt.next(), s) || strings.HasPrefix("exit", s)
}

// answer replies to one message; "exit" gets no reply, so a client that
// closes at once never leaves unread bytes (which would make its close an
// RST).
func (pt *partner) answer(p *peer, msg string) {
	if msg == "exit" {
		pt.update(func() { pt.exit = true })
		return
	}
	pt.update(func() { pt.messages = append(pt.messages, msg) })
	reply := replyFor(msg)
	if msg == "" {
		reply = "(empty)\n"
	}
	if msg == clientWanted[len(clientWanted)-1] {
		_ = p.send([]byte(reply[:replySplitsAt]))
		time.Sleep(150 * time.Millisecond)
		reply = reply[replySplitsAt:]
	}
	_ = p.send([]byte(reply))
}

// checkClient runs the learner's client twice: with the whole input, and
// with input that ends without exit.
func checkClient(c *checker) {
	pt, proc, res := c.startClient(clientInput)
	if !c.do("starts", func() Result { return res }) {
		return
	}
	defer pt.ln.Close()
	c.do("connects", func() Result { return c.clientConnects(pt, proc) })
	c.do("sends-utf8", func() Result { return c.clientSends(pt, proc) })
	c.do("prints-reply", func() Result { return c.clientPrints(proc) })
	c.do("empty-line", func() Result { return c.clientEmptyLine(pt, proc) })
	c.do("exit", func() Result { return c.clientExit(pt, proc) })
	c.do("stdin-eof", func() Result { return c.clientEOF() })
}

// startClient starts the partner, then the client with input, and waits
// until it connects, exits or startTimeout passes: "starts".
func (c *checker) startClient(input string) (*partner, *run.Proc, Result) {
	did := T("exercise.did.start_client", "port", c.opts.Port, "input", input)
	pt, err := c.listenPartner(c.opts.Port)
	if err != nil {
		return nil, nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.partner_failed", "err", err.Error())}
	}
	proc, err := c.startProgram(c.opts.Port)
	if err != nil {
		_ = pt.ln.Close()
		return nil, nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.cannot_start", "err", err.Error()), Hint: hint("cannot_start")}
	}
	go func() {
		_, _ = proc.Stdin().Write([]byte(input))
		_ = proc.Stdin().Close()
	}()
	if !pt.waitFor(startTimeout, proc, func() bool { return pt.conn != nil }) && !proc.Running() {
		_ = pt.ln.Close()
		return pt, proc, c.exitedResult(did, "exercise.msg.exited_before_connect", proc)
	}
	return pt, proc, Result{Status: Pass, Did: did, Message: T("exercise.msg.client_runs", "pid", proc.Pid())}
}

func (c *checker) clientConnects(pt *partner, proc *run.Proc) Result {
	did := T("exercise.did.wait_connect", "port", c.opts.Port)
	pt.mu.Lock()
	remote := pt.remote
	pt.mu.Unlock()
	if remote == "" {
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.no_connection", "secs", int(startTimeout.Seconds()), "port", c.opts.Port), Hint: hint("connect_port")}
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.client_connected", "remote", remote)}
}

func (c *checker) clientSends(pt *partner, proc *run.Proc) Result {
	did := T("exercise.did.type_lines", "lines", strings.Join(clientWanted, ", "))
	pt.waitFor(replyTimeout, proc, func() bool { return len(pt.messages) >= len(clientWanted) || len(pt.stray) > 0 })
	pt.mu.Lock()
	stray, got, next := pt.stray, len(pt.messages), pt.nextLocked()
	messages := strings.Join(pt.messages, ", ")
	pt.mu.Unlock()
	switch {
	case len(stray) > 0:
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.stray", "want", next, "got", shown(stray)), Hint: hint("send_utf8")}
	case got < len(clientWanted) && !proc.Running():
		return c.exitedResult(did, "exercise.msg.exited", proc)
	case got < len(clientWanted):
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.missing_message", "want", next, "secs", int(replyTimeout.Seconds())), Hint: hint("send_each_line")}
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.sent_ok", "lines", messages)}
}

func (pt *partner) nextLocked() string {
	if len(pt.messages) < len(clientWanted) {
		return clientWanted[len(pt.messages)]
	}
	return "exit"
}

// clientPrints waits until every reply shows in the client's output.
func (c *checker) clientPrints(proc *run.Proc) Result {
	did := T("exercise.did.split_reply")
	deadline := time.Now().Add(replyTimeout)
	var missing string
	for {
		out, _ := proc.Stdout.Bytes()
		missing = ""
		for _, m := range clientWanted {
			if want := strings.TrimSuffix(replyFor(m), "\n"); !bytes.Contains(out, []byte(want)) {
				missing = want
				break
			}
		}
		if missing == "" {
			return Result{Status: Pass, Did: did, Message: T("exercise.msg.printed_ok")}
		}
		if time.Now().After(deadline) || !proc.Running() {
			break
		}
		time.Sleep(pollEvery)
	}
	r := Result{Status: Fail, Did: did, Message: T("exercise.msg.reply_not_printed", "want", missing), Known: c.known(proc)}
	if r.Known == nil {
		r.Hint = hint("print_reply")
	}
	return r
}

// clientEmptyLine: after the empty line the next thing must be exit; a
// client that sent nothing and waits in recv never gets there.
func (c *checker) clientEmptyLine(pt *partner, proc *run.Proc) Result {
	did := T("exercise.did.empty_line")
	if pt.waitFor(replyTimeout, proc, func() bool { return pt.exit }) {
		return Result{Status: Pass, Did: did, Message: T("exercise.msg.empty_ok")}
	}
	if !proc.Running() {
		return c.exitedResult(did, "exercise.msg.exited", proc)
	}
	return Result{Status: Fail, Did: did, Message: T("exercise.msg.empty_hangs", "secs", int(replyTimeout.Seconds())), Hint: hint("empty_line")}
}

// clientExit: exit arrived; now the connection must end with FIN and the
// program exit 0.
func (c *checker) clientExit(pt *partner, proc *run.Proc) Result {
	did := T("exercise.did.wait_exit")
	closed := pt.waitFor(replyTimeout, proc, func() bool { return pt.closed != "" })
	exited := proc.Wait(replyTimeout)
	pt.mu.Lock()
	how := pt.closed
	pt.mu.Unlock()
	switch {
	case how == "rst":
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.client_rst"), Hint: hint("client_rst")}
	case !closed:
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.client_not_closed", "secs", int(replyTimeout.Seconds())), Hint: hint("client_close")}
	case !exited:
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.client_still_running", "secs", int(replyTimeout.Seconds())), Hint: hint("client_close")}
	case proc.ExitCode() != 0:
		return c.exitedResult(did, "exercise.msg.exit_code", proc)
	}
	return Result{Status: Pass, Did: did, Message: T("exercise.msg.client_exit_ok")}
}

// clientEOF runs the client again with input that ends after hello.
func (c *checker) clientEOF() Result {
	pt, proc, res := c.startClient("hello\n")
	if res.Status != Pass {
		return res
	}
	defer pt.ln.Close()
	did := T("exercise.did.stdin_eof")
	if !pt.waitFor(replyTimeout, proc, func() bool { return pt.exit }) {
		if !proc.Running() {
			return c.exitedResult(did, "exercise.msg.eof_no_exit", proc)
		}
		return Result{Status: Fail, Did: did, Message: T("exercise.msg.eof_hangs", "secs", int(replyTimeout.Seconds())), Hint: hint("stdin_eof")}
	}
	r := c.clientExit(pt, proc)
	r.Did = did
	if r.Status == Pass {
		if k := c.known(proc); k != nil || bytes.Contains(proc.Stderr.Tail(4096), []byte("Traceback")) {
			return Result{Status: Fail, Did: did, Message: T("exercise.msg.eof_traceback"), Known: k, Hint: hint("stdin_eof")}
		}
		r.Message = T("exercise.msg.eof_ok")
	}
	return r
}
