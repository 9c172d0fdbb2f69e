//go:build !linux

package iface

import "github.com/jackpal/gateway"

// systemGateways reads the routing table through jackpal/gateway, which
// gives addresses only; DefaultGateways adds the interface names.
func systemGateways() ([]Gateway, error) {
	gws, err := guardGateways(gateway.DiscoverGateways)
	if _, none := err.(*gateway.ErrNoGateway); none {
		return nil, nil
	}
	return gws, err
}
