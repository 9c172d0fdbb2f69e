package probetest

import (
	"net"
	"testing"
)

// HasIPv6Loopback tells whether ::1 exists here; it does not where IPv6
// is disabled.
func HasIPv6Loopback() bool {
	c, err := net.ListenPacket("udp6", "[::1]:0")
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// LoopbackListener listens on a free TCP port of 127.0.0.1, accepting and
// closing every connection until the test ends, and returns the port.
func LoopbackListener(t testing.TB) uint16 {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return // closed by the cleanup
			}
			c.Close()
		}
	}()
	return uint16(ln.Addr().(*net.TCPAddr).Port)
}

// ClosedLoopbackPort returns a TCP port of 127.0.0.1 that nothing listens
// on: one the system just handed out and got back.
func ClosedLoopbackPort(t testing.TB) uint16 {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := uint16(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	return port
}
