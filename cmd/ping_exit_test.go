package cmd

import (
	"strconv"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

// TestPingExitCodes runs `netlearn ping` end to end through Run. Every
// packet goes to loopback; the one name looked up is under .invalid.
func TestPingExitCodes(t *testing.T) {
	closed := strconv.Itoa(int(probetest.ClosedLoopbackPort(t)))
	cases := []struct {
		args   []string
		code   int
		outHas string
		errHas string
	}{
		{[]string{"ping", "-c", "1", "127.0.0.1"}, 0, "verdict\tok", ""},
		{[]string{"ping", "-c", "1", "-i", "0.2", "127.0.0.2"}, 0, "reply\tseq=1", ""},
		{[]string{"ping", "-c", "1", "nowhere.invalid"}, 2, "", "DNS failed: the name nowhere.invalid does not exist"},
		{[]string{"ping", "-c", "x", "127.0.0.1"}, 2, "", `"x" is not a valid value for --count`},
		{[]string{"ping", "--bogus", "127.0.0.1"}, 2, "", "unknown flag --bogus"},
		{[]string{"ping"}, 2, "", "which host?"},
		{[]string{"ping", "--tcp", closed, "-c", "1", "127.0.0.1"}, 1, "verdict\tport_closed", ""},
		{[]string{"ping", "--check", "--local", "127.0.0.1", "--gateway", "127.0.0.2",
			"--internet-host", "something.invalid"}, 1, "step\t4\tdns\tsomething.invalid\tfailed\tdns_failed", ""},
		{[]string{"ping", "--help"}, 0, "--internet-host", ""},
		// An empty override never falls back to the real gateway or LAN address.
		{[]string{"ping", "--check", "--gateway", "", "--local", "127.0.0.1", "--internet-host", "x.invalid"}, 2, "", "--gateway is empty"},
		{[]string{"ping", "--check", "--local=", "--gateway", "127.0.0.2", "--internet-host", "x.invalid"}, 2, "", "--local is empty"},
		{[]string{"ping", "--check", "--local", "127.0.0.1", "--gateway", "127.0.0.2", "--internet-host", " "}, 2, "", "--internet-host is empty"},
	}
	for _, c := range cases {
		code, out, errOut := run(t, nil, c.args...)
		if code == 4 && strings.Contains(errOut, "may not send ICMP echo requests") {
			t.Skipf("ICMP is not allowed for this user here: %s", errOut)
		}
		if code != c.code || !strings.Contains(out, c.outHas) || !strings.Contains(errOut, c.errHas) {
			t.Errorf("%q: exit %d (want %d)\nstdout %q\nstderr %q", c.args, code, c.code, out, errOut)
		}
		if strings.Contains(errOut, "goroutine ") {
			t.Errorf("%q: stack trace", c.args)
		}
	}
}

func TestPingIPv6Loopback(t *testing.T) {
	if !probetest.HasIPv6Loopback() {
		t.Skip("this machine has no ::1 (IPv6 disabled)")
	}
	code, out, errOut := run(t, nil, "ping", "-6", "-c", "2", "-i", "0.2", "::1")
	if code != 0 || !strings.Contains(out, "summary\thost=::1\taddress=::1") || !strings.Contains(out, "received=2") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
}
