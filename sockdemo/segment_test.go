package sockdemo

import (
	"net/netip"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/capture"
)

var (
	testServer = netip.MustParseAddrPort("127.0.0.1:8888")
	testClient = netip.MustParseAddrPort("127.0.0.1:40000")
)

// pkt is a captured packet from the client (toServer) or the server.
func pkt(toServer bool, ms int, seq, ack uint32, f capture.Flags, win uint16, payload string, opts capture.Options) capture.Packet {
	p := capture.Packet{Time: time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond), Src: testServer, Dst: testClient,
		Seq: seq, Ack: ack, Flags: f, Window: win, Payload: []byte(payload), Options: opts}
	if toServer {
		p.Src, p.Dst = testClient, testServer
	}
	return p
}

var noOpts = capture.Options{WindowScale: -1}

// A conversation with every kind of segment: the reasons, the relative
// numbers, the scaled windows.
func TestSegmenterExplainsEachSegment(t *testing.T) {
	const cISN, sISN = 1000, 5000
	ack, psh := capture.Flags{ACK: true}, capture.Flags{ACK: true, PSH: true}
	pkts := []capture.Packet{
		pkt(true, 0, cISN, 0, capture.Flags{SYN: true}, 65495, "", capture.Options{MSS: 65495, WindowScale: 7, SACKOK: true}),
		pkt(false, 1, sISN, cISN+1, capture.Flags{SYN: true, ACK: true}, 65483, "", capture.Options{WindowScale: 2}),
		pkt(true, 2, cISN+1, sISN+1, ack, 512, "", noOpts),
		pkt(true, 3, cISN+1, sISN+1, psh, 512, "你好", noOpts),
		pkt(false, 4, sISN+1, cISN+7, ack, 0, "", noOpts),       // window 0
		pkt(true, 5, cISN+6, sISN+1, ack, 512, "", noOpts),      // probe: an old seq
		pkt(false, 6, sISN+1, cISN+7, ack, 100, "", noOpts),     // window reopens
		pkt(true, 7, cISN+7, sISN+1, psh, 512, "abc", noOpts),   // data
		pkt(true, 300, cISN+7, sISN+1, psh, 512, "abc", noOpts), // the same again
		pkt(false, 301, sISN+1, cISN+10, ack, 100, "", noOpts),
		pkt(true, 302, cISN+10, sISN+1, capture.Flags{FIN: true, ACK: true}, 512, "", noOpts),
		pkt(false, 303, sISN+1, cISN+11, ack, 100, "", noOpts),
		pkt(false, 304, sISN+1, 0, capture.Flags{RST: true}, 0, "", noOpts),
	}
	want := []struct {
		why            Why
		flags          string
		relSeq, relAck uint32
		window         int
	}{
		{WhySYN, "SYN", 0, 0, 65495},
		{WhySYNACK, "SYN+ACK", 0, 1, 65483},
		{WhyHandshakeACK, "ACK", 1, 1, 512 << 7},
		{WhyData, "PSH+ACK", 1, 1, 512 << 7},
		{WhyWindowZero, "ACK", 1, 7, 0},
		{WhyWindowProbe, "ACK", 6, 1, 512 << 7},
		{WhyWindowUpdate, "ACK", 1, 7, 100 << 2},
		{WhyData, "PSH+ACK", 7, 1, 512 << 7},
		{WhyRetransmit, "PSH+ACK", 7, 1, 512 << 7},
		{WhyAckData, "ACK", 1, 10, 400},
		{WhyFIN, "FIN+ACK", 10, 1, 512 << 7},
		{WhyAckFIN, "ACK", 1, 11, 400},
		{WhyRST, "RST", 1, 0, 0},
	}
	sg := NewSegmenter(testServer)
	for i, p := range pkts {
		s, ok := sg.Add(p)
		w := want[i]
		if !ok || s.Why != w.why || s.Flags != w.flags || s.RelSeq != w.relSeq || s.RelAck != w.relAck || s.Window != w.window {
			t.Errorf("segment %d: %s %s rel %d/%d win %d, want %s %s rel %d/%d win %d", i,
				s.Why, s.Flags, s.RelSeq, s.RelAck, s.Window, w.why, w.flags, w.relSeq, w.relAck, w.window)
		}
		switch i {
		case 3:
			if s.Payload != "你好" || s.Len != 6 {
				t.Errorf("data segment %+v", s)
			}
		case 8:
			if !s.Retransmission || s.After != 293*time.Millisecond {
				t.Errorf("retransmission %+v", s)
			}
		case 9:
			if s.Acked != 3 {
				t.Errorf("ack confirms %d bytes, want 3", s.Acked)
			}
		case 11:
			if s.Acked != 0 {
				t.Errorf("the ACK of a FIN confirms %d bytes, want none", s.Acked)
			}
		}
	}
	other := pkt(true, 0, 1, 0, capture.Flags{SYN: true}, 1, "", noOpts)
	other.Dst = netip.MustParseAddrPort("127.0.0.1:9")
	if _, ok := sg.Add(other); ok {
		t.Error("a packet of another connection was taken")
	}
}

