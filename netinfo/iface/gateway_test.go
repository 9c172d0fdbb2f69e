package iface

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/netlearn/netlearn/netinfo/iface/ifacetest"
)

func TestNameGatewayInterfaces(t *testing.T) {
	ifaces, _ := Collect(ifacetest.FakeWindows())
	gws := []Gateway{
		{Address: netip.MustParseAddr("172.20.0.1")},
		{Address: netip.MustParseAddr("fe80::1%12")},
		{Address: netip.MustParseAddr("203.0.113.1")},
		{Address: netip.MustParseAddr("10.9.9.9"), Interface: "keep"},
	}
	got := NameGatewayInterfaces(gws, ifaces)
	want := []string{"以太网", "12", "", "keep"}
	for i, g := range got {
		if g.Interface != want[i] {
			t.Errorf("gateway %s: interface %q, want %q", g.Address, g.Interface, want[i])
		}
	}
}

func TestChooseLANAddress(t *testing.T) {
	linux, _ := Collect(ifacetest.FakeLinux())
	cases := []struct {
		name   string
		ifaces []Interface
		gws    []Gateway
		addr   string
		iface  string
		err    error
	}{
		{"IPv4 preferred even when IPv6 is listed first", linux, []Gateway{
			{netip.MustParseAddr("fe80::1"), "wlp2s0"}, {netip.MustParseAddr("192.168.1.1"), "wlp2s0"},
		}, "192.168.1.23", "wlp2s0", nil},
		{"IPv6 only: link-local skipped", linux, []Gateway{{netip.MustParseAddr("fe80::1%wlp2s0"), "wlp2s0"}},
			"fd12:3456:789a::23", "wlp2s0", nil},
		{"gateway outside the subnet still gives the card's address", linux, []Gateway{{netip.MustParseAddr("10.0.0.1"), "wlp2s0"}},
			"192.168.1.23", "wlp2s0", nil},
		{"no gateway", linux, nil, "", "", ErrNoDefaultRoute},
		{"gateway on a card without addresses", linux, []Gateway{{netip.MustParseAddr("10.0.0.1"), "enp3s0"}}, "", "", ErrNoDefaultRoute},
	}
	for _, c := range cases {
		a, name, err := ChooseLANAddress(c.ifaces, c.gws)
		if !errors.Is(err, c.err) || name != c.iface || (c.err == nil && a.String() != c.addr) {
			t.Errorf("%s: got %s %q %v", c.name, a, name, err)
		}
	}
}
