package probe

import (
	"errors"

	"golang.org/x/sys/windows"
)

// isPlatformNoRoute recognises Winsock's "network/host unreachable".
func isPlatformNoRoute(err error) bool {
	return errors.Is(err, windows.WSAENETUNREACH) || errors.Is(err, windows.WSAEHOSTUNREACH)
}
