package sockdemo

import (
	"net/netip"
	"syscall"
)

// familyOf names an address family as events do.
func familyOf(ip netip.Addr) string {
	if ip.Is6() && !ip.Is4In6() {
		return "ipv6"
	}
	return "ipv4"
}

// reportSocket is a Control hook for net.Dialer and net.ListenConfig. Go
// calls it as soon as the socket exists, before connect or bind, so the
// socket step is reported when it really happens.
func reportSocket(em *emitter, side Side, ip netip.Addr) func(string, string, syscall.RawConn) error {
	return func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			em.emit(Event{Side: side, Step: StepSocket, FD: int(fd), Family: familyOf(ip)})
		})
	}
}
