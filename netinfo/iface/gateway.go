package iface

import (
	"errors"
	"net/netip"
)

// Gateway is a default gateway: the router that gets every packet for which
// no more specific route exists.
type Gateway struct {
	Address   netip.Addr `json:"address"`
	Interface string     `json:"interface,omitempty"`
}

// ErrNoDefaultRoute means this machine has no default gateway, so no
// interface leads "out" and there is no LAN address to point at.
var ErrNoDefaultRoute = errors.New("no default route")

// DefaultGateways lists the default gateways, IPv4 and IPv6. It reads the
// routing table only; no packet is sent. An empty list with a nil error
// means there is no default route (an offline or isolated machine).
func DefaultGateways() ([]Gateway, error) {
	ifaces, err := Collect(System{})
	if err != nil {
		return nil, err
	}
	return DefaultGatewaysFor(ifaces)
}

// DefaultGatewaysFor is DefaultGateways for callers that have already
// collected the interfaces, which name the gateways' interfaces.
func DefaultGatewaysFor(ifaces []Interface) ([]Gateway, error) {
	names := make(map[int]string, len(ifaces))
	for _, ifc := range ifaces {
		names[ifc.Index] = ifc.Name
	}
	gws, err := systemGateways(func(index int) string { return names[index] })
	if err != nil || len(gws) == 0 {
		return nil, err
	}
	return NameGatewayInterfaces(gws, ifaces), nil
}

// NameGatewayInterfaces fills in the interface of each gateway that lacks
// one (a route whose interface index names no interface, or a caller's
// own list): it is the interface whose network contains the gateway.
func NameGatewayInterfaces(gws []Gateway, ifaces []Interface) []Gateway {
	out := make([]Gateway, len(gws))
	for i, g := range gws {
		if g.Interface == "" {
			g.Interface = interfaceContaining(ifaces, g.Address)
		}
		out[i] = g
	}
	return out
}

// interfaceContaining returns the name of the up interface with the longest
// prefix that contains a (a link-local gateway carries its zone instead).
func interfaceContaining(ifaces []Interface, a netip.Addr) string {
	if z := a.Zone(); z != "" {
		return z
	}
	best, bestLen := "", -1
	for _, ifc := range ifaces {
		for _, ad := range ifc.Addrs {
			if ifc.Up && ad.PrefixLen > bestLen && ad.Prefix().Contains(a) {
				best, bestLen = ifc.Name, ad.PrefixLen
			}
		}
	}
	return best
}

// LANAddress returns this machine's own address on the interface that
// carries the default route. That is the address other devices on the same
// LAN use to reach this machine, so it is the one a learner pings to check
// "my LAN card works" (a loopback ping never leaves the machine's software).
func LANAddress() (addr netip.Addr, ifaceName string, err error) {
	ifaces, err := Collect(System{})
	if err != nil {
		return netip.Addr{}, "", err
	}
	gws, err := DefaultGatewaysFor(ifaces)
	if err != nil {
		return netip.Addr{}, "", err
	}
	return ChooseLANAddress(ifaces, gws)
}

// ChooseLANAddress picks the LAN address from known interfaces and default
// gateways. IPv4 is preferred because that is what a home router hands out
// and what the notes use; within the interface, the address whose network
// contains the gateway wins, then any address of the same family that is
// neither link-local nor loopback.
func ChooseLANAddress(ifaces []Interface, gws []Gateway) (netip.Addr, string, error) {
	for _, fam := range []Family{IPv4, IPv6} {
		for _, g := range gws {
			if FamilyOf(g.Address.Unmap()) != fam {
				continue
			}
			if a, ok := addressFacing(ifaces, g); ok {
				return a, g.Interface, nil
			}
		}
	}
	return netip.Addr{}, "", ErrNoDefaultRoute
}

func addressFacing(ifaces []Interface, g Gateway) (netip.Addr, bool) {
	gw := g.Address.Unmap().WithZone("")
	fam := FamilyOf(gw)
	var fallback netip.Addr
	for _, ifc := range ifaces {
		if ifc.Name != g.Interface {
			continue
		}
		for _, ad := range ifc.Addrs {
			if ad.Family != fam || ad.Kind == KindLinkLocal || ad.Kind == KindLoopback {
				continue
			}
			if ad.Prefix().Contains(gw) {
				return ad.Address, true
			}
			if !fallback.IsValid() {
				fallback = ad.Address
			}
		}
	}
	return fallback, fallback.IsValid()
}

// gatewayVia is the gateway a at the interface called name. A link-local
// IPv6 router gets the name as its zone: fe80::1 alone is ambiguous, since
// every link has one.
func gatewayVia(a netip.Addr, name string) Gateway {
	a = a.Unmap()
	if a.Is6() && a.IsLinkLocalUnicast() && name != "" {
		a = a.WithZone(name)
	}
	return Gateway{Address: a, Interface: name}
}
