// Package ifacetest holds fake machines for tests of netinfo/iface and of
// the commands that render its data: what Go's net package reports on a
// Linux laptop, a Mac and a Windows PC. It lives apart so that the fakes
// stay out of the netlearn binary.
package ifacetest

import (
	"net"
)

// Fake is an iface.Source with fixed data. The presets imitate what Go's
// net package reports on each OS.
type Fake struct {
	Ifaces []net.Interface
	ByName map[string][]net.Addr // by interface name
	Err    error                 // returned by Interfaces when set
}

// Interfaces returns the fixed interfaces, or Err.
func (f Fake) Interfaces() ([]net.Interface, error) { return f.Ifaces, f.Err }

// Addrs returns the fixed addresses of one interface.
func (f Fake) Addrs(ifi net.Interface) ([]net.Addr, error) { return f.ByName[ifi.Name], nil }

func ipnet(cidr string) *net.IPNet {
	ip, n, err := net.ParseCIDR(cidr)
	if err != nil {
		panic(err)
	}
	n.IP = ip
	return n
}

func mac(s string) net.HardwareAddr {
	m, err := net.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

// FakeLinux looks like a Linux laptop: lo, a wired card that is down, and
// Wi-Fi with private IPv4, a unique-local and a link-local IPv6 address.
func FakeLinux() Fake {
	up := net.FlagUp | net.FlagRunning
	return Fake{
		Ifaces: []net.Interface{
			{Index: 1, MTU: 65536, Name: "lo", Flags: up | net.FlagLoopback},
			{Index: 2, MTU: 1500, Name: "enp3s0", HardwareAddr: mac("3c:52:82:aa:bb:01"), Flags: net.FlagBroadcast | net.FlagMulticast},
			{Index: 3, MTU: 1500, Name: "wlp2s0", HardwareAddr: mac("a4:c3:f0:12:34:56"), Flags: up | net.FlagBroadcast | net.FlagMulticast},
		},
		ByName: map[string][]net.Addr{
			"lo":     {ipnet("127.0.0.1/8"), ipnet("::1/128")},
			"wlp2s0": {ipnet("192.168.1.23/24"), ipnet("fd12:3456:789a::23/64"), ipnet("fe80::a6c3:f0ff:fe12:3456/64")},
		},
	}
}

// FakeMacOS looks like a Mac: lo0 with a link-local address of its own, en0
// on Wi-Fi behind carrier-grade NAT, and a point-to-point utun.
func FakeMacOS() Fake {
	up := net.FlagUp | net.FlagRunning
	return Fake{
		Ifaces: []net.Interface{
			{Index: 1, MTU: 16384, Name: "lo0", Flags: up | net.FlagLoopback | net.FlagMulticast},
			{Index: 14, MTU: 1500, Name: "en0", HardwareAddr: mac("f0:18:98:00:00:0e"), Flags: up | net.FlagBroadcast | net.FlagMulticast},
			{Index: 17, MTU: 1380, Name: "utun0", Flags: up | net.FlagPointToPoint | net.FlagMulticast},
		},
		ByName: map[string][]net.Addr{
			"lo0":   {ipnet("127.0.0.1/8"), ipnet("::1/128"), ipnet("fe80::1/64")},
			"en0":   {ipnet("fe80::1c2d:3e4f:5a6b:7c8d/64"), ipnet("100.72.10.5/16")},
			"utun0": {ipnet("fe80::ce81:b1c:bd2c:69e/64")},
		},
	}
}

// FakeWindows looks like Windows: friendly names with spaces and Chinese,
// MTU -1 on the loopback pseudo-interface, and an address reported as
// *net.IPAddr (no mask), as Go does for some Windows addresses.
func FakeWindows() Fake {
	up := net.FlagUp | net.FlagRunning
	return Fake{
		Ifaces: []net.Interface{
			{Index: 12, MTU: 1500, Name: "以太网", HardwareAddr: mac("00:15:5d:01:02:03"), Flags: up | net.FlagBroadcast | net.FlagMulticast},
			{Index: 7, MTU: 1500, Name: "Wi-Fi", HardwareAddr: mac("8c:c6:81:aa:00:07"), Flags: net.FlagBroadcast | net.FlagMulticast},
			{Index: 1, MTU: -1, Name: "Loopback Pseudo-Interface 1", Flags: up | net.FlagLoopback | net.FlagMulticast},
		},
		ByName: map[string][]net.Addr{
			"以太网": {ipnet("fe80::9d4c:1a2b:3c4d:5e6f/64"), ipnet("172.20.5.14/20"),
				&net.IPAddr{IP: net.ParseIP("2001:db8:abcd::14")}},
			"Loopback Pseudo-Interface 1": {ipnet("::1/128"), ipnet("127.0.0.1/8")},
		},
	}
}
