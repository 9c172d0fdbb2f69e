package probe

import (
	"errors"
	"math"
	"slices"
	"sync"
	"time"
)

// EventKind says what an Event reports.
type EventKind string

// The events of a run, in the order they usually come.
const (
	EventResolved  EventKind = "resolved"  // the DNS step is done (Resolution)
	EventReady     EventKind = "ready"     // the socket is open (Mode)
	EventReply     EventKind = "reply"     // a first reply (Reply)
	EventDuplicate EventKind = "duplicate" // a further reply to the same request (Reply)
	EventLost      EventKind = "lost"      // no reply within the timeout (Seq)
	EventLate      EventKind = "late"      // a reply after its request was reported lost (Reply)
	EventError     EventKind = "error"     // a send error or an error answer (Seq, Err)
)

// Event is one thing that happened during a run, for live display.
type Event struct {
	Kind       EventKind
	Seq        int
	Reply      Reply
	Resolution Resolution
	Mode       Mode
	Err        error
	// Window holds the recent round trips (ms), oldest first, with -1 for a
	// lost request: what a live RTT picture draws.
	Window []float64
}

// windowSize is how many recent round trips Event.Window keeps.
const windowSize = 60

// tracker turns a Pinger's raw hooks into events and statistics. pro-bing
// has no per-request timeout, so the tracker keeps the requests still in
// flight and declares one lost once it has waited longer than timeout.
type tracker struct {
	mu      sync.Mutex
	count   int
	timeout time.Duration
	first   bool // stop at the first reply
	emit    func(Event)
	stop    func()
	now     func() time.Time

	mode       Mode
	inFlight   map[int]time.Time
	lost       map[int]bool
	sent       int
	sendErrs   int
	answerErrs int
	refused    int
	replies    []Reply
	rtts       []time.Duration // every reply's round trip, duplicates included
	duplicates int
	window     []float64
}

func newTracker(count int, timeout time.Duration, emit func(Event), stop func()) *tracker {
	return &tracker{
		count: count, timeout: timeout, emit: emit, stop: stop, now: time.Now,
		inFlight: map[int]time.Time{}, lost: map[int]bool{},
	}
}

// hooks are what a Pinger reports to. A Pinger numbers its requests from
// 0; the tracker numbers them from 1, as iputils does (icmp_seq=1 first),
// in every event and in the Result.
func (t *tracker) hooks() Hooks {
	fromOne := func(r Reply) Reply { r.Seq++; return r }
	return Hooks{
		Ready:      t.ready,
		Sent:       func(seq int) { t.sentOne(seq + 1) },
		Reply:      func(r Reply) { t.reply(fromOne(r)) },
		Duplicate:  func(r Reply) { t.duplicate(fromOne(r)) },
		SendFailed: func(seq int, err error) { t.sendFailed(seq+1, err) },
		Failed:     func(seq int, err error) { t.failed(seq+1, err) },
	}
}

func (t *tracker) ready(m Mode) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.mode = m
	t.emit(Event{Kind: EventReady, Mode: m})
}

func (t *tracker) sentOne(seq int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sent++
	t.inFlight[seq] = t.now()
}

func (t *tracker) reply(r Reply) {
	t.mu.Lock()
	defer t.mu.Unlock()
	kind := EventReply
	if t.lost[r.Seq] {
		delete(t.lost, r.Seq)
		r.Late, kind = true, EventLate
	}
	delete(t.inFlight, r.Seq)
	t.replies = append(t.replies, r)
	t.addRTT(r.RTTMs)
	t.emit(Event{Kind: kind, Seq: r.Seq, Reply: r, Window: t.windowCopy()})
	if t.first {
		t.stop()
	}
	t.checkDone()
}

func (t *tracker) duplicate(r Reply) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.duplicates++
	t.addRTT(r.RTTMs)
	t.emit(Event{Kind: EventDuplicate, Seq: r.Seq, Reply: r, Window: t.windowCopy()})
}

// sendFailed counts a request that could not leave this machine as sent,
// as iputils does ("pretend we sent packet"): the summary then shows it as
// transmitted, not received, and as an error.
func (t *tracker) sendFailed(seq int, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sent++
	t.sendErrs++
	t.emit(Event{Kind: EventError, Seq: seq, Err: err})
	t.checkDone()
}

func (t *tracker) failed(seq int, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.inFlight, seq)
	t.answerErrs++
	if errors.Is(err, ErrRefused) {
		t.refused++
	}
	t.emit(Event{Kind: EventError, Seq: seq, Err: err})
	t.checkDone()
}

// expire reports as lost every request that has waited at least the
// timeout, lowest sequence first.
func (t *tracker) expire(now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var overdue []int
	for seq, at := range t.inFlight {
		if now.Sub(at) >= t.timeout {
			overdue = append(overdue, seq)
		}
	}
	slices.Sort(overdue)
	for _, seq := range overdue {
		delete(t.inFlight, seq)
		t.lost[seq] = true
		t.pushWindow(-1)
		t.emit(Event{Kind: EventLost, Seq: seq, Window: t.windowCopy()})
	}
	t.checkDone()
}

// checkDone stops the run once every request of a counted run has been
// tried and is answered, lost or failed. The caller holds the lock.
func (t *tracker) checkDone() {
	if t.count > 0 && t.sent >= t.count && len(t.inFlight) == 0 {
		t.stop()
	}
}

// addRTT records a round trip given in milliseconds with microsecond
// precision. Rounding to whole microseconds undoes the float error
// (0.131 ms may come back as 130.999… µs) before Summarize truncates.
func (t *tracker) addRTT(ms float64) {
	t.rtts = append(t.rtts, time.Duration(math.Round(ms*1000))*time.Microsecond)
	t.pushWindow(ms)
}

func (t *tracker) pushWindow(v float64) {
	t.window = append(t.window, v)
	if len(t.window) > windowSize {
		t.window = t.window[len(t.window)-windowSize:]
	}
}

func (t *tracker) windowCopy() []float64 { return slices.Clone(t.window) }

// fill copies the counts into r. Requests still in flight when the run
// ended (Ctrl-C, -w) count as lost, as iputils counts them.
func (t *tracker) fill(r *Result) {
	t.mu.Lock()
	defer t.mu.Unlock()
	r.Mode = t.mode
	r.Sent = t.sent
	r.Received = len(t.replies)
	r.Duplicates = t.duplicates
	r.Errors = t.sendErrs + t.answerErrs
	r.Refused = t.refused
	r.LossPercent = LossPercent(r.Sent, r.Received)
	r.RTTStats = Summarize(t.rtts)
	r.Replies = append([]Reply{}, t.replies...) // [] rather than null in JSON
	r.Lost = make([]int, 0, len(t.lost)+len(t.inFlight))
	for seq := range t.lost {
		r.Lost = append(r.Lost, seq)
	}
	for seq := range t.inFlight {
		r.Lost = append(r.Lost, seq)
	}
	slices.Sort(r.Lost)
}
