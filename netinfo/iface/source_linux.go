package iface

import (
	"errors"
	"net"

	"github.com/vishvananda/netlink"
)

// AllAddrs reads the addresses of every interface with one netlink dump,
// keyed by interface index. Go's Interface.Addrs makes one dump per
// interface, which adds up on machines with many (container) interfaces.
// A dump that changed while it was read is read again, a few times at most.
func (System) AllAddrs() (map[int][]net.Addr, error) {
	var list []netlink.Addr
	var err error
	for range 3 {
		list, err = netlink.AddrList(nil, netlink.FAMILY_ALL)
		if !errors.Is(err, netlink.ErrDumpInterrupted) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	byIndex := make(map[int][]net.Addr)
	for _, a := range list {
		if a.IPNet != nil {
			byIndex[a.LinkIndex] = append(byIndex[a.LinkIndex], a.IPNet)
		}
	}
	return byIndex, nil
}
