package iface

import (
	"reflect"
	"testing"
)

// fakeAdapters is what GetAdaptersAddresses reports on a typical Chinese
// Windows laptop: Wi-Fi up with a router, Ethernet unplugged, a Hyper-V
// switch without a gateway, and loopback.
func fakeAdapters() []adapter {
	return []adapter{
		{Name: "WLAN", Up: true, Gateways: addrs("192.168.1.1", "fe80::1"),
			DNS: addrs("192.168.1.1", "fec0:0:0:ffff::1", "fec0:0:0:ffff::2", "2001:db8::53"), Suffix: "lan"},
		{Name: "以太网", Up: false, Gateways: addrs("10.0.0.1"), DNS: addrs("10.0.0.53")},
		{Name: "vEthernet (WSL)", Up: true, DNS: addrs("172.20.0.1")},
		{Name: "Loopback Pseudo-Interface 1", Up: true, DNS: addrs("fec0:0:0:ffff::3")},
		{Name: "Tailscale", Up: true, Gateways: addrs("0.0.0.0", "100.100.100.1"), DNS: addrs("100.100.100.100", "192.168.1.1"), Suffix: "ts.net"},
	}
}

func TestAdapterGateways(t *testing.T) {
	got := adapterGateways(fakeAdapters())
	want := []Gateway{
		{addrs("192.168.1.1")[0], "WLAN"},
		{addrs("fe80::1%WLAN")[0], "WLAN"},
		{addrs("100.100.100.1")[0], "Tailscale"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestAdapterDNSFiltersLikeGo(t *testing.T) {
	d := adapterDNS(fakeAdapters())
	if want := addrs("192.168.1.1", "2001:db8::53", "100.100.100.100"); !reflect.DeepEqual(d.Servers, want) {
		t.Errorf("servers %v, want %v", d.Servers, want)
	}
	// Each adapter's own list stays whole, as ipconfig /all shows it.
	for _, ad := range fakeAdapters() {
		if got := d.PerInterface[ad.Name]; !reflect.DeepEqual(got, ad.DNS) {
			t.Errorf("%s's own list %v, want %v", ad.Name, got, ad.DNS)
		}
	}
	if !reflect.DeepEqual(d.Search, []string{"lan"}) || d.Source != "GetAdaptersAddresses" {
		t.Errorf("search %v, source %q", d.Search, d.Source)
	}
}
