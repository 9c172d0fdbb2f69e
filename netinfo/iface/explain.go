package iface

import (
	"errors"
	"fmt"
	"math/big"
	"net/netip"
	"strconv"
	"strings"
)

// ErrBadAddress means the text is neither an address nor address/prefix.
var ErrBadAddress = errors.New("not an IP address")

// ErrBadPrefix means the part after "/" is not a length that fits the family.
var ErrBadPrefix = errors.New("prefix length out of range")

// LooksLikeAddress tells a command argument that is meant as an address
// (it has a dot, a colon or a slash, or is all digits) from an interface
// name such as eth0 or "Wi-Fi".
func LooksLikeAddress(s string) bool {
	if strings.ContainsAny(s, ".:/") {
		return true
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// ParseTarget reads what a learner types: "192.168.1.10", "192.168.1.10/24",
// "fe80::1%eth0/64". Without a prefix the address stands alone (/32, /128).
// hasPrefix reports whether a prefix length was given.
func ParseTarget(s string) (a netip.Addr, prefixLen int, hasPrefix bool, err error) {
	addrText, lenText, hasPrefix := strings.Cut(strings.TrimSpace(s), "/")
	a, err = netip.ParseAddr(addrText)
	if err != nil {
		return netip.Addr{}, 0, false, fmt.Errorf("%w: %q", ErrBadAddress, addrText)
	}
	if !hasPrefix {
		return a, a.BitLen(), false, nil
	}
	n, err := strconv.Atoi(lenText)
	if err != nil || n < 0 || n > a.BitLen() || strings.HasPrefix(lenText, "+") {
		return netip.Addr{}, 0, false, fmt.Errorf("%w: /%s (%s allows 0 to %d)", ErrBadPrefix, lenText, FamilyOf(a), a.BitLen())
	}
	return a, n, true, nil
}

// Explanation is everything netlearn says about one address.
type Explanation struct {
	Input     string       `json:"input"`
	Address   netip.Addr   `json:"address"`
	Family    Family       `json:"family"`
	Kind      Kind         `json:"kind"`
	MappedV4  netip.Addr   `json:"mapped_ipv4,omitzero"` // set for ::ffff:a.b.c.d
	PrefixLen int          `json:"prefix_len"`
	HasPrefix bool         `json:"has_prefix"`
	Binary    string       `json:"binary"`       // octets (IPv4) or 16-bit groups (IPv6)
	NetBits   string       `json:"network_bits"` // the first PrefixLen bits
	HostBits  string       `json:"host_bits"`    // the rest
	Network   netip.Prefix `json:"network"`
	HostPart  netip.Addr   `json:"host_part"` // the address with the network bits cleared
	// IPv4 only.
	Netmask   string     `json:"netmask,omitempty"`
	Broadcast netip.Addr `json:"broadcast,omitzero"`
	FirstHost netip.Addr `json:"first_host,omitzero"`
	LastHost  netip.Addr `json:"last_host,omitzero"`
	// Usable host addresses in the network, as a decimal string because an
	// IPv6 /64 holds 2^64 of them.
	Hosts string `json:"hosts"`
	// Whether this machine has the address, and where.
	Mine          bool   `json:"mine"`
	MineInterface string `json:"mine_interface,omitempty"`
	// SameNetworkAs names this machine's interface whose network holds the
	// address (so it is reached directly, without the gateway).
	SameNetworkAs string `json:"same_network_as,omitempty"`
}

// Explain works out the explanation of a/prefixLen against this machine's
// interfaces (nil when they are unknown).
func Explain(input string, a netip.Addr, prefixLen int, hasPrefix bool, ifaces []Interface) Explanation {
	bare := a.WithZone("")
	e := Explanation{
		Input:     input,
		Address:   a,
		Family:    FamilyOf(a),
		Kind:      Classify(a),
		PrefixLen: prefixLen,
		HasPrefix: hasPrefix,
		Network:   netip.PrefixFrom(bare, prefixLen).Masked(),
	}
	if a.Is4In6() {
		e.MappedV4 = a.Unmap()
	}
	bits := addrBits(bare)
	e.Binary = groupBits(bits, e.Family)
	e.NetBits, e.HostBits = bits[:prefixLen], bits[prefixLen:]
	e.HostPart = hostPart(bare, prefixLen)
	e.Hosts = hostCount(bare.BitLen(), prefixLen, e.Family).String()
	if e.Family == IPv4 {
		e.Netmask = Netmask(prefixLen)
		if prefixLen < 31 {
			// A /31 (RFC 3021) and a /32 have no broadcast address:
			// every address in them belongs to a host.
			e.Broadcast = lastAddr(e.Network)
		}
		e.FirstHost, e.LastHost = hostRange(e.Network)
	}
	e.MineInterface, e.Mine = owner(ifaces, bare)
	e.SameNetworkAs = onLink(ifaces, bare)
	return e
}

// addrBits is the address as a string of 32 or 128 '0'/'1' characters.
func addrBits(a netip.Addr) string {
	var b strings.Builder
	for _, octet := range a.AsSlice() {
		fmt.Fprintf(&b, "%08b", octet)
	}
	return b.String()
}

// groupBits splits bits the way the address is written: 8-bit octets with
// dots for IPv4, 16-bit groups with colons for IPv6.
func groupBits(bits string, fam Family) string {
	size, sep := 8, "."
	if fam == IPv6 {
		size, sep = 16, ":"
	}
	parts := make([]string, 0, len(bits)/size)
	for i := 0; i < len(bits); i += size {
		parts = append(parts, bits[i:i+size])
	}
	return strings.Join(parts, sep)
}

func hostPart(a netip.Addr, prefixLen int) netip.Addr {
	b := a.AsSlice()
	for i := range b {
		keep := min(max(prefixLen-8*i, 0), 8) // network bits in this byte
		b[i] &= byte(0xff >> keep)
	}
	out, _ := netip.AddrFromSlice(b)
	return out
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		keep := min(max(p.Bits()-8*i, 0), 8)
		b[i] |= byte(0xff >> keep)
	}
	out, _ := netip.AddrFromSlice(b)
	return out
}

// hostRange is the first and last address a device may use: a /31 is a
// point-to-point link with both addresses usable (RFC 3021) and a /32 is
// a single host; otherwise the network and broadcast addresses are kept
// back.
func hostRange(p netip.Prefix) (first, last netip.Addr) {
	first, last = p.Addr(), lastAddr(p)
	if p.Bits() >= 31 {
		return first, last
	}
	return first.Next(), last.Prev()
}

func hostCount(bitLen, prefixLen int, fam Family) *big.Int {
	n := new(big.Int).Lsh(big.NewInt(1), uint(bitLen-prefixLen))
	if fam == IPv4 && prefixLen < 31 {
		n.Sub(n, big.NewInt(2))
	}
	return n
}

func owner(ifaces []Interface, a netip.Addr) (string, bool) {
	for _, ifc := range ifaces {
		for _, ad := range ifc.Addrs {
			if ad.Address.WithZone("") == a.Unmap() {
				return ifc.Name, true
			}
		}
	}
	return "", false
}

// onLink names the interface whose network holds a, ignoring host-only
// prefixes (/32, /128) that hold nothing but the interface's own address.
func onLink(ifaces []Interface, a netip.Addr) string {
	a = a.Unmap()
	for _, ifc := range ifaces {
		for _, ad := range ifc.Addrs {
			if ad.PrefixLen < ad.Address.BitLen() && ad.Prefix().Contains(a) {
				return ifc.Name
			}
		}
	}
	return ""
}
