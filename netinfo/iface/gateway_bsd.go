//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package iface

import (
	"net/netip"
	"syscall"

	"golang.org/x/net/route"
)

// systemGateways reads the kernel's routing table through a routing
// socket sysctl (what `netstat -rn` shows) and keeps the default routes,
// IPv4 and IPv6.
func systemGateways(nameOf func(index int) string) ([]Gateway, error) {
	rib, err := route.FetchRIB(syscall.AF_UNSPEC, route.RIBTypeRoute, 0)
	if err != nil {
		return nil, err
	}
	msgs, err := route.ParseRIB(route.RIBTypeRoute, rib)
	if err != nil {
		return nil, err
	}
	var routes []bsdRoute
	for _, m := range msgs {
		if rm, ok := m.(*route.RouteMessage); ok {
			routes = append(routes, bsdRouteOf(rm))
		}
	}
	return bsdDefaultGateways(routes, nameOf), nil
}

func bsdRouteOf(rm *route.RouteMessage) bsdRoute {
	r := bsdRoute{Flags: rm.Flags, Index: rm.Index}
	at := func(i int) (netip.Addr, bool) {
		if i >= len(rm.Addrs) {
			return netip.Addr{}, false
		}
		switch a := rm.Addrs[i].(type) {
		case *route.Inet4Addr:
			return netip.AddrFrom4(a.IP), true
		case *route.Inet6Addr:
			return netip.AddrFrom16(a.IP), true
		}
		return netip.Addr{}, rm.Addrs[i] != nil
	}
	r.Dst, _ = at(syscall.RTAX_DST)
	r.Gateway, _ = at(syscall.RTAX_GATEWAY) // a link address (an on-link route) stays invalid
	var hasMask bool
	r.Mask, hasMask = at(syscall.RTAX_NETMASK)
	r.HasMask = hasMask
	return r
}
