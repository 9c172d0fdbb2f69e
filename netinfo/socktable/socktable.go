// Package socktable reads the kernel's table of TCP and UDP sockets: on
// Linux through netlink sock_diag, what `ss` uses. `netlearn port` finds
// the listeners on a port in it, and the socket demo's --trace the TCP
// state of its own sockets. It never prints.
package socktable

import (
	"errors"
	"net/netip"
)

// Protocol is the transport protocol of a socket.
type Protocol uint8

// The protocols the table holds (IP protocol numbers).
const (
	TCP Protocol = 6
	UDP Protocol = 17
)

// State is a socket's state as the kernel numbers it
// (include/net/tcp_states.h). A UDP socket that waits for anyone is Close
// (unconnected); a connected one is Established.
type State uint8

// The kernel's socket states.
const (
	Established State = 1
	SynSent     State = 2
	SynRecv     State = 3
	FinWait1    State = 4
	FinWait2    State = 5
	TimeWait    State = 6
	Close       State = 7
	CloseWait   State = 8
	LastAck     State = 9
	Listen      State = 10
	Closing     State = 11
)

var stateNames = map[State]string{
	Established: "ESTABLISHED", SynSent: "SYN_SENT", SynRecv: "SYN_RECV", FinWait1: "FIN_WAIT1",
	FinWait2: "FIN_WAIT2", TimeWait: "TIME_WAIT", Close: "CLOSE", CloseWait: "CLOSE_WAIT",
	LastAck: "LAST_ACK", Listen: "LISTEN", Closing: "CLOSING",
}

// String is the state's name as `ss` and the kernel's headers write it.
func (s State) String() string {
	if n, ok := stateNames[s]; ok {
		return n
	}
	return "UNKNOWN"
}

// AllStates lists every State.
func AllStates() []State {
	return []State{Established, SynSent, SynRecv, FinWait1, FinWait2, TimeWait, Close, CloseWait, LastAck, Listen, Closing}
}

// Socket is one entry of the table.
type Socket struct {
	IPv6   bool
	State  State
	Local  netip.AddrPort
	Remote netip.AddrPort
	Inode  uint32 // finds the owning process through /proc/PID/fd
}

// ErrUnavailable means this OS offers no sock_diag table.
var ErrUnavailable = errors.New("the kernel socket table (sock_diag) is only readable on Linux")

// Sockets lists the sockets of protocol, IPv4 and IPv6, in the given
// states (every state when none is given). Asking only for the states
// wanted matters: a busy server holds tens of thousands in TIME_WAIT.
func Sockets(protocol Protocol, states ...State) ([]Socket, error) {
	if len(states) == 0 {
		states = AllStates()
	}
	var mask uint32
	for _, s := range states {
		mask |= 1 << s
	}
	return dump(protocol, mask)
}
