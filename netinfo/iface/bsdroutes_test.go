package iface

import (
	"net/netip"
	"reflect"
	"testing"
)

func TestBSDDefaultGateways(t *testing.T) {
	const ug = bsdRTFUp | bsdRTFGateway
	a := func(s string) netip.Addr { return addrs(s)[0] }
	names := func(i int) string { return map[int]string{4: "en0", 9: "utun3"}[i] }
	routes := []bsdRoute{
		{Flags: ug, Index: 4, Dst: a("0.0.0.0"), HasMask: true, Mask: a("0.0.0.0"), Gateway: a("192.168.1.1")},
		{Flags: ug, Index: 4, Dst: a("0.0.0.0"), HasMask: true, Mask: a("0.0.0.0"), Gateway: a("192.168.1.1")}, // scoped twin
		{Flags: ug, Index: 4, Dst: a("::"), HasMask: true, Gateway: a("fe80::1")},                              // mask sent empty
		{Flags: ug, Index: 4, Dst: a("10.0.0.0"), HasMask: true, Mask: a("255.0.0.0"), Gateway: a("192.168.1.254")},
		{Flags: ug | bsdRTFHost, Index: 4, Dst: a("0.0.0.0"), Gateway: a("192.168.1.9")},
		{Flags: bsdRTFUp, Index: 9, Dst: a("0.0.0.0"), HasMask: true, Mask: a("0.0.0.0")},             // on-link default: no router
		{Flags: bsdRTFGateway, Index: 4, Dst: a("0.0.0.0"), HasMask: true, Gateway: a("192.168.1.2")}, // down
		{Flags: ug, Index: 4, Dst: a("192.168.1.0"), HasMask: true, Mask: a("255.255.255.0"), Gateway: a("192.168.1.3")},
	}
	got := bsdDefaultGateways(routes, names)
	want := []Gateway{{a("192.168.1.1"), "en0"}, {a("fe80::1%en0"), "en0"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
