package ping

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

// Summarize computes the statistics the way iputils does: mdev is
// sqrt(mean(rtt²) − mean(rtt)²), the population standard deviation, and
// like iputils the round trips of duplicate replies are included.
func Summarize(rtts []time.Duration) RTTStats {
	if len(rtts) == 0 {
		return RTTStats{}
	}
	lo, hi := rtts[0], rtts[0]
	var sum, sum2 float64
	for _, d := range rtts {
		lo, hi = min(lo, d), max(hi, d)
		ms := float64(d) / float64(time.Millisecond)
		sum += ms
		sum2 += ms * ms
	}
	n := float64(len(rtts))
	mean := sum / n
	// Rounding can push the difference a hair below zero for equal values.
	variance := math.Max(sum2/n-mean*mean, 0)
	return RTTStats{
		MinMs:  Millis(lo),
		AvgMs:  roundMicro(mean),
		MaxMs:  Millis(hi),
		MdevMs: roundMicro(math.Sqrt(variance)),
	}
}

// LossPercent is iputils' packet loss: requests without a (first) reply,
// as a share of requests sent. Nothing sent is no loss.
func LossPercent(sent, received int) float64 {
	if sent <= 0 {
		return 0
	}
	return float64(sent-received) * 100 / float64(sent)
}

func roundMicro(ms float64) float64 { return math.Round(ms*1000) / 1000 }

// Scope is how far away an address is, which decides what a reply proves.
type Scope string

// The scopes.
const (
	ScopeLoopback Scope = "loopback" // this machine talking to itself
	ScopeLocal    Scope = "local"    // the local network (private, link-local, ULA)
	ScopeInternet Scope = "internet" // anything else
)

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
