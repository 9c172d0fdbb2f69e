package probe

import (
	"slices"
	"testing"
	"time"
)

// TestTrackerExpiresAgainstTheTimeout drives the loss detection with a
// made-up clock, so the boundary is exact.
func TestTrackerExpiresAgainstTheTimeout(t *testing.T) {
	var lost []int
	stopped := false
	tr := newTracker(3, time.Second, func(ev Event) {
		if ev.Kind == EventLost {
			lost = append(lost, ev.Seq)
		}
	}, func() { stopped = true })
	t0 := time.Unix(1000, 0)
	now := t0
	tr.now = func() time.Time { return now }
	tr.sentOne(0)
	now = t0.Add(500 * time.Millisecond)
	tr.sentOne(1)
	now = t0.Add(time.Second)
	tr.sentOne(2)

	tr.expire(t0.Add(999 * time.Millisecond))
	if len(lost) != 0 {
		t.Fatalf("lost %v before any timeout passed", lost)
	}
	tr.expire(t0.Add(time.Second))
	if !slices.Equal(lost, []int{0}) || stopped {
		t.Fatalf("lost %v stopped %v, want [0] and still running", lost, stopped)
	}
	tr.reply(NewReply(2, 64, 64, time.Millisecond))
	tr.expire(t0.Add(1500 * time.Millisecond))
	if !slices.Equal(lost, []int{0, 1}) || !stopped {
		t.Fatalf("lost %v stopped %v, want [0 1] and stopped", lost, stopped)
	}
	var r Result
	tr.fill(&r)
	if r.Sent != 3 || r.Received != 1 || !slices.Equal(r.Lost, []int{0, 1}) {
		t.Errorf("result %+v", r)
	}
}

func TestTrackerWindowKeepsTheRecentPast(t *testing.T) {
	tr := newTracker(0, time.Second, func(Event) {}, func() {})
	for i := range windowSize + 5 {
		tr.sentOne(i)
		tr.reply(NewReply(i, 64, 64, time.Duration(i)*time.Millisecond))
	}
	w := tr.windowCopy()
	if len(w) != windowSize || w[0] != 5 || w[len(w)-1] != windowSize+4 {
		t.Errorf("window has %d values from %v to %v", len(w), w[0], w[len(w)-1])
	}
}

// TestTrackerKeepsMicrosecondsExact: a reply carries milliseconds as a
// float, and 1.001 ms times 1000 is 1000.999… in floating point; the
// statistics must still say 1.001, as iputils would.
func TestTrackerKeepsMicrosecondsExact(t *testing.T) {
	tr := newTracker(0, time.Second, func(Event) {}, func() {})
	for seq, us := range []int{1001, 2003} {
		tr.sentOne(seq)
		tr.reply(NewReply(seq, 64, 64, time.Duration(us)*time.Microsecond))
	}
	var r Result
	tr.fill(&r)
	if r.MinMs != 1.001 || r.MaxMs != 2.003 || r.AvgMs != 1.502 {
		t.Errorf("stats %+v, want min 1.001 avg 1.502 max 2.003", r.RTTStats)
	}
}

// BenchmarkTrackerSendAndReply is netlearn's own cost per echo: the send
// hook runs inside pro-bing's round-trip window on loopback (the reply is
// processed only after the hook returns), so it must stay tiny.
func BenchmarkTrackerSendAndReply(b *testing.B) {
	tr := newTracker(0, time.Second, func(Event) {}, func() {})
	reply := NewReply(0, 64, 64, 50*time.Microsecond)
	for i := 0; b.Loop(); i++ {
		tr.sentOne(i)
		reply.Seq = i
		tr.reply(reply)
	}
}
