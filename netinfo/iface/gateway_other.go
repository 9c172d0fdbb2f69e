//go:build !linux && !windows && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd

package iface

import "errors"

// systemGateways has no way to read the routing table on this OS.
func systemGateways(func(index int) string) ([]Gateway, error) {
	return nil, errors.New("reading the routing table is not supported on this OS")
}
