//go:build linux

package sockdemo

import (
	"net"
	"syscall"

	"golang.org/x/sys/unix"
)

// unreadBytes is how many received bytes conn still holds unread (SIOCINQ).
// Closing a socket that holds some makes the kernel send RST, not FIN.
func unreadBytes(conn net.Conn) int {
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return 0
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	_ = raw.Control(func(fd uintptr) {
		n, _ = unix.IoctlGetInt(int(fd), unix.SIOCINQ)
	})
	return n
}
