package cmd_test

import (
	"net"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// portListen opens a loopback listener held by the test process until the
// script ends and stores its port in an environment variable:
// `portlisten tcp4|tcp6|udp4|udp6 VAR`. Scripts then ask netlearn who
// listens there.
func portListen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: portlisten tcp4|tcp6|udp4|udp6 VAR")
	}
	host := map[string]string{"tcp4": "127.0.0.1", "udp4": "127.0.0.1", "tcp6": "::1", "udp6": "::1"}[args[0]]
	if host == "" {
		ts.Fatalf("portlisten: unknown network %q", args[0])
	}
	addr := net.JoinHostPort(host, "0")
	var port int
	switch args[0][:3] {
	case "tcp":
		l, err := net.Listen(args[0], addr)
		ts.Check(err)
		ts.Defer(func() { l.Close() })
		port = l.Addr().(*net.TCPAddr).Port
	default:
		c, err := net.ListenPacket(args[0], addr)
		ts.Check(err)
		ts.Defer(func() { c.Close() })
		port = c.LocalAddr().(*net.UDPAddr).Port
	}
	ts.Setenv(args[1], strconv.Itoa(port))
}
