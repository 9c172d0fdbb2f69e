package probe_test

import (
	"context"
	"errors"
	"math"
	"net/netip"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

// events collects what Run reports, safely.
type events struct {
	mu  sync.Mutex
	all []probe.Event
}

func (e *events) add(ev probe.Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.all = append(e.all, ev)
}

func (e *events) seqs(kind probe.EventKind) []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []int
	for _, ev := range e.all {
		if ev.Kind == kind {
			out = append(out, ev.Seq)
		}
	}
	return out
}

// runRecording runs o to the end and returns the result and every event.
func runRecording(t *testing.T, o probe.Options) (probe.Result, *events) {
	t.Helper()
	ev := &events{}
	o.OnEvent = ev.add
	res, err := probe.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return res, ev
}

func fastOptions(p probe.Pinger, count int) probe.Options {
	return probe.Options{
		Host: "127.0.0.1", Count: count, Interval: time.Millisecond,
		Timeout: 80 * time.Millisecond, Size: probe.DefaultSize, TTL: probe.DefaultTTL,
		Resolver: &probetest.Resolver{}, Pinger: p,
	}
}

func TestRunReportsLossesAndDuplicatesAsTheyHappen(t *testing.T) {
	fake := &probetest.Pinger{
		Lost: map[int]bool{1: true, 3: true},
		Dups: map[int]int{2: 1},
		RTTs: []time.Duration{time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond},
	}
	res, ev := runRecording(t, fastOptions(fake, 5))
	// The fake numbers its requests from 0, the results from 1 as iputils.
	if got := ev.seqs(probe.EventLost); !slices.Equal(got, []int{2, 4}) {
		t.Errorf("lost events %v, want [2 4]", got)
	}
	if got := ev.seqs(probe.EventDuplicate); !slices.Equal(got, []int{3}) {
		t.Errorf("duplicate events %v, want [3]", got)
	}
	if got := ev.seqs(probe.EventReply); !slices.Equal(got, []int{1, 3, 5}) {
		t.Errorf("reply events %v, want [1 3 5]", got)
	}
	if res.Sent != 5 || res.Received != 3 || res.Duplicates != 1 || res.LossPercent != 40 {
		t.Errorf("sent %d received %d dups %d loss %v, want 5 3 1 40",
			res.Sent, res.Received, res.Duplicates, res.LossPercent)
	}
	if !slices.Equal(res.Lost, []int{2, 4}) {
		t.Errorf("Lost %v, want [2 4]", res.Lost)
	}
	// Replies 0, 2, 4 take 1, 3, 2 ms; the duplicate of 2 another 3 ms.
	want := probe.RTTStats{MinMs: 1, AvgMs: 2.25, MaxMs: 3, MdevMs: 0.829}
	if res.RTTStats != want {
		t.Errorf("stats %+v, want %+v", res.RTTStats, want)
	}
	if res.Verdict.Code != probe.VerdictSomeLoss || !slices.Contains(res.Verdict.Notes, probe.NoteDuplicates) {
		t.Errorf("verdict %+v, want some_loss with duplicates", res.Verdict)
	}
	if res.Interrupted {
		t.Error("a completed run is not interrupted")
	}
}

func TestRunKeepsLateRepliesWhileStillRunning(t *testing.T) {
	fake := &probetest.Pinger{Late: map[int]time.Duration{0: 120 * time.Millisecond}}
	o := fastOptions(fake, 0) // until the deadline
	o.Interval = 200 * time.Millisecond
	o.Timeout = 40 * time.Millisecond
	o.Deadline = 300 * time.Millisecond
	res, ev := runRecording(t, o)
	if got := ev.seqs(probe.EventLate); !slices.Equal(got, []int{1}) {
		t.Fatalf("late events %v, want [1]", got)
	}
	if len(res.Replies) == 0 || !res.Replies[0].Late || res.Replies[0].Seq != 1 {
		t.Errorf("replies %+v, want seq 1 marked late first", res.Replies)
	}
	if slices.Contains(res.Lost, 1) {
		t.Errorf("Lost %v still holds the late seq 1", res.Lost)
	}
	if !slices.Contains(res.Verdict.Notes, probe.NoteLate) {
		t.Errorf("notes %v lack late", res.Verdict.Notes)
	}
}

func TestRunWithNoReplyEndsAndSaysSo(t *testing.T) {
	fake := &probetest.Pinger{Lost: map[int]bool{0: true, 1: true, 2: true}}
	res, err := probe.Run(context.Background(), fastOptions(fake, 3))
	if err != nil {
		t.Fatal(err)
	}
	if res.Received != 0 || res.LossPercent != 100 || res.Verdict.Code != probe.VerdictNoReply {
		t.Errorf("received %d loss %v verdict %s", res.Received, res.LossPercent, res.Verdict.Code)
	}
	if !slices.Equal(res.Lost, []int{1, 2, 3}) {
		t.Errorf("Lost %v", res.Lost)
	}
	if (res.RTTStats != probe.RTTStats{}) || res.Replies == nil {
		t.Errorf("stats %+v replies %#v with no reply", res.RTTStats, res.Replies)
	}
}

