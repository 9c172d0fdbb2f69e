package probe

import (
	"errors"

	"golang.org/x/sys/windows"
)

// Windows has no ping sockets that pro-bing can use. Its own ping
// service (what ping.exe uses) needs no administrator, so it comes first;
// raw ICMP through pro-bing, which needs one, is the fallback.
var defaultModes = []Mode{ModeWindowsAPI, ModePrivileged}

// HasRawPrivilege tells whether this process runs elevated (as an
// administrator), which raw ICMP sockets need on Windows.
func HasRawPrivilege() bool {
	return windows.GetCurrentProcessToken().IsElevated()
}

// isPlatformPermission recognises Winsock's "access denied".
func isPlatformPermission(err error) bool {
	return errors.Is(err, windows.WSAEACCES) || errors.Is(err, windows.ERROR_ACCESS_DENIED)
}

// PingGroupRange exists on Linux only.
func PingGroupRange() (lo, hi int, err error) { return 0, 0, ErrNoGroupRange }

// isPlatformRefused recognises Winsock's "connection refused".
func isPlatformRefused(err error) bool { return errors.Is(err, windows.WSAECONNREFUSED) }
