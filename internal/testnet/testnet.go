// Package testnet holds network helpers for tests, on loopback only.
package testnet

import (
	"net"
	"testing"
)

// FreePort returns a loopback port nothing listens on: it was free a
// moment ago, and the kernel does not hand it out again at once.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
