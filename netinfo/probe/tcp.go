package probe

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"sync"
	"syscall"
	"time"
)

// TCP is a Pinger that times TCP connects to one port instead of sending
// ICMP: it needs no privilege and passes where ICMP is filtered. A
// completed handshake is a reply; a reset is an error answer (the host is
// up but nothing listens); silence is a loss.
type TCP struct {
	Port uint16
}

// Ping implements Pinger. Each request is one connect, started every
// Interval and given Timeout to complete; the connection is closed at once.
func (p TCP) Ping(ctx context.Context, req Request, h Hooks) (Mode, error) {
	h.Ready(ModeTCP)
	target := netip.AddrPortFrom(req.Addr, p.Port).String()
	var wg sync.WaitGroup
	defer wg.Wait() // no hook may run after Ping returns
	sendEvery(ctx, req, &wg, h.Sent, func(seq int) { connectOnce(ctx, target, seq, req.Timeout, h) })
	return ModeTCP, nil
}

func connectOnce(ctx context.Context, target string, seq int, timeout time.Duration, h Hooks) {
	d := net.Dialer{Timeout: timeout}
	start := time.Now()
	conn, err := d.DialContext(ctx, "tcp", target)
	rtt := time.Since(start)
	switch {
	case err == nil:
		_ = conn.Close() // only the handshake was wanted
		h.Reply(NewReply(seq, 0, 0, rtt))
	case errors.Is(err, syscall.ECONNREFUSED), isPlatformRefused(err):
		h.Failed(seq, ErrRefused)
	case ctx.Err() != nil, isTimeout(err):
		// No answer in time: the tracker reports the loss.
	default:
		h.Failed(seq, err)
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
