//go:build unix

package sockdemo

import (
	"net"
	"net/netip"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// goServerCode is the Go line of a server setup step, as this file really
// performs it; "" for the steps the caller describes itself.
func goServerCode(step Step, ipv6 bool) string {
	family, sockaddr := "AF_INET", "SockaddrInet4"
	if ipv6 {
		family, sockaddr = "AF_INET6", "SockaddrInet6"
	}
	switch step {
	case StepSocket:
		return "fd, err := unix.Socket(unix." + family + ", unix.SOCK_STREAM, unix.IPPROTO_TCP)"
	case StepBind:
		return "err = unix.Bind(fd, &unix." + sockaddr + "{Port: port, Addr: ip})"
	case StepListen:
		return "err = unix.Listen(fd, backlog); ln, _ := net.FileListener(file)"
	}
	return ""
}

// openListener makes the three separate system calls the notes make
// (socket, bind, listen) and reports each one, then hands the socket to
// Go's runtime poller.
func openListener(addr netip.AddrPort, backlog int, rcvbuf int, em *emitter) (net.Listener, error) {
	family := unix.AF_INET
	if addr.Addr().Is6() {
		family = unix.AF_INET6
	}
	// Not all of these systems know SOCK_CLOEXEC, so mark the socket
	// close-on-exec under the fork lock, as the net package does.
	syscall.ForkLock.RLock()
	fd, err := unix.Socket(family, unix.SOCK_STREAM, unix.IPPROTO_TCP)
	if err == nil {
		unix.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	em.emit(Event{Side: SideServer, Step: StepSocket, FD: fd, Family: familyOf(addr.Addr())})

	file := os.NewFile(uintptr(fd), "demo-listener")
	defer file.Close() // FileListener keeps its own duplicate

	// Like Go's net.Listen (and unlike Python's default), allow re-binding
	// while old connections of a previous run sit in TIME_WAIT.
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
	if rcvbuf > 0 {
		// Before listen: the window a connection starts with comes from
		// the listener's buffer (the kernel doubles the value for its
		// bookkeeping).
		_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, rcvbuf)
	}
	if err := unix.Bind(fd, sockaddr(addr)); err != nil {
		return nil, &net.OpError{Op: "bind", Net: "tcp", Addr: net.TCPAddrFromAddrPort(addr), Err: os.NewSyscallError("bind", err)}
	}
	bound := boundAddr(fd, addr)
	em.emit(Event{Side: SideServer, Step: StepBind, Local: bound})

	if err := unix.Listen(fd, backlog); err != nil {
		return nil, os.NewSyscallError("listen", err)
	}
	ln, err := net.FileListener(file)
	if err != nil {
		return nil, err
	}
	em.emit(Event{Side: SideServer, Step: StepListen, Local: bound, Backlog: backlog})
	return ln, nil
}

func sockaddr(addr netip.AddrPort) unix.Sockaddr {
	if addr.Addr().Is4() {
		return &unix.SockaddrInet4{Port: int(addr.Port()), Addr: addr.Addr().As4()}
	}
	return &unix.SockaddrInet6{Port: int(addr.Port()), Addr: addr.Addr().As16()}
}

// boundAddr asks the kernel which address the socket got: with port 0 the
// OS picks a free dynamic port at bind time.
func boundAddr(fd int, asked netip.AddrPort) string {
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return asked.String()
	}
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(sa.Addr), uint16(sa.Port)).String()
	case *unix.SockaddrInet6:
		return netip.AddrPortFrom(netip.AddrFrom16(sa.Addr), uint16(sa.Port)).String()
	}
	return asked.String()
}