func TestRunCountsErrorsApartFromLosses(t *testing.T) {
	fake := &probetest.Pinger{SendFail: map[int]bool{0: true}, Refused: map[int]bool{1: true}}
	res, ev := runRecording(t, fastOptions(fake, 3))
	// A request that could not be sent counts as sent, as in iputils.
	if res.Sent != 3 || res.Errors != 2 || res.Refused != 1 || res.Received != 1 {
		t.Errorf("sent %d errors %d refused %d received %d, want 3 2 1 1",
			res.Sent, res.Errors, res.Refused, res.Received)
	}
	if got := ev.seqs(probe.EventError); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("error events %v", got)
	}
}

func TestRunReturnsPermissionErrors(t *testing.T) {
	denied := &probe.PermissionError{Tried: []probe.Mode{probe.ModeUnprivileged}, Err: errors.New("socket: permission denied")}
	_, err := probe.Run(context.Background(), fastOptions(&probetest.Pinger{Err: denied}, 1))
	var perm *probe.PermissionError
	if !errors.As(err, &perm) {
		t.Fatalf("err %v, want a *PermissionError", err)
	}
}

func TestRunStopsAtTheFirstReplyWhenAsked(t *testing.T) {
	fake := &probetest.Pinger{}
	o := fastOptions(fake, 3)
	o.Interval = 50 * time.Millisecond
	o.FirstReply = true
	res, err := probe.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Received != 1 || res.Sent != 1 {
		t.Errorf("sent %d received %d, want 1 1", res.Sent, res.Received)
	}
}

// TestRunUntilInterruptedStillSummarises covers -c 0 (until Ctrl-C) and
// -c 9223372036854775807, whose expected length overflows a Duration: it
// must not wrap into a bound in the past and end the run at once.
func TestRunUntilInterruptedStillSummarises(t *testing.T) {
	for _, count := range []int{0, math.MaxInt} {
		fake := &probetest.Pinger{}
		ctx, cancel := context.WithCancel(context.Background())
		o := fastOptions(fake, count)
		o.Interval = 5 * time.Millisecond
		o.OnEvent = func(ev probe.Event) {
			if ev.Kind == probe.EventReply && ev.Seq == 3 {
				cancel()
			}
		}
		res, err := probe.Run(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Interrupted || res.Received < 3 {
			t.Errorf("-c %d: interrupted %v received %d, want true and ≥3", count, res.Interrupted, res.Received)
		}
		if l := fake.Requests()[0].Limit; l != math.MaxInt64 {
			t.Errorf("-c %d: limit %v, want the largest Duration (only Ctrl-C ends it)", count, l)
		}
	}
}

func TestRunAlwaysGivesThePingerABound(t *testing.T) {
	fake := &probetest.Pinger{}
	o := fastOptions(fake, 2)
	if _, err := probe.Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	o.Count, o.Deadline = 0, 20*time.Millisecond
	res, err := probe.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Interrupted {
		t.Error("a run ended by -w is not interrupted")
	}
	reqs := fake.Requests()
	// Two requests 1 ms apart, the last given its 80 ms timeout, plus 1 s of slack.
	if want := time.Millisecond + 80*time.Millisecond + time.Second; reqs[0].Limit != want {
		t.Errorf("counted run limit %v, want %v", reqs[0].Limit, want)
	}
	if reqs[1].Limit != 20*time.Millisecond {
		t.Errorf("deadline run limit %v, want 20ms", reqs[1].Limit)
	}
}

func TestRunDistinguishesDNSFailureFromSilence(t *testing.T) {
	res := &probetest.Resolver{Addrs: map[string][]netip.Addr{"lo.test": {netip.MustParseAddr("127.0.0.2")}}}
	o := fastOptions(&probetest.Pinger{}, 1)
	o.Resolver, o.Host = res, "lo.test"
	r, ev := runRecording(t, o)
	if r.Address != netip.MustParseAddr("127.0.0.2") || r.DNSMs == nil {
		t.Errorf("address %v dns_ms %v", r.Address, r.DNSMs)
	}
	if ev.all[0].Kind != probe.EventResolved || !ev.all[0].Resolution.FromDNS {
		t.Errorf("first event %+v, want the DNS step", ev.all[0])
	}

	o.Host = "missing.test"
	_, err := probe.Run(context.Background(), o)
	var re *probe.ResolveError
	if !errors.As(err, &re) || !re.NotFound {
		t.Fatalf("err %v, want a not-found *ResolveError", err)
	}
}
