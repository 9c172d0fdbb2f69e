//go:build !linux

package sockdemo

import (
	"errors"
	"net"
)

// dropData needs Linux's socket filters, like the capture it goes with.
func dropData(net.Conn) (func() error, error) {
	return nil, errors.New("losing a segment needs Linux")
}
