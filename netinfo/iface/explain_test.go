package iface

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/netinfo/iface/ifacetest"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in        string
		addr      string
		n         int
		hasPrefix bool
		err       error
	}{
		{"192.168.1.10", "192.168.1.10", 32, false, nil},
		{" 192.168.1.10/24 ", "192.168.1.10", 24, true, nil},
		{"10.0.0.0/0", "10.0.0.0", 0, true, nil},
		{"10.0.0.1/32", "10.0.0.1", 32, true, nil},
		{"fe80::1%eth0/64", "fe80::1%eth0", 64, true, nil},
		{"2001:db8::1", "2001:db8::1", 128, false, nil},
		{"::ffff:10.0.0.1/120", "::ffff:10.0.0.1", 120, true, nil},
		{"10.0.0.1/33", "", 0, false, ErrBadPrefix},
		{"10.0.0.1/-1", "", 0, false, ErrBadPrefix},
		{"10.0.0.1/+8", "", 0, false, ErrBadPrefix},
		{"10.0.0.1/", "", 0, false, ErrBadPrefix},
		{"::1/129", "", 0, false, ErrBadPrefix},
		{"300.1.2.3", "", 0, false, ErrBadAddress},
		{"192.168.1", "", 0, false, ErrBadAddress},
		{"eth0", "", 0, false, ErrBadAddress},
		{"", "", 0, false, ErrBadAddress},
		{"010.0.0.1", "", 0, false, ErrBadAddress}, // leading zeros are ambiguous (octal?)
	}
	for _, c := range cases {
		a, n, has, err := ParseTarget(c.in)
		if !errors.Is(err, c.err) {
			t.Errorf("ParseTarget(%q) err = %v, want %v", c.in, err, c.err)
			continue
		}
		if c.err == nil && (a.String() != c.addr || n != c.n || has != c.hasPrefix) {
			t.Errorf("ParseTarget(%q) = %s %d %v", c.in, a, n, has)
		}
	}
}

func TestLooksLikeAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"300.1.2.3": true, "fe80::zz": true, "10/8": true, "12345": true,
		"eth0": false, "Wi-Fi": false, "以太网": false, "lo": false,
	} {
		if got := LooksLikeAddress(s); got != want {
			t.Errorf("LooksLikeAddress(%q) = %v", s, got)
		}
	}
}

