package iface

import (
	"net"
	"net/netip"
	"reflect"
	"testing"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

func TestDefaultRouteGateways(t *testing.T) {
	names := func(i int) string { return map[int]string{2: "eth0", 3: "wlan0"}[i] }
	_, v4net, _ := net.ParseCIDR("192.168.1.0/24")
	routes := []netlink.Route{
		// netlink v1.3 fills in 0.0.0.0/0; older versions left Dst nil.
		{Type: unix.RTN_UNICAST, Dst: &net.IPNet{IP: net.IPv4zero, Mask: net.CIDRMask(0, 32)}, Gw: net.IPv4(192, 168, 1, 1), LinkIndex: 2},
		{Type: unix.RTN_UNICAST, Dst: nil, Gw: net.ParseIP("fe80::1"), LinkIndex: 3},
		{Type: unix.RTN_UNICAST, Dst: v4net, LinkIndex: 2},                                   // on-link subnet
		{Type: unix.RTN_UNREACHABLE, Dst: nil, Gw: net.ParseIP("2001:db8::1"), LinkIndex: 2}, // not a way out
		{Type: unix.RTN_UNICAST, Dst: nil, LinkIndex: 3},                                     // `default dev tun0`: no router
		{Type: unix.RTN_UNICAST, Dst: nil, MultiPath: []*netlink.NexthopInfo{
			{LinkIndex: 2, Gw: net.IPv4(10, 0, 0, 1)}, {LinkIndex: 3, Gw: net.IPv4(10, 0, 1, 1)},
		}},
	}
	got := defaultRouteGateways(routes, names)
	want := []Gateway{
		{netip.MustParseAddr("192.168.1.1"), "eth0"},
		{netip.MustParseAddr("fe80::1%wlan0"), "wlan0"},
		{netip.MustParseAddr("10.0.0.1"), "eth0"},
		{netip.MustParseAddr("10.0.1.1"), "wlan0"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
