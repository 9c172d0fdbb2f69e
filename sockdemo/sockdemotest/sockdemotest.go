// Package sockdemotest has network fixtures for the demo's tests. Every
// fixture listens on loopback only and is closed when the test ends.
package sockdemotest

import (
	"net"
	"testing"
)

// ServerThatDies listens on a free loopback port, accepts one client, reads
// one message, writes reply (nothing when it is empty) and closes the
// connection: a server that dies in the middle of a session. It returns
// the port.
func ServerThatDies(t testing.TB, reply string) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.Read(make([]byte, 1024))
		if reply != "" {
			c.Write([]byte(reply))
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}
