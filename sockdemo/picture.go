package sockdemo

import (
	"slices"
	"strings"
	"time"
)

// StepNumber is the notes' number for a step: server 1-7, client 1-5; 0
// for steps the notes do not number (waits count as their call).
func StepNumber(side Side, step Step) int {
	return stepNumbers[side][step]
}

// NumberedSteps lists, per side, the steps the notes number.
func NumberedSteps() map[Side][]Step {
	out := map[Side][]Step{}
	for side, steps := range stepNumbers {
		for step := range steps {
			out[side] = append(out[side], step)
		}
	}
	return out
}

var stepNumbers = map[Side]map[Step]int{
	SideServer: {
		StepSocket: 1, StepBind: 2, StepListen: 3,
		StepAcceptWait: 4, StepAccept: 4, StepRefuse: 4,
		StepRecvWait: 5, StepRecv: 5, StepSend: 6,
		StepClose: 7, StepShutdown: 7,
	},
	SideClient: {
		StepSocket: 1, StepConnect: 2, StepSend: 3,
		StepRecvWait: 4, StepRecv: 4, StepClose: 5, StepAfterClose: 5,
	},
}

// Row is one line of the exchange picture: a segment on the wire, with
// the socket steps at each end that sent or received it. In a captured
// picture a socket step has a row of its own (Segment nil).
type Row struct {
	At      time.Time
	Segment *Segment
	Server  []Event // the server's steps on this row (several recvs of one send)
	Client  []Event
	// Unread, on an RST row, is what the side that sent it left unread
	// when it closed: the reason the kernel aborted.
	Unread int
}

// Picture is the exchange over time.
type Picture struct {
	Rows []Row
	// Inferred says the segments were inferred from socket events, not
	// captured: only their flags and payload sizes are known.
	Inferred bool
	// NoBoundaries says this run showed that TCP keeps no message
	// boundaries: a send arrived as several recvs, several sends as one
	// recv, or bytes were left unread.
	NoBoundaries bool
}

// pictured are the socket steps a picture shows.
func pictured(ev Event) bool {
	switch ev.Step {
	case StepConnect, StepAccept, StepSend, StepRecv, StepClose:
		return ev.Error == ""
	}
	return false
}

// Captured is the picture of a run with a capture: every segment and
// every socket step, in time order.
func Captured(events []Event) Picture {
	p := Picture{NoBoundaries: noBoundaries(events)}
	for _, ev := range events {
		switch {
		case ev.Step == StepSegment && ev.Segment != nil:
			p.Rows = append(p.Rows, Row{At: ev.Segment.Time, Segment: ev.Segment})
		case pictured(ev):
			p.Rows = append(p.Rows, stepRow(ev))
		}
	}
	slices.SortStableFunc(p.Rows, func(a, b Row) int { return a.At.Compare(b.At) })
	markLost(p.Rows)
	unread := unreadAtClose(events)
	for i, r := range p.Rows {
		if r.Segment != nil && r.Segment.Why == WhyRST {
			p.Rows[i].Unread = unread[senderOf(r.Segment.Dir)]
		}
	}
	return p
}

// markLost marks the first copy of each retransmitted segment: the one
// that got no ACK. The rows get copies, so the events stay as streamed.
func markLost(rows []Row) {
	for i, r := range rows {
		re := r.Segment
		if re == nil || !re.Retransmission {
			continue
		}
		for j := range rows[:i] {
			s := rows[j].Segment
			if s != nil && !s.Retransmission && s.Dir == re.Dir && s.RelSeq == re.RelSeq && s.Len > 0 {
				lost := *s
				lost.Lost = true
				rows[j].Segment = &lost
				break
			}
		}
	}
}

// unreadAtClose is what each side left unread when it closed.
func unreadAtClose(events []Event) map[Side]int {
	m := map[Side]int{}
	for _, ev := range events {
		if ev.Step == StepClose {
			m[ev.Side] = ev.Unread
		}
	}
	return m
}

func senderOf(d Dir) Side {
	if d == ToServer {
		return SideClient
	}
	return SideServer
}

func stepRow(ev Event) Row {
	r := Row{At: ev.Time}
	if ev.Side == SideServer {
		r.Server = []Event{ev}
	} else {
		r.Client = []Event{ev}
	}
	return r
}

// Inferred is the picture drawn from socket events alone: the three-way
// handshake inside connect, each send paired with the peer's recvs of
// those bytes, and each close's FIN, or RST when it left bytes unread. A
// recv that pairs with no send still gets a row: nothing received is left
// out. The two programs run concurrently, so rows are ordered by the
// earlier time of each pair.
func Inferred(events []Event) Picture {
	p := &pairing{events: events, used: map[int64]bool{}}
	pic := Picture{Inferred: true, NoBoundaries: noBoundaries(events)}
	for _, ev := range events {
		switch {
		case ev.Side == SideClient && ev.Step == StepConnect && ev.Error == "":
			pic.Rows = append(pic.Rows, p.handshake(ev)...)
		case ev.Step == StepSend:
			pic.Rows = append(pic.Rows, p.data(ev))
		case ev.Step == StepClose:
			pic.Rows = append(pic.Rows, closeRow(ev))
		}
	}
	pic.Rows = append(pic.Rows, p.strayRecvs()...)
	slices.SortStableFunc(pic.Rows, func(a, b Row) int { return a.At.Compare(b.At) })
	return pic
}

// pairing hands out each event at most once, so no recv is drawn twice.
type pairing struct {
	events []Event
	used   map[int64]bool
}

