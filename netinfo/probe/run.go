package probe

import (
	"context"
	"errors"
	"math"
	"net/netip"
	"sync"
	"time"
)

// Defaults, as iputils has them where it has one.
const (
	DefaultCount    = 4
	DefaultInterval = time.Second
	DefaultSize     = 56
	DefaultTTL      = 64
	// DefaultTimeout is how long a request may wait for its reply before it
	// is reported lost. iputils waits up to 10 s at the end of a run; a
	// learner watching losses "as they happen" is better served by 2 s,
	// still far above any round trip on Earth.
	DefaultTimeout = 2 * time.Second
	// MinSize is the smallest payload pro-bing can send: it carries a send
	// timestamp and a tracking UUID in every request.
	MinSize = 24
	// MaxSize keeps an IPv4 echo request within one 65535-byte packet.
	MaxSize = 65507
	// MinUserInterval is the shortest interval iputils allows without
	// privilege today ("minimal interval allowed for user is 2ms"; old
	// versions said 200 ms); faster is a flood.
	MinUserInterval = 2 * time.Millisecond
	// resolveLimit bounds the DNS step of a plain ping.
	resolveLimit = 5 * time.Second
	// limitSlack is added to a counted run's expected length for the
	// library's own safety bound.
	limitSlack = time.Second
)

// Options describe one ping run.
type Options struct {
	Host     string
	Family   Family
	Count    int           // requests; 0 = until ctx ends or Deadline
	Interval time.Duration // between requests
	Timeout  time.Duration // per reply (-W)
	Deadline time.Duration // whole run (-w); 0 = none
	Size     int
	TTL      int
	// FirstReply ends the run at the first reply (the check ladder).
	FirstReply bool

	Resolver Resolver
	Pinger   Pinger
	// OnEvent sees every event as it happens, one at a time. May be nil.
	OnEvent func(Event)
}

// Result is a finished run: what iputils prints at the end, and more.
type Result struct {
	Host        string     `json:"host"`
	Address     netip.Addr `json:"address"`
	DNSMs       *float64   `json:"dns_ms"` // null when the host was an address
	Mode        Mode       `json:"mode"`
	Port        int        `json:"port,omitempty"` // TCP mode only
	Size        int        `json:"size,omitempty"` // ICMP payload bytes
	Sent        int        `json:"sent"`
	Received    int        `json:"received"`
	Duplicates  int        `json:"duplicates"`
	Errors      int        `json:"errors"`
	Refused     int        `json:"refused,omitempty"`
	LossPercent float64    `json:"loss_percent"`
	RTTStats
	Replies     []Reply `json:"replies"`
	Lost        []int   `json:"lost"`
	ElapsedMs   float64 `json:"elapsed_ms"`
	Interrupted bool    `json:"interrupted"`
	Verdict     Verdict `json:"verdict"`
}

// Run resolves the host and pings it. It returns a *ResolveError when the
// name does not resolve, a target error for bad input, a *PermissionError
// when no mode is allowed, and otherwise a Result, also when ctx ended
// (then Interrupted is set).
func Run(ctx context.Context, o Options) (Result, error) {
	start := time.Now()
	res, err := resolveFor(ctx, o)
	if err != nil {
		return Result{}, err
	}
	emit := orNop(o.OnEvent)
	emit(Event{Kind: EventResolved, Resolution: res})

	runCtx, cancel := runContext(ctx, o)
	defer cancel()
	t := newTracker(o.Count, o.Timeout, emit, cancel)
	t.first = o.FirstReply

	var wg sync.WaitGroup
	wg.Go(func() { watchLosses(runCtx, t, o.Timeout) })
	_, perr := o.Pinger.Ping(runCtx, requestFor(o, res.Address), t.hooks())
	cancel()
	wg.Wait()
	// A reply that raced the end still counts; anything overdue is lost.
	t.expire(time.Now())

	r := Result{Host: res.Host, Address: res.Address, Size: o.Size}
	if res.FromDNS {
		ms := Millis(res.Took)
		r.DNSMs = &ms
	}
	t.fill(&r)
	r.ElapsedMs = Millis(time.Since(start))
	r.Interrupted = ctx.Err() != nil
	r.Verdict = Judge(r)
	if perr != nil && !errors.Is(perr, context.Canceled) && !errors.Is(perr, context.DeadlineExceeded) {
		return r, perr
	}
	return r, nil
}

func resolveFor(ctx context.Context, o Options) (Resolution, error) {
	rctx, cancel := context.WithTimeout(ctx, resolveLimit)
	defer cancel()
	return Resolve(rctx, o.Resolver, o.Host, o.Family)
}

// runContext bounds a run: by -w when given, else by the length a counted
// run should take plus one timeout, so that no lost reply can hang it.
func runContext(ctx context.Context, o Options) (context.Context, context.CancelFunc) {
	if limit := runLimit(o); limit > 0 {
		return context.WithTimeout(ctx, limit)
	}
	return context.WithCancel(ctx)
}

func runLimit(o Options) time.Duration {
	if o.Deadline > 0 {
		return o.Deadline
	}
	if o.Count > 0 {
		fixed := o.Timeout + limitSlack
		// A huge -c times a long -i overflows a Duration and would wrap
		// to a bound in the past; such a run is bounded by Ctrl-C anyway.
		if o.Interval > 0 && int64(o.Count-1) > int64(math.MaxInt64-fixed)/int64(o.Interval) {
			return math.MaxInt64
		}
		return time.Duration(o.Count-1)*o.Interval + fixed
	}
	return 0
}

func requestFor(o Options, addr netip.Addr) Request {
	limit := runLimit(o)
	if limit == 0 {
		// -c 0 without -w runs until Ctrl-C: the context ends it.
		limit = math.MaxInt64
	}
	return Request{
		Addr: addr, Count: o.Count, Interval: o.Interval, Timeout: o.Timeout,
		Size: o.Size, TTL: o.TTL, Limit: limit,
	}
}

// watchLosses checks for overdue requests often enough that a loss is
// reported within a tenth of the timeout, until ctx ends.
func watchLosses(ctx context.Context, t *tracker, timeout time.Duration) {
	every := min(max(timeout/10, 5*time.Millisecond), 100*time.Millisecond)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			t.expire(now)
		}
	}
}

// orNop returns f, or a callback that does nothing when f is nil. The
// tracker calls it under its lock, so events never overlap.
func orNop(f func(Event)) func(Event) {
	if f == nil {
		return func(Event) {}
	}
	return f
}
