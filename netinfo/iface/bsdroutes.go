package iface

import "net/netip"

// Route flags of the BSD routing socket (net/route.h; the same on macOS
// and the BSDs). They are spelled here so that bsdDefaultGateways can be
// tested on any OS.
const (
	bsdRTFUp      = 0x1
	bsdRTFGateway = 0x2
	bsdRTFHost    = 0x4
)

// bsdRoute is one route of a BSD routing table, reduced to what telling a
// default route needs.
type bsdRoute struct {
	Flags   int
	Index   int        // interface index
	Dst     netip.Addr // invalid when the destination is not an IP address
	Mask    netip.Addr // zero (or invalid) for a default route
	HasMask bool       // a route without a netmask is a host route
	Gateway netip.Addr // invalid when the route is on-link (no router)
}

// bsdDefaultGateways keeps the routes that are up, go through a router,
// and lead to 0.0.0.0/0 or ::/0. macOS also lists a scoped default route
// per interface; each router is kept once.
func bsdDefaultGateways(routes []bsdRoute, nameOf func(int) string) []Gateway {
	var out []Gateway
	seen := map[Gateway]bool{}
	for _, r := range routes {
		if r.Flags&(bsdRTFUp|bsdRTFGateway) != bsdRTFUp|bsdRTFGateway || r.Flags&bsdRTFHost != 0 {
			continue
		}
		if !r.Dst.IsValid() || !r.Dst.IsUnspecified() || !r.Gateway.IsValid() || !isZeroMask(r) {
			continue
		}
		g := gatewayVia(r.Gateway, nameOf(r.Index))
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// isZeroMask tells whether a route's netmask is /0. The kernel sends a
// default route's mask as an empty socket address, which reads as zero.
func isZeroMask(r bsdRoute) bool {
	return !r.HasMask || !r.Mask.IsValid() || r.Mask.IsUnspecified()
}
