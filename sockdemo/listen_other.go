//go:build !unix

package sockdemo

import (
	"context"
	"net"
	"net/netip"
	"strconv"
	"syscall"
)

// Code lines in Go for each server step, matching how this file does it.
var goServerCode = map[Step]string{
	StepSocket: "lc := net.ListenConfig{Control: func(...) { /* socket exists */ }}",
	StepBind:   "ln, err := lc.Listen(ctx, \"tcp\", addr) // binds ...",
	StepListen: "ln, err := lc.Listen(ctx, \"tcp\", addr) // ... and listens",
}

// openListener uses net.ListenConfig: its Control hook runs right after the
// socket is created and before bind, so the socket step is reported for
// real; bind and listen happen inside one Listen call here and are reported
// after it returns. The backlog is the OS default on this platform.
func openListener(addr netip.AddrPort, backlog int, em *emitter) (net.Listener, error) {
	fam := "ipv4"
	if addr.Addr().Is6() {
		fam = "ipv6"
	}
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			em.emit(Event{Side: SideServer, Step: StepSocket, FD: int(fd), Family: fam})
		})
	}}
	ln, err := lc.Listen(context.Background(), "tcp", net.JoinHostPort(addr.Addr().String(), strconv.Itoa(int(addr.Port()))))
	if err != nil {
		return nil, err
	}
	bound := ln.Addr().String()
	em.emit(Event{Side: SideServer, Step: StepBind, Local: bound})
	em.emit(Event{Side: SideServer, Step: StepListen, Local: bound, Backlog: backlog})
	return ln, nil
}
