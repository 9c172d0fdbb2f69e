package probetest

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
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

// ICMPAllowed tells whether this process may send ICMP echo requests: it
// pings 127.0.0.1 once, with a short bound, and remembers the answer.
func ICMPAllowed() bool {
	icmpOnce.Do(func() {
		opts := probe.Options{Host: "127.0.0.1", Count: 1, Interval: time.Second, Timeout: time.Second,
			Size: probe.DefaultSize, TTL: probe.DefaultTTL, Resolver: net.DefaultResolver, Pinger: probe.ICMP{}}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		res, err := probe.Run(ctx, opts)
		icmpAllowed = err == nil && res.Received == 1
	})
	return icmpAllowed
}

var (
	icmpOnce    sync.Once
	icmpAllowed bool
)

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
