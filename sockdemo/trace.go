package sockdemo

import (
	"errors"
	"net/netip"

	"github.com/netlearn/netlearn/netinfo/socktable"
)

// Tracer reports the kernel's TCP state of the socket with the given local
// and remote addresses ("ip:port"; remote "" for a listening socket).
type Tracer interface {
	State(local, remote string) string
}

// ErrTraceUnavailable means this OS offers no way to read TCP states here.
var ErrTraceUnavailable = errors.New("kernel TCP state tracing is only available on Linux")

// findState looks up a socket in the kernel's table. remote "" matches a
// listening socket.
func findState(socks []socktable.Socket, local, remote string) string {
	l, err := netip.ParseAddrPort(local)
	if err != nil {
		return ""
	}
	var r netip.AddrPort
	if remote != "" {
		if r, err = netip.ParseAddrPort(remote); err != nil {
			return ""
		}
	}
	l, r = unmapAddrPort(l), unmapAddrPort(r)
	for _, s := range socks {
		if unmapAddrPort(s.Local) != l {
			continue
		}
		if (remote == "" && s.State == socktable.Listen) || (remote != "" && unmapAddrPort(s.Remote) == r) {
			return s.State.String()
		}
	}
	return ""
}

func unmapAddrPort(ap netip.AddrPort) netip.AddrPort {
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
}
