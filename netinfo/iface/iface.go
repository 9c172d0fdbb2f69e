package iface

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// Interface is one network card (or virtual one) and its addresses.
type Interface struct {
	Name  string   `json:"name"`
	Index int      `json:"index"`
	MTU   int      `json:"mtu"` // -1 or 0 when the OS does not say (Windows loopback)
	MAC   string   `json:"mac"` // empty for interfaces without a hardware address
	Up    bool     `json:"up"`
	Flags []string `json:"flags"`
	Addrs []Addr   `json:"addrs"`
}

// Addr is one address on an interface.
type Addr struct {
	Address   netip.Addr `json:"address"`
	PrefixLen int        `json:"prefix_len"`
	Family    Family     `json:"family"`
	Kind      Kind       `json:"kind"`
	Netmask   string     `json:"netmask,omitempty"` // IPv4 only, dotted: 255.255.255.0
}

// Prefix is the network this address belongs to, e.g. 192.168.1.0/24.
func (a Addr) Prefix() netip.Prefix {
	return netip.PrefixFrom(a.Address.WithZone(""), a.PrefixLen).Masked()
}

// Source is where interfaces come from: the real OS (System) or a fake in
// tests that imitates what Go reports on Linux, macOS or Windows.
type Source interface {
	Interfaces() ([]net.Interface, error)
	Addrs(net.Interface) ([]net.Addr, error)
}

// System is the Source backed by the operating system.
type System struct{}

// Interfaces lists the OS's interfaces, including those that are down.
func (System) Interfaces() ([]net.Interface, error) { return net.Interfaces() }

// Addrs lists the unicast addresses of one interface.
func (System) Addrs(ifi net.Interface) ([]net.Addr, error) { return ifi.Addrs() }

// bulkSource is a Source that can read every interface's addresses at
// once, keyed by interface index (System on Linux).
type bulkSource interface {
	AllAddrs() (map[int][]net.Addr, error)
}

// Collect reads every interface and its addresses from src.
func Collect(src Source) ([]Interface, error) {
	nifs, err := src.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("listing interfaces: %w", err)
	}
	addrsOf := src.Addrs
	if bulk, ok := src.(bulkSource); ok {
		all, err := bulk.AllAddrs()
		if err != nil {
			return nil, fmt.Errorf("listing addresses: %w", err)
		}
		addrsOf = func(ni net.Interface) ([]net.Addr, error) { return all[ni.Index], nil }
	}
	out := make([]Interface, 0, len(nifs))
	for _, ni := range nifs {
		addrs, err := addrsOf(ni)
		if err != nil {
			return nil, fmt.Errorf("addresses of %s: %w", ni.Name, err)
		}
		out = append(out, convert(ni, addrs))
	}
	return out, nil
}

func convert(ni net.Interface, addrs []net.Addr) Interface {
	ifc := Interface{
		Name:  ni.Name,
		Index: ni.Index,
		MTU:   ni.MTU,
		MAC:   ni.HardwareAddr.String(),
		Up:    ni.Flags&net.FlagUp != 0,
		Flags: flagNames(ni.Flags),
		Addrs: make([]Addr, 0, len(addrs)),
	}
	for _, na := range addrs {
		if a, ok := convertAddr(na); ok {
			ifc.Addrs = append(ifc.Addrs, a)
		}
	}
	return ifc
}

// flagNames spells net.Flags as lower-case words: up, broadcast, loopback,
// pointtopoint, multicast, running.
func flagNames(f net.Flags) []string {
	if f == 0 {
		return []string{}
	}
	return strings.Split(f.String(), "|")
}

// convertAddr accepts the two shapes Go's net package hands out: *net.IPNet
// (address with mask, the usual case) and *net.IPAddr (no mask: Windows
// reports some addresses so). Without a mask the address stands alone, so
// its prefix is the full length (/32 or /128).
func convertAddr(na net.Addr) (Addr, bool) {
	var ip net.IP
	var ones int
	zone := ""
	switch v := na.(type) {
	case *net.IPNet:
		ip = v.IP
		var bits int
		ones, bits = v.Mask.Size()
		if bits == 0 { // a non-canonical mask: keep the address, say nothing about the network
			ones = 8 * len(ip)
		}
	case *net.IPAddr:
		ip, zone = v.IP, v.Zone
		ones = -1
	default:
		return Addr{}, false
	}
	addr, ok := netip.AddrFromSlice(ip)
	if !ok {
		return Addr{}, false
	}
	// net.IP often stores IPv4 in its 16-byte form (::ffff:a.b.c.d), and a
	// mask may come in 16 bytes too. Interfaces never carry real IPv4-mapped
	// IPv6 addresses, so both mean plain IPv4.
	if ip.To4() != nil {
		addr = addr.Unmap()
		if ones > 32 {
			ones -= 96
		}
	}
	if ones < 0 {
		ones = addr.BitLen()
	}
	return NewAddr(addr.WithZone(zone), ones), true
}

// NewAddr builds an Addr with its family, kind and (for IPv4) netmask.
func NewAddr(a netip.Addr, prefixLen int) Addr {
	out := Addr{
		Address:   a,
		PrefixLen: prefixLen,
		Family:    FamilyOf(a),
		Kind:      Classify(a),
	}
	if a.Is4() {
		out.Netmask = Netmask(prefixLen)
	}
	return out
}

// Netmask spells an IPv4 prefix length as a dotted mask: 24 → 255.255.255.0.
func Netmask(prefixLen int) string {
	m := net.CIDRMask(prefixLen, 32)
	if m == nil {
		return ""
	}
	return net.IP(m).String()
}
