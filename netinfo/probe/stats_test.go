package probe_test

import (
	"math"
	"net/netip"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
)

func TestSummarizeMatchesIputilsFormula(t *testing.T) {
	ms := func(v ...float64) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x * float64(time.Millisecond))
		}
		return out
	}
	var longRun []time.Duration
	for range 15000 {
		longRun = append(longRun, 100*time.Millisecond, 200*time.Millisecond)
	}
	cases := []struct {
		in   []time.Duration
		want probe.RTTStats
	}{
		{nil, probe.RTTStats{}},
		{ms(0.05), probe.RTTStats{MinMs: 0.05, AvgMs: 0.05, MaxMs: 0.05, MdevMs: 0}},
		{ms(10, 10, 10), probe.RTTStats{MinMs: 10, AvgMs: 10, MaxMs: 10, MdevMs: 0}},
		// mean 2.5, mean of squares 7.5: sqrt(7.5-6.25) = 1.118
		{ms(1, 2, 3, 4), probe.RTTStats{MinMs: 1, AvgMs: 2.5, MaxMs: 4, MdevMs: 1.118}},
		// iputils truncates: 137 µs / 3 = 45 µs, not 45.67 rounded up.
		{ms(0.031, 0.045, 0.061), probe.RTTStats{MinMs: 0.031, AvgMs: 0.045, MaxMs: 0.061, MdevMs: 0.012}},
		// Sub-microsecond parts are dropped before summing, as iputils never sees them.
		{ms(0.0419, 0.0421), probe.RTTStats{MinMs: 0.041, AvgMs: 0.041, MaxMs: 0.042, MdevMs: 0.000}},
		// 30000 replies, half 100 ms and half 200 ms: a sum above 2³¹ µs,
		// where iputils switches formula to avoid overflow.
		{longRun, probe.RTTStats{MinMs: 100, AvgMs: 150, MaxMs: 200, MdevMs: 50}},
	}
	for _, c := range cases {
		if got := probe.Summarize(c.in); got != c.want {
			t.Errorf("Summarize(%d round trips) = %+v, want %+v", len(c.in), got, c.want)
		}
	}
}

func TestLossPercent(t *testing.T) {
	cases := []struct {
		sent, recv int
		want       float64
	}{{0, 0, 0}, {4, 4, 0}, {4, 3, 25}, {3, 2, 100.0 / 3}, {5, 0, 100}}
	for _, c := range cases {
		if got := probe.LossPercent(c.sent, c.recv); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("LossPercent(%d, %d) = %v, want %v", c.sent, c.recv, got, c.want)
		}
	}
}

func TestScopeOf(t *testing.T) {
	cases := map[string]probe.Scope{
		"127.0.0.2": probe.ScopeLoopback, "::1": probe.ScopeLoopback,
		"192.168.1.1": probe.ScopeLocal, "10.0.0.1": probe.ScopeLocal, "fe80::1": probe.ScopeLocal,
		"fd00::1": probe.ScopeLocal, "8.8.8.8": probe.ScopeInternet, "2001:4860::1": probe.ScopeInternet,
	}
	for a, want := range cases {
		if got := probe.ScopeOf(netip.MustParseAddr(a)); got != want {
			t.Errorf("ScopeOf(%s) = %s, want %s", a, got, want)
		}
	}
}

func TestJudge(t *testing.T) {
	lo := netip.MustParseAddr("127.0.0.1")
	cases := []struct {
		name string
		r    probe.Result
		want probe.VerdictCode
	}{
		{"all back", probe.Result{Address: lo, Sent: 4, Received: 4}, probe.VerdictOK},
		{"some lost", probe.Result{Address: lo, Sent: 4, Received: 1}, probe.VerdictSomeLoss},
		{"silence", probe.Result{Address: lo, Sent: 4}, probe.VerdictNoReply},
		{"refused", probe.Result{Address: lo, Sent: 4, Errors: 4, Refused: 4}, probe.VerdictPortClosed},
		{"errors", probe.Result{Address: lo, Sent: 2, Errors: 2}, probe.VerdictUnreachable},
		{"nothing sent", probe.Result{Address: lo}, probe.VerdictNothingSent},
	}
	for _, c := range cases {
		if got := probe.Judge(c.r); got.Code != c.want || got.Scope != probe.ScopeLoopback {
			t.Errorf("%s: %+v, want %s in loopback scope", c.name, got, c.want)
		}
	}
	far := netip.MustParseAddr("192.0.2.1")
	jittery := probe.Result{Address: far, Sent: 3, Received: 3,
		RTTStats: probe.RTTStats{AvgMs: 20, MdevMs: 15}}
	if v := probe.Judge(jittery); len(v.Notes) != 1 || v.Notes[0] != probe.NoteJitter {
		t.Errorf("jitter notes %v", v.Notes)
	}
	for _, steady := range []probe.Result{
		{Address: far, Sent: 3, Received: 3, RTTStats: probe.RTTStats{AvgMs: 0.04, MdevMs: 0.03}},
		{Address: lo, Sent: 3, Received: 3, RTTStats: probe.RTTStats{AvgMs: 0.8, MdevMs: 1.4}},
	} {
		if v := probe.Judge(steady); len(v.Notes) != 0 {
			t.Errorf("%v: wobble judged as %v", steady.Address, v.Notes)
		}
	}
}
