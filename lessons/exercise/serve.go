package exercise

import (
	"errors"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/netlearn/netlearn/lessons/exercise/run"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// serverRun is one run of the learner's server, listening.
type serverRun struct {
	proc *run.Proc
	// addr is where netlearn connects, such as 127.0.0.1:8888.
	addr     string
	listener ports.Listener
}

// pollEvery is how often netlearn looks whether the program is ready.
const pollEvery = 10 * time.Millisecond

// startServer starts the learner's server on port and waits until one of
// its processes listens, on whatever port it chose. The result is the
// "starts" check.
func (c *checker) startServer(port int) (*serverRun, Result) {
	did := T("exercise.did.start_server", "port", port)
	proc, err := c.startProgram(port)
	if err != nil {
		return nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.cannot_start", "err", err.Error()), Hint: hint("cannot_start")}
	}
	deadline := time.Now().Add(startTimeout)
	for time.Now().Before(deadline) && c.ctx.Err() == nil {
		if l, ok := listenerOf(proc, port); ok {
			s := &serverRun{proc: proc, listener: l, addr: dialAddr(l)}
			if s.addr == "" {
				return nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.listens_elsewhere", "addr", l.Address, "port", l.Port), Hint: hint("bind_loopback")}
			}
			return s, Result{Status: Pass, Did: did, Message: T("exercise.msg.listening", "addr", l.Address, "port", l.Port, "pid", l.PID)}
		}
		if !proc.Running() {
			return nil, c.exitedResult(did, "exercise.msg.exited_before_listen", proc)
		}
		time.Sleep(pollEvery)
	}
	return nil, Result{Status: Fail, Did: did, Message: T("exercise.msg.no_listen", "secs", int(startTimeout.Seconds())), Hint: hint("no_listen")}
}

// exitedResult explains a program that ended when it should still run.
func (c *checker) exitedResult(did Text, key string, proc *run.Proc) Result {
	proc.Wait(time.Second) // let its last words reach the capture
	r := Result{Status: Fail, Did: did, Message: T(key, "code", proc.ExitCode())}
	switch r.Known = c.known(proc); {
	case r.Known != nil:
	case proc.ExitCode() == 0:
		r.Hint = hint("ended") // no error at all: it simply ran out of code
	default:
		r.Hint = hint("crashed")
	}
	return r
}

func (c *checker) known(proc *run.Proc) *Known {
	kept, _ := proc.Stderr.Bytes()
	return Recognize(kept, c.opts.Launch.File)
}

// listenerOf finds a TCP listener held by the program's processes. Where
// the OS cannot say who holds a socket, it asks which program listens on
// the port it gave.
func listenerOf(proc *run.Proc, port int) (ports.Listener, bool) {
	tree := proc.Tree()
	found, err := ports.ListenersOf(tree)
	if errors.Is(err, ports.ErrListenersUnsupported) {
		found, err = fallbackListeners(tree, port)
	}
	if err != nil || len(found) == 0 {
		return ports.Listener{}, false
	}
	// Prefer IPv4: both a 0.0.0.0 and a :: listener are reached at 127.0.0.1.
	slices.SortFunc(found, func(a, b ports.Listener) int {
		if a.Family != b.Family {
			if a.Family == "ipv4" {
				return -1
			}
			return 1
		}
		return a.Port - b.Port
	})
	return found[0], true
}

// fallbackListeners looks at the given port only (lsof on macOS). Where
// even that is missing (an OS netlearn knows no socket table of) it tries
// to connect, which the program sees as a client that leaves at once.
func fallbackListeners(tree []int, port int) ([]ports.Listener, error) {
	byPort, err := ports.ListenersOn([]int{port})
	if err == nil {
		var mine []ports.Listener
		for _, l := range byPort[port] {
			if slices.Contains(tree, l.PID) || l.PID == 0 {
				mine = append(mine, l)
			}
		}
		return mine, nil
	}
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 200*time.Millisecond)
	if err != nil {
		return nil, nil
	}
	_ = conn.Close()
	return []ports.Listener{{Protocol: "tcp", Family: "ipv4", Address: "127.0.0.1", Port: port}}, nil
}

// dialAddr is where to reach a listener: the loopback address for a
// wildcard, the address itself when it is a loopback one, and "" for any
// other address, which netlearn never connects to.
func dialAddr(l ports.Listener) string {
	a, err := netip.ParseAddr(l.Address)
	if err != nil {
		return ""
	}
	switch {
	case a.IsUnspecified() && a.Is4():
		a = netip.MustParseAddr("127.0.0.1")
	case a.IsUnspecified():
		a = netip.IPv6Loopback()
	case !a.IsLoopback():
		return ""
	}
	return netip.AddrPortFrom(a, uint16(l.Port)).String()
}
