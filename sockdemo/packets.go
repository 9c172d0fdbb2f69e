package sockdemo

import (
	"context"
	"errors"
	"io"
	"net"
	"net/netip"
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
	// lingerForLastSegments is how long capture may go on after both
	// sides closed, waiting for the last ACK (sent by the kernel, not by
	// a call); it stops as soon as the connection is over on the wire.
	lingerForLastSegments = 200 * time.Millisecond
)

// SlowReaderMessages is the conversation of --slow-reader: a greeting,
// then a message of 8 KiB, far more than the small receive window.
func SlowReaderMessages() []string {
	return []string{"hello", strings.Repeat("0123456789abcdef", 512)}
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
	// Client, when set, replaces the scripted client: it talks to the
	// server at addr (benchmarks send a burst). The server then echoes
	// and reports no per-message events.
	Client func(ctx context.Context, addr netip.AddrPort) error
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
	if r.Client != nil {
		cfg.Echo, cfg.Quiet = true, true
	}
	if r.SlowReader {
		// After the pause it reads twice more without answering (the
		// window reopens), then closes with bytes still unread: its kernel
		// aborts the connection with RST while the client waits for an
		// answer, so the ending is the same on every run.
		cfg.RcvBuf, cfg.Pause, cfg.MaxReads, cfg.MaxReplies = SlowReaderBuffer, SlowReaderPause, 3, 1
	}
	srv, err := Listen(ctx, cfg)
	if err != nil {
		return err
	}
	watch := &watcher{sn: sn, pcap: pw, seq: seq, segs: NewSegmenter(srv.Addr()), lose: lose, over: make(chan struct{})}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		watch.run()
	}()
	clientErr := r.converse(ctx, srv, seq, lose)
	select {
	case <-watch.over:
	case <-time.After(lingerForLastSegments):
	}
	sn.Stop()
	wg.Wait()
	stats, statErr := sn.Stats()
	seq.Emit(Event{Step: StepCapture, Capture: &stats})
	return errors.Join(watch.readErr, watch.err, statErr, clientErr)
}

// converse runs the server and client. The scripted client's failures
// are events; a custom client's error is returned.
func (r PacketRun) converse(ctx context.Context, srv *Server, seq *Sequencer, lose *loser) error {
	served := make(chan struct{})
	go func() {
		defer close(served)
		_, _ = srv.Serve(ctx)
	}()
	defer func() { <-served }()
	if r.Client != nil {
		return r.Client(ctx, srv.Addr())
	}
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
	return nil
}

// watcher turns captured frames into segment events.
type watcher struct {
	sn   *capture.Sniffer
	pcap *capture.PcapWriter
	seq  *Sequencer
	segs *Segmenter
	lose *loser
	err  error // decoding goroutine's (the pcap file's)
	// readErr is the reading goroutine's.
	readErr  error
	over     chan struct{}
	overSaid bool // closed once the connection is over on the wire
}

// run drains the kernel's queue in one goroutine, copying each frame
// out, while another decodes and explains them: under a burst the socket
// is emptied at copying speed, so the kernel drops nothing.
func (w *watcher) run() {
	frames := make(chan frame, 4096)
	go func() {
		defer close(frames)
		for {
			data, at, err := w.sn.Next()
			if err != nil {
				if !errors.Is(err, capture.ErrStopped) {
					w.readErr = err // read once frames is closed
				}
				return
			}
			frames <- frame{data: append([]byte(nil), data...), at: at}
		}
	}()
	for f := range frames {
		w.explain(f)
	}
}

type frame struct {
	data []byte
	at   time.Time
}

func (w *watcher) explain(f frame) {
	if w.pcap != nil && w.err == nil {
		w.err = w.pcap.Write(f.data, f.at)
	}
	p, err := capture.Decode(f.data, f.at)
	if err != nil {
		return
	}
	seg, ok := w.segs.Add(p)
	if !ok {
		return
	}
	side := SideClient
	if seg.Dir == ToClient {
		side = SideServer
	}
	w.seq.Emit(Event{Time: seg.Time, Side: side, Step: StepSegment, Segment: &seg})
	if seg.Dir == ToServer && seg.Len > 0 {
		w.lose.sawData()
	}
	if w.segs.Over() && !w.overSaid {
		close(w.over)
		w.overSaid = true
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
