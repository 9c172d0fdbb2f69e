package probe

import (
	"errors"
	"syscall"
)

// IsNoRoute tells whether a request could not leave this machine because
// it has no way there: no route to that network (Wi-Fi off, cable out, a
// down interface) or to that host.
func IsNoRoute(err error) bool {
	return errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) || isPlatformNoRoute(err)
}
