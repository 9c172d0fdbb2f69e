package probe

import (
	"context"
	"errors"
	"math"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	probing "github.com/prometheus-community/pro-bing"
)

// ICMP is the real Pinger: ICMP echo through pro-bing. It tries the modes
// in order (unprivileged first where the OS has ping sockets) and keeps
// the first one the OS allows.
type ICMP struct {
	// Modes to try, in order; empty means the platform's default order.
	Modes []Mode
}

// PermissionError means the OS allowed none of the modes tried.
type PermissionError struct {
	Tried []Mode
	Err   error // the refusal of the last mode tried
}

func (e *PermissionError) Error() string {
	return "no permission to send ICMP: " + e.Err.Error()
}
func (e *PermissionError) Unwrap() error { return e.Err }

// errModeUnavailable means a mode cannot be used on this system at all
// (its OS service is missing), so the next mode is tried.
var errModeUnavailable = errors.New("this way of pinging is not available here")

// FirewallError means the socket opened but the system refused to send:
// a local firewall rule, not a missing privilege.
type FirewallError struct{ Err error }

func (e *FirewallError) Error() string { return "sending was refused: " + e.Err.Error() }
func (e *FirewallError) Unwrap() error { return e.Err }

// Ping implements Pinger.
func (p ICMP) Ping(ctx context.Context, req Request, h Hooks) (Mode, error) {
	modes := p.Modes
	if len(modes) == 0 {
		modes = defaultModes
	}
	var refusal error
	for _, m := range modes {
		opened, err := runMode(ctx, req, h, m)
		switch {
		case err == nil:
			return m, nil
		case !opened && (IsPermission(err) || errors.Is(err, errModeUnavailable)):
			refusal = err // this mode is not allowed here; try the next
			continue
		case IsPermission(err):
			return m, &FirewallError{Err: err}
		}
		return m, err
	}
	return "", &PermissionError{Tried: modes, Err: refusal}
}

// runProbingMode sends req's requests in one of pro-bing's modes. pro-bing gives up at the first
// request it cannot send (no route: Wi-Fi off, lo down) and retries a later
// failure under the same number for ever. iputils instead counts such a
// request, reports it and sends the next one an interval later, and so does
// runProbingMode: a failed send ends that pro-bing run, and the next run carries on
// from the following request.
func runProbingMode(ctx context.Context, req Request, h Hooks, m Mode) (opened bool, err error) {
	h.Ready = onlyOnce(h.Ready)
	start := time.Now()
	for next := 0; ; {
		part := req
		if req.Count > 0 {
			part.Count = req.Count - next
		}
		if req.Limit < math.MaxInt64 {
			part.Limit = req.Limit - time.Since(start)
		}
		if (req.Count > 0 && part.Count <= 0) || part.Limit <= 0 {
			return opened, nil
		}
		failedAt, partOpened, err := runProbing(ctx, part, shiftSeq(h, next), m)
		opened = opened || partOpened
		if err != nil || failedAt < 0 || (req.Count > 0 && next+failedAt+1 >= req.Count) {
			return opened, err
		}
		next += failedAt + 1
		if !Sleep(ctx, req.Interval) {
			return opened, nil
		}
	}
}

// runProbing makes one pro-bing pinger (a used one cannot be restarted)
// and runs it. failedAt is the request that could not be sent, or -1;
// opened tells whether the socket was open when it ended.
func runProbing(ctx context.Context, req Request, h Hooks, m Mode) (failedAt int, opened bool, err error) {
	pr := probing.New(req.Addr.String())
	pr.SetIPAddr(&net.IPAddr{IP: req.Addr.AsSlice(), Zone: req.Addr.Zone()})
	pr.SetPrivileged(m == ModePrivileged)
	pr.SetLogger(probing.NoopLogger{})
	pr.Count = req.Count
	pr.Interval = req.Interval
	pr.Timeout = req.Limit // always set: pro-bing's own default is "forever"
	pr.Size = req.Size
	pr.TTL = req.TTL
	// We keep our own records; pro-bing's would grow without bound on -c 0.
	pr.RecordRtts, pr.RecordTTLs = false, false

	var open atomic.Bool
	var sendErr error
	failedAt = -1
	pr.OnSetup = func() {
		open.Store(true)
		h.Ready(m)
	}
	pr.OnSend = func(pkt *probing.Packet) { h.Sent(pkt.Seq) }
	pr.OnRecv = func(pkt *probing.Packet) { h.Reply(replyOf(pkt)) }
	pr.OnDuplicateRecv = func(pkt *probing.Packet) { h.Duplicate(replyOf(pkt)) }
	// Called on pro-bing's sending goroutine, before it returns from the
	// first request or sends again: nothing else touches failedAt then.
	pr.OnSendError = func(pkt *probing.Packet, err error) {
		if failedAt < 0 {
			failedAt, sendErr = pkt.Seq, err
			h.SendFailed(pkt.Seq, err)
		}
		pr.Stop()
	}
	err = pr.RunWithContext(ctx)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, sendErr) {
		err = nil
	}
	if sendErr != nil && IsPermission(sendErr) {
		err = sendErr
	}
	return failedAt, open.Load(), err
}

// shiftSeq renumbers a pro-bing run's requests, which count from 0, to
// follow the runs before it.
func shiftSeq(h Hooks, by int) Hooks {
	shift := func(r Reply) Reply { r.Seq += by; return r }
	return Hooks{
		Ready:      h.Ready,
		Sent:       func(seq int) { h.Sent(seq + by) },
		Reply:      func(r Reply) { h.Reply(shift(r)) },
		Duplicate:  func(r Reply) { h.Duplicate(shift(r)) },
		SendFailed: func(seq int, err error) { h.SendFailed(seq+by, err) },
		Failed:     func(seq int, err error) { h.Failed(seq+by, err) },
	}
}

func onlyOnce(f func(Mode)) func(Mode) {
	var once sync.Once
	return func(m Mode) { once.Do(func() { f(m) }) }
}

// Sleep waits d, or less when ctx ends first; it tells whether ctx is
// still alive.
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// replyOf converts pro-bing's packet. pro-bing says -1 where it could not
// read the TTL (x/net has no control messages on Windows); netlearn's
// "unknown" is 0, which JSON leaves out.
func replyOf(pkt *probing.Packet) Reply {
	return NewReply(pkt.Seq, max(pkt.TTL, 0), pkt.Nbytes, pkt.Rtt)
}

// IsPermission tells whether err is the OS refusing for lack of privilege
// (EACCES or EPERM, or Windows' access-denied codes).
func IsPermission(err error) bool {
	return errors.Is(err, os.ErrPermission) || isPlatformPermission(err)
}