// take returns the first event of side and step not yet drawn.
func (p *pairing) take(side Side, step Step) (Event, bool) {
	for _, ev := range p.events {
		if ev.Side == side && ev.Step == step && ev.Error == "" && !p.used[ev.Seq] {
			p.used[ev.Seq] = true
			return ev, true
		}
	}
	return Event{}, false
}

// takeRecvs returns side's next recvs until they hold n bytes: TCP may
// deliver one send in several recvs (a message larger than the buffer).
func (p *pairing) takeRecvs(side Side, n int) []Event {
	var got []Event
	for total := 0; total < n; {
		ev, ok := p.take(side, StepRecv)
		if !ok {
			break
		}
		got = append(got, ev)
		total += ev.Bytes
	}
	return got
}

func inferredSegment(at time.Time, dir Dir, flags string, n int) *Segment {
	return &Segment{Time: at, Dir: dir, Flags: flags, Len: n, Inferred: true}
}

// handshake is the three segments connect and accept share.
func (p *pairing) handshake(connect Event) []Row {
	at := connect.Time
	var server []Event
	if acc, ok := p.take(SideServer, StepAccept); ok {
		at, server = earlier(at, acc.Time), []Event{acc}
	}
	return []Row{
		{At: at, Client: []Event{connect}, Segment: inferredSegment(at, ToServer, "SYN", 0)},
		{At: at, Segment: inferredSegment(at, ToClient, "SYN+ACK", 0)},
		{At: at, Server: server, Segment: inferredSegment(at, ToServer, "ACK", 0)},
	}
}

// data is one message or reply: the sender's send and the receiver's
// recvs of it.
func (p *pairing) data(send Event) Row {
	dir := ToServer
	if send.Side == SideServer {
		dir = ToClient
	}
	r := Row{At: send.Time, Segment: inferredSegment(send.Time, dir, "PSH+ACK", send.Bytes)}
	recvs := p.takeRecvs(peerOf(send.Side), send.Bytes)
	if len(recvs) > 0 {
		r.At = earlier(r.At, recvs[0].Time)
	}
	if dir == ToServer {
		r.Client, r.Server = []Event{send}, recvs
	} else {
		r.Server, r.Client = []Event{send}, recvs
	}
	return r
}

// closeRow is the FIN a side's close sends, or the RST when the socket
// still held unread bytes: the kernel then aborts the connection.
func closeRow(ev Event) Row {
	dir, flags := ToServer, "FIN"
	if ev.Side == SideServer {
		dir = ToClient
	}
	if ev.Unread > 0 {
		flags = "RST"
	}
	r := stepRow(ev)
	r.Segment = inferredSegment(ev.Time, dir, flags, 0)
	r.Unread = ev.Unread
	return r
}

// strayRecvs are the recvs no send accounted for, on the receiver's side only.
func (p *pairing) strayRecvs() []Row {
	var rows []Row
	for _, side := range []Side{SideServer, SideClient} {
		for ev, ok := p.take(side, StepRecv); ok; ev, ok = p.take(side, StepRecv) {
			dir := ToServer
			if side == SideClient {
				dir = ToClient
			}
			r := stepRow(ev)
			r.Segment = inferredSegment(ev.Time, dir, "PSH+ACK", ev.Bytes)
			rows = append(rows, r)
		}
	}
	return rows
}

// noBoundaries compares, for each direction, the sizes of the sends with
// the sizes of the recvs: TCP carries a byte stream, so they need not
// match. Bytes left unread count too.
func noBoundaries(events []Event) bool {
	sent := map[Side][]int{}
	got := map[Side][]int{}
	for _, ev := range events {
		switch {
		case ev.Step == StepSend:
			sent[ev.Side] = append(sent[ev.Side], ev.Bytes)
		case ev.Step == StepRecv && ev.Error == "" && ev.Bytes > 0:
			got[peerOf(ev.Side)] = append(got[peerOf(ev.Side)], ev.Bytes)
		case ev.Step == StepClose && ev.Unread > 0:
			return true
		}
	}
	return !slices.Equal(sent[SideClient], got[SideClient]) || !slices.Equal(sent[SideServer], got[SideServer])
}

func peerOf(s Side) Side {
	if s == SideClient {
		return SideServer
	}
	return SideClient
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// Evidence is what a captured picture shows of TCP's reliability.
type Evidence struct {
	Retransmitted *Segment // the first retransmission
	FirstData     *Segment // the first segment with data: its checksum
	ZeroWindow    bool     // a receiver advertised window 0
	Probes        int      // window probes sent
}

// Evidence finds the segments that show acknowledgements' partners:
// retransmission, checksums and flow control.
func (p Picture) Evidence() Evidence {
	var ev Evidence
	for _, r := range p.Rows {
		s := r.Segment
		switch {
		case s == nil || s.Inferred:
		case s.Retransmission && ev.Retransmitted == nil:
			ev.Retransmitted = s
		case s.Len > 0 && ev.FirstData == nil:
			ev.FirstData = s
		case s.Probe:
			ev.Probes++
		}
		if s != nil && s.Why == WhyWindowZero {
			ev.ZeroWindow = true
		}
	}
	return ev
}

// HasRST says whether some segment of the picture is a reset.
func (p Picture) HasRST() bool {
	for _, r := range p.Rows {
		if r.Segment != nil && strings.Contains(r.Segment.Flags, "RST") {
			return true
		}
	}
	return false
}
