package ports

import (
	"errors"
	"slices"
	"strings"
)

// Listener is one socket waiting on a port: a TCP socket in LISTEN state or
// an unconnected UDP socket bound to the port.
type Listener struct {
	Protocol string `json:"protocol"` // "tcp" or "udp"
	Family   string `json:"family"`   // "ipv4" or "ipv6"
	Address  string `json:"address"`  // local address; 0.0.0.0 or :: means every address
	Port     int    `json:"port"`
	// PID and Process name the owner. They are 0 and "" when the OS does not
	// let this user see it (another user's process, no root).
	PID     int    `json:"pid"`
	Process string `json:"process"`
}

// ErrListenersUnsupported means this build cannot list listening sockets on
// its OS; the rest of a port's facts are still valid.
var ErrListenersUnsupported = errors.New("ports: listing listening sockets is not available on this OS")

// Listeners returns the sockets listening on port now, TCP and UDP, IPv4 and
// IPv6, with the owning process where the OS shows it.
func Listeners(port int) ([]Listener, error) {
	all, err := ListenersOn([]int{port})
	return all[port], err
}

// ListenersOn returns, by port, the sockets listening on the given ports
// now, TCP and UDP, IPv4 and IPv6, with the owning process where the OS
// shows it. The OS is asked once, so a range of ports costs about as much
// as a single one.
func ListenersOn(ports []int) (map[int][]Listener, error) {
	want := make(map[int]bool, len(ports))
	for _, p := range ports {
		want[p] = true
	}
	found, err := listeners(want)
	if err != nil {
		return nil, err
	}
	byPort := make(map[int][]Listener, len(ports))
	for _, l := range found {
		byPort[l.Port] = append(byPort[l.Port], l)
	}
	for _, ls := range byPort {
		slices.SortFunc(ls, compareListeners)
	}
	return byPort, nil
}

// compareListeners orders TCP before UDP, IPv4 before IPv6, then by address
// and pid, so output is stable from run to run.
func compareListeners(a, b Listener) int {
	for _, c := range [][2]string{{a.Protocol, b.Protocol}, {a.Family, b.Family}, {a.Address, b.Address}} {
		if n := strings.Compare(c[0], c[1]); n != 0 {
			return n
		}
	}
	return a.PID - b.PID
}
