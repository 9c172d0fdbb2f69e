package probe

import (
	"os"

	"golang.org/x/sys/unix"
)

// Linux has ping sockets: try them first, then a raw socket.
var defaultModes = []Mode{ModeUnprivileged, ModePrivileged}

// HasRawPrivilege tells whether this process may open raw sockets, which
// is also what allows intervals below 2 ms: on Linux, CAP_NET_RAW in the
// effective capability set (root has it unless dropped; `setcap
// cap_net_raw+ep` gives it to a binary).
func HasRawPrivilege() bool {
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if err := unix.Capget(&hdr, &data[0]); err != nil {
		return os.Geteuid() == 0
	}
	return data[0].Effective&(1<<unix.CAP_NET_RAW) != 0
}

// PingGroupRange reads net.ipv4.ping_group_range: the group ids allowed to
// open ping sockets. "1 0" (the kernel default) allows nobody.
func PingGroupRange() (lo, hi int, err error) {
	data, err := os.ReadFile("/proc/sys/net/ipv4/ping_group_range")
	if err != nil {
		return 0, 0, err
	}
	return ParseGroupRange(string(data))
}

func isPlatformPermission(error) bool { return false }

func isPlatformRefused(error) bool { return false }
