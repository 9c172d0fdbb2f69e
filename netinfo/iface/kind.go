// Package iface reads this machine's network interfaces, addresses, default
// gateways and DNS servers, and explains addresses to a learner. It never
// prints and never sends a packet: everything comes from the operating
// system's own tables and files.
package iface

import "net/netip"

// Kind is what a learner should know about an address: who can reach it.
type Kind string

// The kinds, from the most local to the public Internet.
const (
	KindUnspecified   Kind = "unspecified"   // 0.0.0.0, :: — "any address" / "not yet known"
	KindLoopback      Kind = "loopback"      // 127.0.0.0/8, ::1 — this machine talking to itself
	KindMulticast     Kind = "multicast"     // 224.0.0.0/4, ff00::/8 — a group, not one device
	KindLinkLocal     Kind = "link-local"    // 169.254.0.0/16, fe80::/10 — only this cable / Wi-Fi
	KindPrivate       Kind = "private"       // RFC 1918: 10/8, 172.16/12, 192.168/16
	KindShared        Kind = "shared"        // 100.64.0.0/10, carrier-grade NAT (RFC 6598)
	KindDocumentation Kind = "documentation" // examples in books: never on a real network
	KindUniqueLocal   Kind = "unique-local"  // fc00::/7, IPv6's private addresses
	KindReserved      Kind = "reserved"      // 0/8, 240/4 and broadcast, benchmarking: not routed on the Internet
	KindGlobal        Kind = "global"        // public: reachable across the Internet
)

// AllKinds lists every kind in the order Classify tests them.
var AllKinds = []Kind{
	KindUnspecified, KindLoopback, KindMulticast, KindLinkLocal, KindPrivate,
	KindShared, KindDocumentation, KindUniqueLocal, KindReserved, KindGlobal,
}

// kindBlocks are the special-purpose blocks in the order they are tested.
// "global" is whatever is left, so a private address can never reach it.
var kindBlocks = []struct {
	kind   Kind
	blocks []netip.Prefix
}{
	{KindLoopback, prefixes("127.0.0.0/8", "::1/128")},
	{KindMulticast, prefixes("224.0.0.0/4", "ff00::/8")},
	{KindLinkLocal, prefixes("169.254.0.0/16", "fe80::/10")},
	{KindPrivate, prefixes("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")},
	{KindShared, prefixes("100.64.0.0/10")},
	{KindDocumentation, prefixes("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
		"2001:db8::/32", "3fff::/20")},
	{KindUniqueLocal, prefixes("fc00::/7")},
	// Blocks that are neither private nor public: "this network" (0/8),
	// IETF protocol assignments, benchmarking, and the old class E range
	// that ends with the limited broadcast 255.255.255.255.
	{KindReserved, prefixes("0.0.0.0/8", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4")},
}

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// Classify says what kind of address a is.
//
// An IPv4-mapped IPv6 address (::ffff:192.168.1.10) is classified as the IPv4
// address it carries: a dual-stack socket sends such traffic as plain IPv4,
// so "private" is the useful answer, not "global". An invalid (zero) Addr is
// unspecified.
func Classify(a netip.Addr) Kind {
	a = a.Unmap()
	if !a.IsValid() || a.IsUnspecified() {
		return KindUnspecified
	}
	a = a.WithZone("")
	for _, kb := range kindBlocks {
		for _, p := range kb.blocks {
			if p.Contains(a) {
				return kb.kind
			}
		}
	}
	return KindGlobal
}

// Family is "ipv4" or "ipv6".
type Family string

// The two address families.
const (
	IPv4 Family = "ipv4"
	IPv6 Family = "ipv6"
)

// AllFamilies lists every Family.
var AllFamilies = []Family{IPv4, IPv6}

// FamilyOf reports the family of a as written: an IPv4-mapped IPv6 address
// is still IPv6 text, even though Classify looks at the IPv4 inside.
func FamilyOf(a netip.Addr) Family {
	if a.Is4() {
		return IPv4
	}
	return IPv6
}
