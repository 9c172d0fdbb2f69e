package sockdemo

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netlearn/netlearn/netinfo/capture"
)

// Experiment settings that make every run look the same.
const (
	// SlowReaderBuffer is the server's SO_RCVBUF with --slow-reader: so
	// small that one message fills the receive window.
	SlowReaderBuffer = 2048
	// SlowReaderPause is how long the slow server leaves its data unread:
	// long enough for the sender's first window probes (after about 0.2 s,
	// then doubling).
	SlowReaderPause = 1500 * time.Millisecond
	// lingerForLastSegments is how long capture goes on after both sides
	// closed, for the last ACK (sent by the kernel, not by a call).
	lingerForLastSegments = 50 * time.Millisecond
)

// SlowReaderMessages is the conversation of --slow-reader: a greeting, a
// message of 8 KiB, far more than the small receive window, then exit
// (which the server, gone by then, never reads).
func SlowReaderMessages() []string {
	return []string{"hello", strings.Repeat("0123456789abcdef", 512), "exit"}
}

// PacketRun is one demo run on loopback with every segment captured. It
// must run inside a private network namespace, where the demo's are the
// only packets and lo may be captured.
type PacketRun struct {
	Messages []string
	// Lose drops the first copy of the client's Lose-th data segment (from
	// 1), so that TCP must retransmit it; 0 loses nothing.
	Lose int
	// SlowReader shrinks the server's receive buffer and pauses its reads.
	SlowReader bool
	// Pcap, when set, receives the capture as a pcap file.
	Pcap io.Writer
	// Emit receives every event: socket steps, segments, capture counts.
	Emit func(Event)
}

// Run performs the run. It returns the capture's error (none for a
// conversation that only failed: that is shown in the events).
func (r PacketRun) Run(ctx context.Context) error {
	sn, err := capture.Open("lo")
	if err != nil {
		return err
	}
	defer sn.Close()
	var pw *capture.PcapWriter
	if r.Pcap != nil {
		if pw, err = capture.NewPcapWriter(r.Pcap); err != nil {
			return err
		}
	}
	seq := NewSequencer(r.Emit, false)
	lose := &loser{nth: r.Lose, seen: make(chan struct{}, 1)}
	cfg := ServerConfig{Host: "127.0.0.1", Once: true, Seq: seq, OnAccept: lose.accepted}
	if r.SlowReader {
		// After the pause it reads twice more (the window reopens), then closes with bytes
		// still unread: its kernel aborts the connection with RST.
		cfg.RcvBuf, cfg.Pause, cfg.MaxReads = SlowReaderBuffer, SlowReaderPause, 3
	}
	srv, err := Listen(ctx, cfg)
	if err != nil {
		return err
	}
	watch := &watcher{sn: sn, pcap: pw, seq: seq, segs: NewSegmenter(srv.Addr()), lose: lose}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		watch.run()
	}()
	r.converse(ctx, srv, seq, lose)
	time.Sleep(lingerForLastSegments)
	sn.Stop()
	wg.Wait()
	stats, statErr := sn.Stats()
	seq.Emit(Event{Step: StepCapture, Capture: &stats})
	return errors.Join(watch.err, statErr)
}

// converse runs the server and client; their failures are events.
func (r PacketRun) converse(ctx context.Context, srv *Server, seq *Sequencer, lose *loser) {
	served := make(chan struct{})
	go func() {
		defer close(served)
		_, _ = srv.Serve(ctx)
	}()
	msgs := r.Messages
	if r.SlowReader {
		msgs = SlowReaderMessages()
	}
	ccfg := ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Seq: seq}
	if r.Lose > 0 {
		ccfg.AroundSend = lose.around
	}
	if cl, err := Dial(ctx, ccfg); err == nil {
		_ = cl.Converse(ctx, FromList(msgs...))
	} else {
		srv.Close()
	}
	<-served
}

// watcher turns captured frames into segment events.
type watcher struct {
	sn   *capture.Sniffer
	pcap *capture.PcapWriter
	seq  *Sequencer
	segs *Segmenter
	lose *loser
	err  error
}

func (w *watcher) run() {
	for {
		frame, at, err := w.sn.Next()
		if err != nil {
			if !errors.Is(err, capture.ErrStopped) {
				w.err = err
			}
			return
		}
		if w.pcap != nil && w.err == nil {
			w.err = w.pcap.Write(frame, at)
		}
		p, err := capture.Decode(frame, at)
		if err != nil {
			continue
		}
		seg, ok := w.segs.Add(p)
		if !ok {
			continue
		}
		side := SideClient
		if seg.Dir == ToClient {
			side = SideServer
		}
		w.seq.Emit(Event{Time: seg.Time, Side: side, Step: StepSegment, Segment: &seg})
		if seg.Dir == ToServer && seg.Len > 0 {
			w.lose.sawData()
		}
	}
}

// loser makes --lose happen: a socket filter on the server's connection
// drops incoming data segments while it is attached, from just before the
// chosen send until capture has seen that segment arrive. The sender's
// copy is then gone and its retransmission passes.
type loser struct {
	nth   int
	conn  atomic.Pointer[net.Conn]
	armed atomic.Bool
	seen  chan struct{}
}

func (l *loser) accepted(c net.Conn) { l.conn.Store(&c) }

func (l *loser) sawData() {
	if l.armed.Load() {
		select {
		case l.seen <- struct{}{}:
		default:
		}
	}
}

// around performs send n, losing it when it is the chosen one.
func (l *loser) around(n int, write func() error) error {
	c := l.conn.Load()
	if n != l.nth || c == nil {
		return write()
	}
	detach, err := dropData(*c)
	if err != nil {
		return err
	}
	l.armed.Store(true)
	werr := write()
	select {
	case <-l.seen:
	case <-time.After(time.Second):
	}
	// The filter runs where TCP receives the segment, just after capture
	// saw it; a moment later it has surely been dropped. The sender
	// retransmits after at least 200 ms, so this pause cannot catch the copy.
	time.Sleep(20 * time.Millisecond)
	l.armed.Store(false)
	return errors.Join(werr, detach())
}