// Without a window-scale option on both SYNs, windows are not scaled.
func TestWindowScaleNeedsBothSides(t *testing.T) {
	sg := NewSegmenter(testServer)
	sg.Add(pkt(true, 0, 1, 0, capture.Flags{SYN: true}, 100, "", capture.Options{WindowScale: 7}))
	sg.Add(pkt(false, 1, 1, 2, capture.Flags{SYN: true, ACK: true}, 100, "", noOpts))
	s, _ := sg.Add(pkt(true, 2, 2, 2, capture.Flags{ACK: true}, 100, "", noOpts))
	if s.Window != 100 {
		t.Fatalf("window %d, want 100 unscaled", s.Window)
	}
}

func TestInferredShowsRSTForUnreadBytes(t *testing.T) {
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	events := []Event{
		{Seq: 1, Time: at(0), Side: SideClient, Step: StepConnect},
		{Seq: 2, Time: at(1), Side: SideServer, Step: StepAccept},
		{Seq: 3, Time: at(2), Side: SideClient, Step: StepSend, Bytes: 5},
		{Seq: 4, Time: at(3), Side: SideServer, Step: StepRecv, Bytes: 5},
		{Seq: 5, Time: at(4), Side: SideServer, Step: StepSend, Bytes: 14},
		{Seq: 6, Time: at(5), Side: SideServer, Step: StepSend, Bytes: 14},
		{Seq: 7, Time: at(6), Side: SideClient, Step: StepRecv, Bytes: 14},
		{Seq: 8, Time: at(7), Side: SideClient, Step: StepClose, Unread: 14},
		{Seq: 9, Time: at(8), Side: SideServer, Step: StepClose},
	}
	p := Inferred(events)
	if !p.Inferred || !p.NoBoundaries || !p.HasRST() {
		t.Fatalf("picture %+v: want inferred, no boundaries, RST", p)
	}
	var closes []string
	for _, r := range p.Rows {
		if len(r.Client) == 1 && r.Client[0].Step == StepClose {
			closes = append(closes, r.Segment.Flags)
			if r.Unread != 14 {
				t.Errorf("RST row reports %d unread bytes, want 14", r.Unread)
			}
		}
	}
	if len(closes) != 1 || closes[0] != "RST" {
		t.Fatalf("client close drawn as %v, want RST", closes)
	}
}

func TestMessageBoundaries(t *testing.T) {
	send := func(side Side, n int) Event { return Event{Side: side, Step: StepSend, Bytes: n} }
	recv := func(side Side, n int) Event { return Event{Side: side, Step: StepRecv, Bytes: n} }
	cases := []struct {
		name   string
		events []Event
		want   bool
	}{
		{"one send, one recv", []Event{send(SideClient, 5), recv(SideServer, 5)}, false},
		{"one send, two recvs", []Event{send(SideClient, 3000), recv(SideServer, 1024), recv(SideServer, 1976)}, true},
		{"two sends, one recv", []Event{send(SideServer, 14), send(SideServer, 14), recv(SideClient, 28)}, true},
		{"unread at close", []Event{send(SideServer, 14), {Side: SideClient, Step: StepClose, Unread: 14}}, true},
	}
	for _, c := range cases {
		if got := noBoundaries(c.events); got != c.want {
			t.Errorf("%s: no boundaries %v, want %v", c.name, got, c.want)
		}
	}
}

// In a captured picture the first copy of retransmitted bytes is marked
// lost, and only that copy; the streamed events stay unmarked.
func TestCapturedMarksTheLostCopy(t *testing.T) {
	t0 := time.Unix(0, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	first := &Segment{Time: at(1), Dir: ToServer, Flags: "PSH+ACK", RelSeq: 7, Len: 7, Why: WhyData}
	other := &Segment{Time: at(2), Dir: ToClient, Flags: "PSH+ACK", RelSeq: 7, Len: 3, Why: WhyData}
	again := &Segment{Time: at(200), Dir: ToServer, Flags: "PSH+ACK", RelSeq: 7, Len: 7, Why: WhyRetransmit, Retransmission: true}
	var events []Event
	for i, s := range []*Segment{first, other, again} {
		events = append(events, Event{Seq: int64(i + 1), Time: s.Time, Side: SideClient, Step: StepSegment, Segment: s})
	}
	p := Captured(events)
	var lost []bool
	for _, r := range p.Rows {
		lost = append(lost, r.Segment.Lost)
	}
	if len(lost) != 3 || !lost[0] || lost[1] || lost[2] {
		t.Fatalf("lost marks %v, want [true false false]", lost)
	}
	if first.Lost {
		t.Fatal("the streamed event's segment was changed")
	}
}
