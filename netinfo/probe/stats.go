package probe

import (
	"math"
	"net/netip"
	"time"
)

// RTTStats are iputils' "rtt min/avg/max/mdev" line, in milliseconds. All
// are zero when nothing came back.
type RTTStats struct {
	MinMs  float64 `json:"rtt_min_ms"`
	AvgMs  float64 `json:"rtt_avg_ms"`
	MaxMs  float64 `json:"rtt_max_ms"`
	MdevMs float64 `json:"rtt_mdev_ms"`
}

// Summarize computes the statistics exactly as iputils does, so that the
// two tools agree to the printed digit on the same round trips: in whole
// microseconds, the average truncated, mdev the population standard
// deviation sqrt(mean(rtt²) − mean(rtt)²) rounded down. Like iputils it
// includes the round trips of duplicate replies.
func Summarize(rtts []time.Duration) RTTStats {
	if len(rtts) == 0 {
		return RTTStats{}
	}
	lo, hi := rtts[0], rtts[0]
	var sum, sum2 int64 // µs and µs²
	for _, d := range rtts {
		lo, hi = min(lo, d), max(hi, d)
		us := d.Microseconds()
		sum += us
		sum2 += us * us
	}
	n := int64(len(rtts))
	avg := sum / n
	var variance int64
	if sum < math.MaxInt32 {
		// iputils' order of operations: exact for short round trips.
		variance = (sum2 - sum*sum/n) / n
	} else {
		// sum² would overflow; iputils switches to this form too.
		variance = sum2/n - avg*avg
	}
	return RTTStats{
		MinMs:  Millis(lo),
		AvgMs:  float64(avg) / 1000,
		MaxMs:  Millis(hi),
		MdevMs: float64(isqrt(variance)) / 1000,
	}
}

// isqrt is the integer square root rounded down (0 for v ≤ 0), by
// Newton's method as iputils' llsqrt computes it.
func isqrt(v int64) int64 {
	if v <= 0 {
		return 0
	}
	x, prev := v, int64(math.MaxInt64)
	for x < prev {
		prev = x
		x = (x + v/x) / 2
	}
	return prev
}

// LossPercent is iputils' packet loss: requests without a (first) reply,
// as a share of requests sent. Nothing sent is no loss.
func LossPercent(sent, received int) float64 {
	if sent <= 0 {
		return 0
	}
	return float64(sent-received) * 100 / float64(sent)
}

// Scope is how far away an address is, which decides what a reply proves.
type Scope string

// The scopes.
const (
	ScopeLoopback Scope = "loopback" // this machine talking to itself
	ScopeLocal    Scope = "local"    // the local network (private, link-local, ULA)
	ScopeInternet Scope = "internet" // anything else
)

// AllScopes lists every Scope.
func AllScopes() []Scope { return []Scope{ScopeLoopback, ScopeLocal, ScopeInternet} }

// ScopeOf tells which scope an address belongs to.
func ScopeOf(a netip.Addr) Scope {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return ScopeLoopback
	case a.IsPrivate(), a.IsLinkLocalUnicast():
		return ScopeLocal
	}
	return ScopeInternet
}
