//go:build !linux && !windows

package probe

import "os"

// macOS and the BSDs let anyone use ICMP datagram sockets; raw ones need root.
var defaultModes = []Mode{ModeUnprivileged, ModePrivileged}

// HasRawPrivilege tells whether this process runs as root, which raw
// sockets and intervals below 2 ms need here.
func HasRawPrivilege() bool { return os.Geteuid() == 0 }

func isPlatformPermission(error) bool { return false }

func isPlatformRefused(error) bool { return false }

// PingGroupRange exists on Linux only.
func PingGroupRange() (lo, hi int, err error) { return 0, 0, ErrNoGroupRange }
