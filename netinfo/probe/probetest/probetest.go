// Package probetest has scripted fakes of probe.Pinger and probe.Resolver, so
// that losses, duplicates, late replies, refusals and DNS failures can be
// tested without a network. No netlearn binary imports it.
package probetest

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
)

// ErrSend is what a scripted send failure reports.
var ErrSend = errors.New("sendto: network is unreachable")

// Pinger answers echo requests as scripted. The zero value answers every
// request once, at once, reporting a 1 ms round trip, in unprivileged mode.
type Pinger struct {
	Mode     probe.Mode            // reported mode; unprivileged when empty
	Err      error                 // returned at once, before the socket "opens"
	Lost     map[int]bool          // requests never answered
	Late     map[int]time.Duration // requests answered only after this delay
	Dups     map[int]int           // extra copies of a reply
	Refused  map[int]bool          // requests answered with ping.ErrRefused
	SendFail map[int]bool          // requests that cannot be sent (ErrSend)
	RTTs     []time.Duration       // reported round trips, used in turn; 1 ms when empty
	TTL      int                   // reported TTL; 64 when zero, unknown (0) when negative
	// Silent addresses never answer anything (the ladder's dead gateway).
	Silent []netip.Addr

	mu       sync.Mutex
	requests []probe.Request
}

// Requests returns every request the fake was given, in order.
func (p *Pinger) Requests() []probe.Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]probe.Request(nil), p.requests...)
}

// Ping implements probe.Pinger. Like pro-bing it returns only when ctx ends
// or req.Limit passes; the caller stops it once everything is accounted for.
func (p *Pinger) Ping(ctx context.Context, req probe.Request, h probe.Hooks) (probe.Mode, error) {
	p.mu.Lock()
	p.requests = append(p.requests, req)
	p.mu.Unlock()
	if p.Err != nil {
		return "", p.Err
	}
	mode := p.Mode
	if mode == "" {
		mode = probe.ModeUnprivileged
	}
	h.Ready(mode)
	limit := time.NewTimer(req.Limit)
	defer limit.Stop()
	var wg sync.WaitGroup
	defer wg.Wait() // no hook after Ping returns
	for seq := 0; req.Count == 0 || seq < req.Count; seq++ {
		p.answer(ctx, &wg, req.Addr, seq, h)
		if !probe.Sleep(ctx, req.Interval) {
			return mode, nil
		}
	}
	select {
	case <-ctx.Done():
	case <-limit.C:
	}
	return mode, nil
}

func (p *Pinger) answer(ctx context.Context, wg *sync.WaitGroup, addr netip.Addr, seq int, h probe.Hooks) {
	if p.SendFail[seq] {
		h.SendFailed(seq, ErrSend)
		return
	}
	h.Sent(seq)
	switch {
	case p.isSilent(addr), p.Lost[seq]:
	case p.Refused[seq]:
		h.Failed(seq, probe.ErrRefused)
	case p.Late[seq] > 0:
		wg.Go(func() {
			if probe.Sleep(ctx, p.Late[seq]) {
				h.Reply(p.reply(seq))
			}
		})
	default:
		h.Reply(p.reply(seq))
		for range p.Dups[seq] {
			h.Duplicate(p.reply(seq))
		}
	}
}

func (p *Pinger) reply(seq int) probe.Reply {
	rtt := time.Millisecond
	if len(p.RTTs) > 0 {
		rtt = p.RTTs[seq%len(p.RTTs)]
	}
	ttl := p.TTL
	switch {
	case ttl == 0:
		ttl = 64
	case ttl < 0:
		ttl = 0 // what a Pinger reports when the OS does not tell
	}
	return probe.NewReply(seq, ttl, 64, rtt)
}

func (p *Pinger) isSilent(a netip.Addr) bool {
	for _, s := range p.Silent {
		if s == a {
			return true
		}
	}
	return false
}

// Resolver answers lookups from a table. A name not in it fails as
// "no such host"; with Hang set, every lookup waits until ctx ends.
type Resolver struct {
	Addrs map[string][]netip.Addr
	Hang  bool

	mu    sync.Mutex
	calls []string
}

// Calls returns the names looked up, in order.
func (r *Resolver) Calls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.calls...)
}

// LookupNetIP implements probe.Resolver.
func (r *Resolver) LookupNetIP(ctx context.Context, _ string, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	r.calls = append(r.calls, host)
	r.mu.Unlock()
	if r.Hang {
		<-ctx.Done()
		return nil, &net.DNSError{Err: "i/o timeout", Name: host, IsTimeout: true}
	}
	if addrs, ok := r.Addrs[host]; ok {
		return addrs, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}
