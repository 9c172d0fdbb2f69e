package probe

import (
	"context"
	"errors"
	"net"
	"os"
	"sync/atomic"

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

// runProbing makes one pro-bing pinger (a used one cannot be restarted)
// and runs it. opened tells whether the socket was open when it ended.
func runProbing(ctx context.Context, req Request, h Hooks, m Mode) (opened bool, err error) {
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
	pr.OnSetup = func() {
		open.Store(true)
		h.Ready(m)
	}
	pr.OnSend = func(pkt *probing.Packet) { h.Sent(pkt.Seq) }
	pr.OnRecv = func(pkt *probing.Packet) { h.Reply(replyOf(pkt)) }
	pr.OnDuplicateRecv = func(pkt *probing.Packet) { h.Duplicate(replyOf(pkt)) }
	pr.OnSendError = func(pkt *probing.Packet, err error) { h.SendFailed(pkt.Seq, err) }
	err = pr.RunWithContext(ctx)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		err = nil
	}
	return open.Load(), err
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
