//go:build !unix

package sockdemo

import (
	"context"
	"net"
	"net/netip"
)

// goServerCode is the Go line of a server setup step, as this file really
// performs it; "" for the steps the caller describes itself.
func goServerCode(step Step, _ bool) string {
	switch step {
	case StepSocket:
		return "lc := net.ListenConfig{Control: reportSocket}"
	case StepBind, StepListen:
		return `ln, err := lc.Listen(ctx, "tcp", addr)`
	}
	return ""
}

// openListener uses net.ListenConfig: its Control hook runs right after the
// socket is created and before bind, so the socket step is reported for
// real; bind and listen happen inside one Listen call here and are reported
// after it returns, marked Combined so the learner is told. Go passes the
// OS's largest backlog here, so the listen event carries none (0) rather
// than the one asked for.
func openListener(addr netip.AddrPort, _, _ int, em *emitter) (net.Listener, error) {
	lc := net.ListenConfig{Control: reportSocket(em, SideServer, addr.Addr())}
	ln, err := lc.Listen(context.Background(), "tcp", addr.String())
	if err != nil {
		return nil, err
	}
	bound := ln.Addr().String()
	em.emit(Event{Side: SideServer, Step: StepBind, Local: bound, Combined: true})
	em.emit(Event{Side: SideServer, Step: StepListen, Local: bound, Combined: true})
	return ln, nil
}