func TestExplainIPv4(t *testing.T) {
	ifaces, _ := Collect(ifacetest.FakeLinux())
	e := Explain("192.168.1.77/24", netip.MustParseAddr("192.168.1.77"), 24, true, ifaces)
	checks := map[string][2]string{
		"family":    {string(e.Family), "ipv4"},
		"kind":      {string(e.Kind), "private"},
		"binary":    {e.Binary, "11000000.10101000.00000001.01001101"},
		"net bits":  {e.NetBits, "110000001010100000000001"},
		"host bits": {e.HostBits, "01001101"},
		"network":   {e.Network.String(), "192.168.1.0/24"},
		"host part": {e.HostPart.String(), "0.0.0.77"},
		"netmask":   {e.Netmask, "255.255.255.0"},
		"broadcast": {e.Broadcast.String(), "192.168.1.255"},
		"first":     {e.FirstHost.String(), "192.168.1.1"},
		"last":      {e.LastHost.String(), "192.168.1.254"},
		"hosts":     {e.Hosts, "254"},
		"same net":  {e.SameNetworkAs, "wlp2s0"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if e.Mine {
		t.Errorf("192.168.1.77 is not the fake machine's")
	}
}

func TestExplainOddPrefixes(t *testing.T) {
	cases := []struct {
		in                              string
		n                               int
		network, bcast, first, last, hs string
		hostPart                        string
	}{
		{"172.20.5.14", 20, "172.20.0.0/20", "172.20.15.255", "172.20.0.1", "172.20.15.254", "4094", "0.0.5.14"},
		// A /31 (RFC 3021, point to point) and a /32 (one host) have no
		// broadcast address: every address in them is a host's.
		{"10.0.0.1", 31, "10.0.0.0/31", "none", "10.0.0.0", "10.0.0.1", "2", "0.0.0.1"},
		{"192.168.1.10", 31, "192.168.1.10/31", "none", "192.168.1.10", "192.168.1.11", "2", "0.0.0.0"},
		{"10.0.0.1", 32, "10.0.0.1/32", "none", "10.0.0.1", "10.0.0.1", "1", "0.0.0.0"},
		{"8.8.8.8", 0, "0.0.0.0/0", "255.255.255.255", "0.0.0.1", "255.255.255.254", "4294967294", "8.8.8.8"},
	}
	for _, c := range cases {
		e := Explain(c.in, netip.MustParseAddr(c.in), c.n, true, nil)
		bcast := "none"
		if e.Broadcast.IsValid() {
			bcast = e.Broadcast.String()
		}
		got := []string{e.Network.String(), bcast, e.FirstHost.String(), e.LastHost.String(), e.Hosts, e.HostPart.String()}
		want := []string{c.network, c.bcast, c.first, c.last, c.hs, c.hostPart}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s/%d:\n got %v\nwant %v", c.in, c.n, got, want)
		}
	}
}

func TestExplainIPv6(t *testing.T) {
	e := Explain("", netip.MustParseAddr("2001:db8::1"), 64, true, nil)
	if e.Network.String() != "2001:db8::/64" || e.HostPart.String() != "::1" || e.Hosts != "18446744073709551616" {
		t.Errorf("%+v", e)
	}
	if e.Broadcast.IsValid() || e.Netmask != "" {
		t.Errorf("IPv6 has no broadcast or dotted netmask: %+v", e)
	}
	if groups := strings.Split(e.Binary, ":"); len(groups) != 8 || len(groups[0]) != 16 || groups[0] != "0010000000000001" {
		t.Errorf("binary %q", e.Binary)
	}
}

func TestExplainMineAndMapped(t *testing.T) {
	ifaces, _ := Collect(ifacetest.FakeWindows())
	e := Explain("", netip.MustParseAddr("172.20.5.14"), 32, false, ifaces)
	if !e.Mine || e.MineInterface != "以太网" {
		t.Errorf("172.20.5.14 should be 以太网's: %+v", e)
	}
	m := Explain("", netip.MustParseAddr("::ffff:172.20.5.14"), 128, false, ifaces)
	if m.MappedV4.String() != "172.20.5.14" || m.Kind != KindPrivate || m.Family != IPv6 || !m.Mine {
		t.Errorf("mapped: %+v", m)
	}
	other := Explain("", netip.MustParseAddr("8.8.8.8"), 32, false, ifaces)
	if other.Mine || other.SameNetworkAs != "" {
		t.Errorf("8.8.8.8: %+v", other)
	}
}

// FuzzParseTarget: whatever is typed, the parser never panics, and what it
// accepts explains without panicking into a consistent result.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"192.168.1.10/24", "10.0.0.1", "fe80::1%eth0/64", "::ffff:1.2.3.4/100",
		"300.1.2.3", "1.2.3.4/33", "/", "::/0", "1.2.3.4/007", "１.2.3.4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, n, has, err := ParseTarget(s)
		if err != nil {
			return
		}
		if n < 0 || n > a.BitLen() {
			t.Fatalf("%q: prefix %d out of range", s, n)
		}
		e := Explain(s, a, n, has, nil)
		if len(e.NetBits)+len(e.HostBits) != a.BitLen() || len(e.NetBits) != n {
			t.Fatalf("%q: bits %d+%d", s, len(e.NetBits), len(e.HostBits))
		}
		if !e.Network.Contains(a.WithZone("")) {
			t.Fatalf("%q: network %s does not contain %s", s, e.Network, a)
		}
	})
}
