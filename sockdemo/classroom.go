package sockdemo

import (
	"net"
	"net/netip"
)

// ClassroomAddresses lists this machine's up, non-loopback unicast
// addresses (IPv4 first), never link-local IPv6 which needs a zone.
func ClassroomAddresses() ([]netip.Addr, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var v4, v6 []netip.Addr
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			p, err := netip.ParsePrefix(a.String())
			if err != nil || p.Addr().IsLinkLocalUnicast() || p.Addr().IsLoopback() {
				continue
			}
			if p.Addr().Is4() {
				v4 = append(v4, p.Addr())
			} else {
				v6 = append(v6, p.Addr())
			}
		}
	}
	return append(v4, v6...), nil
}
