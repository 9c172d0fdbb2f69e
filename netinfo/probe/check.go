package probe

import (
	"context"
	"errors"
	"net/netip"
	"time"
)

// StepName names a rung of the diagnosis ladder.
type StepName string

// The rungs, from the inside of the machine outwards. Each one only means
// something when every rung below it held.
const (
	StepLoopback StepName = "loopback"    // 127.0.0.1: the IP stack itself
	StepLAN      StepName = "lan_address" // this machine's own LAN address: its interface
	StepGateway  StepName = "gateway"     // the default gateway: the local network
	StepDNS      StepName = "dns"         // the internet host's name: name resolution
	StepInternet StepName = "internet"    // the internet host: the way out
)

// Reason says why a step failed or was skipped.
type Reason string

// The reasons.
const (
	ReasonNoReply     Reason = "no_reply"     // the target stayed silent
	ReasonUnreachable Reason = "unreachable"  // the system reported an error instead of a reply
	ReasonNotFound    Reason = "not_found"    // no LAN address or gateway could be found
	ReasonDNSFailed   Reason = "dns_failed"   // the name does not resolve
	ReasonDNSTimeout  Reason = "dns_timeout"  // no DNS answer in time
	ReasonPermission  Reason = "permission"   // ICMP is not allowed for this user
	ReasonOutOfTime   Reason = "out_of_time"  // the ladder's time budget ran out
	ReasonError       Reason = "error"        // anything else (Err says what)
	ReasonLowerFailed Reason = "lower_failed" // skipped: a rung below failed
	ReasonInterrupted Reason = "interrupted"  // skipped: Ctrl-C
	ReasonNoName      Reason = "no_name"      // skipped: the internet host is an address, DNS has nothing to do
)

// FailureReasons lists every reason a step can fail for.
func FailureReasons() []Reason {
	return []Reason{ReasonNoReply, ReasonUnreachable, ReasonNotFound, ReasonDNSFailed, ReasonDNSTimeout,
		ReasonPermission, ReasonOutOfTime, ReasonError}
}

// SkipReasons lists every reason a step can be skipped for.
func SkipReasons() []Reason { return []Reason{ReasonLowerFailed, ReasonInterrupted, ReasonNoName} }

// AllReasons lists every Reason: FailureReasons, then SkipReasons.
func AllReasons() []Reason { return append(FailureReasons(), SkipReasons()...) }

// Step is one rung's outcome.
type Step struct {
	Name    StepName `json:"name"`
	Target  string   `json:"target"`
	OK      bool     `json:"ok"`
	Skipped bool     `json:"skipped"`
	Reason  Reason   `json:"reason,omitempty"`
	RTTMs   float64  `json:"rtt_ms,omitempty"`  // first reply of a ping step
	Mode    Mode     `json:"mode,omitempty"`    // how a ping step pinged
	Address string   `json:"address,omitempty"` // what the DNS step found
	DNSMs   float64  `json:"dns_ms,omitempty"`  // how long the DNS step took
	Err     error    `json:"-"`
}

// Ladder budget and per-step limits: together they give a verdict within
// DefaultBudget even when every target is silent.
const (
	DefaultBudget    = 5 * time.Second
	DefaultInternet  = "www.baidu.com"
	checkPingLimit   = 1500 * time.Millisecond
	checkDNSLimit    = 2 * time.Second
	checkInterval    = 250 * time.Millisecond
	checkReplyWait   = time.Second
	checkProbesAtMax = 3
)

// DefaultLoopback is the first rung's target.
var DefaultLoopback = netip.MustParseAddr("127.0.0.1")

// CheckOptions configure the ladder. A zero LAN or Gateway is looked up
// with FindLAN or FindGateway; tests set all three targets.
type CheckOptions struct {
	Loopback     netip.Addr
	LAN          netip.Addr
	Gateway      netip.Addr
	InternetHost string
	FindLAN      func() (netip.Addr, error)
	FindGateway  func() (netip.Addr, error)
	Resolver     Resolver
	Pinger       Pinger
	Budget       time.Duration
	// OnStep sees each step as it finishes (skipped ones too).
	OnStep func(Step)
}

