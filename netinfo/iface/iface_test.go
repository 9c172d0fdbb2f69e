package iface

import (
	"encoding/json"
	"errors"
	"net"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/netinfo/iface/ifacetest"
)

func collect(t *testing.T, src Source) map[string]Interface {
	t.Helper()
	ifaces, err := Collect(src)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Interface{}
	for _, ifc := range ifaces {
		byName[ifc.Name] = ifc
	}
	return byName
}

func TestCollectLinux(t *testing.T) {
	got := collect(t, ifacetest.FakeLinux())
	wl := got["wlp2s0"]
	want := []Addr{
		{netip.MustParseAddr("192.168.1.23"), 24, IPv4, KindPrivate, "255.255.255.0"},
		{netip.MustParseAddr("fd12:3456:789a::23"), 64, IPv6, KindUniqueLocal, ""},
		{netip.MustParseAddr("fe80::a6c3:f0ff:fe12:3456"), 64, IPv6, KindLinkLocal, ""},
	}
	if !reflect.DeepEqual(wl.Addrs, want) {
		t.Errorf("wlp2s0 addrs\n got %+v\nwant %+v", wl.Addrs, want)
	}
	if !wl.Up || wl.MAC != "a4:c3:f0:12:34:56" || wl.Index != 3 || wl.MTU != 1500 {
		t.Errorf("wlp2s0 = %+v", wl)
	}
	if !reflect.DeepEqual(wl.Flags, []string{"up", "broadcast", "multicast", "running"}) {
		t.Errorf("flags %v", wl.Flags)
	}
	down := got["enp3s0"]
	if down.Up || len(down.Addrs) != 0 || down.Addrs == nil {
		t.Errorf("a down card without addresses must be listed with an empty list: %+v", down)
	}
	if lo := got["lo"]; lo.MAC != "" || lo.Addrs[0].Kind != KindLoopback || lo.Addrs[0].Netmask != "255.0.0.0" {
		t.Errorf("lo = %+v", lo)
	}
}

func TestCollectMacOS(t *testing.T) {
	got := collect(t, ifacetest.FakeMacOS())
	if k := got["en0"].Addrs[1].Kind; k != KindShared {
		t.Errorf("100.72.10.5 kind %s, want shared (CGNAT)", k)
	}
	if got["lo0"].Addrs[2].Kind != KindLinkLocal {
		t.Errorf("lo0 fe80::1 should be link-local")
	}
	if !reflect.DeepEqual(got["utun0"].Flags, []string{"up", "pointtopoint", "multicast", "running"}) {
		t.Errorf("utun0 flags %v", got["utun0"].Flags)
	}
}

func TestCollectWindows(t *testing.T) {
	got := collect(t, ifacetest.FakeWindows())
	lo := got["Loopback Pseudo-Interface 1"]
	if lo.MTU != -1 {
		t.Errorf("Windows loopback MTU must stay -1 (unknown), got %d", lo.MTU)
	}
	eth := got["以太网"]
	if len(eth.Addrs) != 3 {
		t.Fatalf("以太网 addrs %+v", eth.Addrs)
	}
	// *net.IPAddr has no mask: the address stands alone.
	bare := eth.Addrs[2]
	if bare.Address != netip.MustParseAddr("2001:db8:abcd::14") || bare.PrefixLen != 128 || bare.Kind != KindDocumentation {
		t.Errorf("IPAddr converted to %+v", bare)
	}
	if v4 := eth.Addrs[1]; v4.PrefixLen != 20 || v4.Netmask != "255.255.240.0" {
		t.Errorf("172.20.5.14/20 converted to %+v", v4)
	}
}

func TestCollectError(t *testing.T) {
	_, err := Collect(ifacetest.Fake{Err: errors.New("boom")})
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("err = %v", err)
	}
}

func TestConvertAddrShapes(t *testing.T) {
	cases := []struct {
		in   net.Addr
		want string
		ok   bool
	}{
		{&net.IPNet{IP: net.IPv4(10, 1, 2, 3), Mask: net.CIDRMask(8, 32)}, "10.1.2.3/8", true},
		// IPv4 with a 16-byte mask, as some platforms hand out.
		{&net.IPNet{IP: net.IPv4(10, 1, 2, 3), Mask: net.CIDRMask(120, 128)}, "10.1.2.3/24", true},
		{&net.IPAddr{IP: net.IPv4(192, 0, 2, 7)}, "192.0.2.7/32", true},
		{&net.IPAddr{IP: net.ParseIP("fe80::1"), Zone: "eth0"}, "fe80::1%eth0/128", true},
		// A non-canonical mask says nothing about the network.
		{&net.IPNet{IP: net.IPv4(10, 0, 0, 1), Mask: net.IPv4Mask(255, 0, 255, 0)}, "10.0.0.1/32", true},
		{&net.IPNet{IP: net.IP{1, 2, 3}, Mask: net.CIDRMask(8, 32)}, "", false},
		{&net.UnixAddr{Name: "/tmp/x"}, "", false},
	}
	for _, c := range cases {
		a, ok := convertAddr(c.in)
		got := ""
		if ok {
			got = a.Address.String() + "/" + strconv.Itoa(a.PrefixLen)
		}
		if ok != c.ok || got != c.want {
			t.Errorf("convertAddr(%v) = %q %v, want %q %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestNetmask(t *testing.T) {
	for n, want := range map[int]string{0: "0.0.0.0", 8: "255.0.0.0", 20: "255.255.240.0", 31: "255.255.255.254", 32: "255.255.255.255", 33: ""} {
		if got := Netmask(n); got != want {
			t.Errorf("Netmask(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAddrJSON(t *testing.T) {
	b, err := json.Marshal(NewAddr(netip.MustParseAddr("192.168.1.23"), 24))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"address":"192.168.1.23","prefix_len":24,"family":"ipv4","kind":"private","netmask":"255.255.255.0"}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(NewAddr(netip.MustParseAddr("fe80::1"), 64))
	if strings.Contains(string(b), "netmask") {
		t.Errorf("IPv6 has no dotted netmask: %s", b)
	}
}

// On a real machine, the loopback interface is always there with 127.0.0.1.
func TestCollectSystemHasLoopback(t *testing.T) {
	ifaces, err := Collect(System{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ifc := range ifaces {
		for _, a := range ifc.Addrs {
			if a.Address == netip.MustParseAddr("127.0.0.1") && a.Kind == KindLoopback {
				return
			}
		}
	}
	t.Errorf("no 127.0.0.1 in %+v", ifaces)
}
