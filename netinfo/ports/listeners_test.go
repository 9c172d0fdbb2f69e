package ports

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"testing"
)

// TestListenersFindsThisProcess opens real loopback listeners, TCP and UDP
// on IPv4 and IPv6, and expects Listeners to name this process.
func TestListenersFindsThisProcess(t *testing.T) {
	cases := []struct{ network, addr, proto, family string }{
		{"tcp4", "127.0.0.1:0", "tcp", "ipv4"},
		{"tcp6", "[::1]:0", "tcp", "ipv6"},
		{"udp4", "127.0.0.1:0", "udp", "ipv4"},
		{"udp6", "[::1]:0", "udp", "ipv6"},
	}
	for _, c := range cases {
		t.Run(c.network, func(t *testing.T) {
			port, closeIt := listenLoopback(t, c.network, c.addr)
			defer closeIt()
			got, err := Listeners(port)
			if errors.Is(err, ErrListenersUnsupported) {
				t.Skip("listing sockets is not available on this OS")
			}
			if err != nil {
				t.Fatalf("Listeners(%d): %v", port, err)
			}
			want := Listener{Protocol: c.proto, Family: c.family, Address: hostOf(c.addr), Port: port, PID: os.Getpid()}
			for _, l := range got {
				if l.Protocol == want.Protocol && l.Family == want.Family && l.Address == want.Address &&
					l.Port == want.Port && l.PID == want.PID && l.Process != "" {
					return
				}
			}
			t.Errorf("Listeners(%d) = %+v, want one like %+v with a process name", port, got, want)
		})
	}
}

func TestListenersAfterCloseFindsNothing(t *testing.T) {
	port, closeIt := listenLoopback(t, "tcp4", "127.0.0.1:0")
	closeIt()
	got, err := Listeners(port)
	if errors.Is(err, ErrListenersUnsupported) {
		t.Skip("listing sockets is not available on this OS")
	}
	for _, l := range got {
		if l.PID == os.Getpid() {
			t.Errorf("closed listener still reported: %+v", l)
		}
	}
}

// listenLoopback opens a listener of network ("tcp4", "udp6", ...) on a
// loopback address and returns its port and a closer.
func listenLoopback(t testing.TB, network, addr string) (int, func()) {
	t.Helper()
	var closer interface{ Close() error }
	var local net.Addr
	if network[:3] == "tcp" {
		l, err := net.Listen(network, addr)
		if err != nil {
			t.Skipf("no %s loopback here: %v", network, err)
		}
		closer, local = l, l.Addr()
	} else {
		c, err := net.ListenPacket(network, addr)
		if err != nil {
			t.Skipf("no %s loopback here: %v", network, err)
		}
		closer, local = c, c.LocalAddr()
	}
	_, portText, _ := net.SplitHostPort(local.String())
	port, _ := strconv.Atoi(portText)
	return port, func() { closer.Close() }
}

func hostOf(addr string) string {
	host, _, _ := net.SplitHostPort(addr)
	return host
}

// TestConnectedSocketsAreNotListeners: the client end of a TCP connection
// and a connected UDP socket hold a port without listening on it.
func TestConnectedSocketsAreNotListeners(t *testing.T) {
	for _, network := range []string{"tcp4", "udp4"} {
		port, closeIt := listenLoopback(t, network, "127.0.0.1:0")
		conn, err := net.Dial(network, "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			closeIt()
			t.Fatalf("dial %s: %v", network, err)
		}
		clientPort := conn.LocalAddr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
		got, err := Listeners(int(clientPort))
		conn.Close()
		closeIt()
		if errors.Is(err, ErrListenersUnsupported) {
			t.Skip("listing sockets is not available on this OS")
		}
		if err != nil || len(got) != 0 {
			t.Errorf("%s client port %d: %+v, %v; want no listener", network, clientPort, got, err)
		}
	}
}