// CheckVerdict is the one-word judgement of the whole ladder; the command
// layer turns it into a sentence.
type CheckVerdict string

// The ladder's verdicts.
const (
	CheckOK     CheckVerdict = "ok"     // every step works
	CheckFailed CheckVerdict = "failed" // it breaks at FailedAt
	// CheckGatewayIgnoresPing: the gateway stayed silent, but DNS and the
	// internet host answered, so the network works; the router only
	// ignores ping, as many do.
	CheckGatewayIgnoresPing CheckVerdict = "gateway_ignores_ping"
	CheckInterrupted        CheckVerdict = "interrupted"
)

// CheckReport is the whole ladder.
type CheckReport struct {
	Steps []Step `json:"steps"`
	OK    bool   `json:"ok"`
	// FailedAt is the lowest step that failed.
	FailedAt    StepName     `json:"failed_at,omitempty"`
	Verdict     CheckVerdict `json:"verdict"`
	ElapsedMs   float64      `json:"elapsed_ms"`
	Interrupted bool         `json:"interrupted"`
}

// Permission tells whether the ladder stopped for lack of ICMP privilege.
func (r CheckReport) Permission() bool {
	for _, s := range r.Steps {
		if s.Reason == ReasonPermission {
			return true
		}
	}
	return false
}

// rung is one step of the ladder as data: its name and how to climb it.
type rung struct {
	name  StepName
	climb func(ctx context.Context, c *checker) Step
}

// ladder is the notes' order: each rung depends on all below it.
var ladder = []rung{
	{StepLoopback, func(ctx context.Context, c *checker) Step {
		return c.pingStep(ctx, StepLoopback, fixed(c.o.Loopback))
	}},
	{StepLAN, func(ctx context.Context, c *checker) Step {
		return c.pingStep(ctx, StepLAN, givenOr(c.o.LAN, c.o.FindLAN))
	}},
	{StepGateway, func(ctx context.Context, c *checker) Step {
		return c.pingStep(ctx, StepGateway, givenOr(c.o.Gateway, c.o.FindGateway))
	}},
	{StepDNS, func(ctx context.Context, c *checker) Step { return c.dnsStep(ctx) }},
	{StepInternet, func(ctx context.Context, c *checker) Step {
		return c.pingStep(ctx, StepInternet, fixed(c.internet))
	}},
}

// LadderSteps lists the rungs in the order Check climbs them.
func LadderSteps() []StepName {
	names := make([]StepName, len(ladder))
	for i, r := range ladder {
		names[i] = r.name
	}
	return names
}

type checker struct {
	o        CheckOptions
	internet netip.Addr // what the DNS step found
}

// Check climbs the ladder within the budget. It stops climbing at the
// first failure and reports the rungs above as skipped.
func Check(ctx context.Context, o CheckOptions) CheckReport {
	if !o.Loopback.IsValid() {
		o.Loopback = DefaultLoopback
	}
	if o.InternetHost == "" {
		o.InternetHost = DefaultInternet
	}
	if o.Budget <= 0 {
		o.Budget = DefaultBudget
	}
	onStep := o.OnStep
	if onStep == nil {
		onStep = func(Step) {}
	}
	start := time.Now()
	budget, cancel := context.WithTimeout(ctx, o.Budget)
	defer cancel()
	c := &checker{o: o}
	rep := CheckReport{OK: true}
	for _, r := range ladder {
		var s Step
		switch {
		case ctx.Err() != nil:
			rep.Interrupted = true
			s = Step{Name: r.name, Skipped: true, Reason: ReasonInterrupted}
		case !rep.OK:
			s = Step{Name: r.name, Skipped: true, Reason: ReasonLowerFailed}
		default:
			s = r.climb(budget, c)
			if !s.OK && budget.Err() != nil && ctx.Err() == nil {
				s.Reason = ReasonOutOfTime
			}
		}
		if !s.OK && !s.Skipped {
			if rep.FailedAt == "" {
				rep.FailedAt = s.Name
			}
			// Many routers ignore ping: a silent gateway proves nothing
			// yet, so DNS and the internet host are still tried.
			rep.OK = rep.OK && s.Name == StepGateway && s.Reason == ReasonNoReply
		}
		rep.Steps = append(rep.Steps, s)
		onStep(s)
	}
	rep.Interrupted = rep.Interrupted || ctx.Err() != nil
	rep.OK = rep.OK && !rep.Interrupted
	rep.Verdict = judgeLadder(&rep)
	rep.ElapsedMs = Millis(time.Since(start))
	return rep
}

