package sockdemo

import (
	"net"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// dataDropFilter is a classic BPF socket filter that drops every TCP
// segment carrying data and keeps the others (ACKs, FIN). A socket filter
// on a TCP socket sees the segment from its TCP header on.
var dataDropFilter = []unix.SockFilter{
	{Code: unix.BPF_LD | unix.BPF_B | unix.BPF_ABS, K: 12},    // A = data offset byte
	{Code: unix.BPF_ALU | unix.BPF_RSH | unix.BPF_K, K: 2},    // A >>= 2
	{Code: unix.BPF_ALU | unix.BPF_AND | unix.BPF_K, K: 0x3c}, // A = TCP header length
	{Code: unix.BPF_MISC | unix.BPF_TAX},                      // X = A
	{Code: unix.BPF_LD | unix.BPF_W | unix.BPF_LEN},           // A = segment length
	{Code: unix.BPF_JMP | unix.BPF_JGT | unix.BPF_X, Jt: 1},   // payload? drop
	{Code: unix.BPF_RET | unix.BPF_K, K: 0xffffffff},          // keep
	{Code: unix.BPF_RET | unix.BPF_K, K: 0},                   // drop
}

// dropData attaches dataDropFilter to conn's socket; detach removes it.
func dropData(conn net.Conn) (detach func() error, err error) {
	raw, err := conn.(syscall.Conn).SyscallConn()
	if err != nil {
		return nil, err
	}
	onFD := func(f func(fd int) error) error {
		var ferr error
		if err := raw.Control(func(fd uintptr) { ferr = f(int(fd)) }); err != nil {
			return err
		}
		return ferr
	}
	prog := unix.SockFprog{Len: uint16(len(dataDropFilter)), Filter: &dataDropFilter[0]}
	if err := onFD(func(fd int) error { return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &prog) }); err != nil {
		return nil, os.NewSyscallError("setsockopt(SO_ATTACH_FILTER)", err)
	}
	return func() error {
		return os.NewSyscallError("setsockopt(SO_DETACH_FILTER)",
			onFD(func(fd int) error { return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_DETACH_FILTER, 0) }))
	}, nil
}
