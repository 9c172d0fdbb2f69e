package iface

import "net/netip"

// adapter is what netlearn needs of one Windows adapter from
// GetAdaptersAddresses. It is kept apart from the Windows call so that
// the choices made on it can be tested on any OS.
type adapter struct {
	Name     string // the friendly name, as Go's net package and ipconfig use
	Up       bool   // OperStatus is IfOperStatusUp
	Gateways []netip.Addr
	DNS      []netip.Addr
	Suffix   string // connection-specific DNS suffix
}

// adapterGateways lists every adapter's default gateways, in adapter order,
// each with its adapter. An adapter that is down routes nothing.
func adapterGateways(adapters []adapter) []Gateway {
	var out []Gateway
	for _, ad := range adapters {
		if !ad.Up {
			continue
		}
		for _, g := range ad.Gateways {
			if !g.IsUnspecified() {
				out = append(out, gatewayVia(g, ad.Name))
			}
		}
	}
	return out
}

// adapterDNS picks the DNS servers the way Go's own resolver does on
// Windows (net/dnsconfig_windows.go): only from adapters that are up and
// have a gateway, and never the fec0::/10 site-local addresses that
// Windows fills in when an adapter has no IPv6 DNS server at all. Servers
// holds them de-duplicated in adapter order. PerInterface keeps every
// adapter's own list unfiltered, as `ipconfig /all` shows it.
func adapterDNS(adapters []adapter) DNS {
	d := DNS{Source: "GetAdaptersAddresses", PerInterface: map[string][]netip.Addr{}}
	seen := map[netip.Addr]bool{}
	for _, ad := range adapters {
		if len(ad.DNS) > 0 {
			d.PerInterface[ad.Name] = ad.DNS
		}
		if !ad.Up || len(ad.Gateways) == 0 {
			continue
		}
		for _, a := range ad.DNS {
			if !siteLocal.Contains(a.Unmap()) && !seen[a] {
				seen[a] = true
				d.Servers = append(d.Servers, a)
			}
		}
		if ad.Suffix != "" && len(d.Search) == 0 {
			d.Search = []string{ad.Suffix}
		}
	}
	return d
}

// siteLocal is fec0::/10, deprecated since RFC 3879 (2004).
var siteLocal = netip.MustParsePrefix("fec0::/10")