// judgeLadder gives the verdict, and clears FailedAt when the only failure
// was a gateway that ignores ping while the internet answered.
func judgeLadder(rep *CheckReport) CheckVerdict {
	switch {
	case rep.Interrupted:
		return CheckInterrupted
	case !rep.OK:
		return CheckFailed
	case rep.FailedAt != "":
		rep.FailedAt = ""
		return CheckGatewayIgnoresPing
	}
	return CheckOK
}

func fixed(a netip.Addr) func() (netip.Addr, error) {
	return func() (netip.Addr, error) { return a, nil }
}

// givenOr uses the address the user gave, or finds one.
func givenOr(a netip.Addr, find func() (netip.Addr, error)) func() (netip.Addr, error) {
	if a.IsValid() || find == nil {
		return fixed(a)
	}
	return find
}

var errNotFound = errors.New("not found")

func (c *checker) pingStep(ctx context.Context, name StepName, target func() (netip.Addr, error)) Step {
	s := Step{Name: name}
	addr, err := target()
	if err != nil || !addr.IsValid() {
		s.Reason, s.Err = ReasonNotFound, err
		if err == nil {
			s.Err = errNotFound
		}
		return s
	}
	s.Target = addr.String()
	res, err := Run(ctx, Options{
		Host: addr.String(), Count: checkProbesAtMax, Interval: checkInterval,
		Timeout: checkReplyWait, Deadline: checkPingLimit, Size: DefaultSize, TTL: DefaultTTL,
		FirstReply: true, Resolver: c.o.Resolver, Pinger: c.o.Pinger,
	})
	s.Mode = res.Mode
	var perm *PermissionError
	switch {
	case errors.As(err, &perm):
		s.Reason, s.Err = ReasonPermission, err
	case err != nil:
		s.Reason, s.Err = ReasonError, err
	case res.Received > 0:
		s.OK, s.RTTMs = true, res.Replies[0].RTTMs
	case res.Errors > 0:
		s.Reason = ReasonUnreachable
	default:
		s.Reason = ReasonNoReply
	}
	return s
}

func (c *checker) dnsStep(ctx context.Context) Step {
	s := Step{Name: StepDNS, Target: c.o.InternetHost}
	if addr, err := netip.ParseAddr(c.o.InternetHost); err == nil {
		c.internet = addr.Unmap()
		s.Skipped, s.Reason = true, ReasonNoName // no lookup was made: it proves nothing about DNS
		return s
	}
	dctx, cancel := context.WithTimeout(ctx, checkDNSLimit)
	defer cancel()
	res, err := Resolve(dctx, c.o.Resolver, c.o.InternetHost, AnyFamily)
	var re *ResolveError
	switch {
	case errors.As(err, &re) && re.Timeout:
		s.Reason, s.Err = ReasonDNSTimeout, err
	case err != nil:
		s.Reason, s.Err = ReasonDNSFailed, err
	default:
		c.internet = res.Address
		s.OK, s.Address, s.DNSMs = true, res.Address.String(), Millis(res.Took)
	}
	return s
}
