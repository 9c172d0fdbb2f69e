package sockdemo

import "github.com/netlearn/netlearn/netinfo/socktable"

// diagTracer reads the kernel's socket table (sock_diag) at each step.
type diagTracer struct{}

// NewTracer returns the kernel TCP state tracer for this OS.
func NewTracer() (Tracer, error) {
	if _, err := socktable.Sockets(socktable.TCP, socktable.Listen); err != nil {
		return nil, ErrTraceUnavailable
	}
	return diagTracer{}, nil
}

// State returns the socket's state. A socket the kernel does not list is
// in its CLOSE state: not yet listening or connected (just bound), or
// fully closed and freed.
func (diagTracer) State(local, remote string) string {
	socks, _ := socktable.Sockets(socktable.TCP)
	if st := findState(socks, local, remote); st != "" {
		return st
	}
	return "CLOSE"
}
