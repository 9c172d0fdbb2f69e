package iface

import (
	"net"
	"net/netip"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

// systemGateways asks the kernel over netlink for the main routing table
// (IPv4 and IPv6) and keeps the default routes, like `ip route show default`.
func systemGateways(nameOf func(index int) string) ([]Gateway, error) {
	routes, err := netlink.RouteList(nil, netlink.FAMILY_ALL)
	if err != nil {
		return nil, err
	}
	return defaultRouteGateways(routes, nameOf), nil
}

// defaultRouteGateways keeps the unicast routes to 0.0.0.0/0 or ::/0 that
// name a next hop, including each hop of a multipath route. Older netlink
// releases leave Dst nil for a default route; v1.3 fills in a /0, so both
// are accepted.
func defaultRouteGateways(routes []netlink.Route, nameOf func(int) string) []Gateway {
	var out []Gateway
	for _, r := range routes {
		if r.Type != unix.RTN_UNICAST || !isDefaultDst(r.Dst) {
			continue
		}
		if g, ok := nextHop(r.Gw, r.LinkIndex, nameOf); ok {
			out = append(out, g)
		}
		for _, hop := range r.MultiPath {
			if g, ok := nextHop(hop.Gw, hop.LinkIndex, nameOf); ok {
				out = append(out, g)
			}
		}
	}
	return out
}

func isDefaultDst(dst *net.IPNet) bool {
	if dst == nil {
		return true
	}
	ones, _ := dst.Mask.Size()
	return ones == 0
}

func nextHop(gw net.IP, linkIndex int, nameOf func(int) string) (Gateway, bool) {
	a, ok := netip.AddrFromSlice(gw)
	if !ok {
		return Gateway{}, false // a route straight onto a link (`default dev tun0`) has no router
	}
	return gatewayVia(a, nameOf(linkIndex)), true
}
