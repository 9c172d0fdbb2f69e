//go:build !linux

package iface

import "github.com/jackpal/gateway"

// systemGateways reads the routing table through jackpal/gateway, which
// gives addresses only (so nameOf is of no use); DefaultGatewaysFor finds
// each gateway's interface by its network.
func systemGateways(func(index int) string) ([]Gateway, error) {
	gws, err := guardGateways(gateway.DiscoverGateways)
	if _, none := err.(*gateway.ErrNoGateway); none {
		return nil, nil
	}
	return gws, err
}
