// Package probe checks whether hosts answer, for `netlearn ping`: it sends
// echo requests (ICMP through pro-bing, or timed TCP connects) and turns what
// comes back into events, iputils-style statistics and a verdict a learner
// can act on. It also runs the notes' diagnosis
// ladder: local stack → own LAN address → gateway → DNS → internet host.
//
// The package never prints. Everything that touches the network sits behind
// two small interfaces, Pinger and Resolver, so that losses, duplicates and
// verdicts can be tested with fakes.
package probe

import (
	"context"
	"net/netip"
	"time"
)

// Mode is how the echo requests were sent.
type Mode string

// The modes, in the order an ICMP pinger tries them.
const (
	// ModeUnprivileged uses the kernel's "ping socket" (a datagram ICMP
	// socket), allowed for groups listed in net.ipv4.ping_group_range on
	// Linux and for everyone on macOS.
	ModeUnprivileged Mode = "unprivileged"
	// ModePrivileged uses a raw ICMP socket: root, CAP_NET_RAW or a
	// Windows administrator.
	ModePrivileged Mode = "privileged"
	// ModeTCP times a TCP connect instead of an ICMP echo.
	ModeTCP Mode = "tcp"
)

// AllModes lists every Mode.
func AllModes() []Mode { return []Mode{ModeUnprivileged, ModePrivileged, ModeWindowsAPI, ModeTCP} }

// Request is what a Pinger is asked to do.
type Request struct {
	Addr     netip.Addr
	Count    int           // echo requests to send; 0 means until ctx ends
	Interval time.Duration // between two requests
	Timeout  time.Duration // how long one request may wait for its reply
	Size     int           // ICMP payload bytes
	TTL      int           // IP time to live (hop limit)
	// Limit bounds the whole run inside the library as a second line of
	// defence; the caller's context is the first. Zero means no bound
	// besides the context.
	Limit time.Duration
}

// Reply is one answer to an echo request.
type Reply struct {
	Seq int `json:"seq"`
	// TTL is 0 (and omitted) where it is unknown: in TCP mode (a connect
	// carries none), for ICMPv6 through Windows' ping service, and for raw
	// sockets on Windows, which do not hand the IP header over.
	TTL   int     `json:"ttl,omitempty"`
	RTTMs float64 `json:"rtt_ms"`
	Bytes int     `json:"bytes,omitempty"`
	// Late is set when the reply came after the request had already been
	// reported lost (after -W).
	Late bool `json:"late,omitempty"`
}

// NewReply builds a Reply from a measured round trip.
func NewReply(seq, ttl, bytes int, rtt time.Duration) Reply {
	return Reply{Seq: seq, TTL: ttl, RTTMs: Millis(rtt), Bytes: bytes}
}

// Millis turns a duration into milliseconds rounded to the microsecond,
// the precision iputils prints.
func Millis(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}

// Hooks are how a Pinger reports what happens, as it happens. A Pinger
// may call them from several goroutines but never after Ping returns.
type Hooks struct {
	Ready      func(Mode)             // the socket is open; requests follow
	Sent       func(seq int)          // a request left
	Reply      func(Reply)            // the first answer to a request
	Duplicate  func(Reply)            // a further answer to the same request
	SendFailed func(seq int, e error) // the request could not be sent at all
	Failed     func(seq int, e error) // the request was answered with an error (e.g. refused)
}

// Pinger sends echo requests to one address.
type Pinger interface {
	// Ping sends req.Count requests (or until ctx ends) and reports them
	// through h. It returns the mode it used. It returns early, without an
	// error, when ctx ends.
	Ping(ctx context.Context, req Request, h Hooks) (Mode, error)
}
