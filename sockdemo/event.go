// Package sockdemo runs the notes' TCP server and client for real and
// reports every step as an Event: socket, bind, listen, accept, recv, send,
// close on the server; socket, connect, send, recv, close on the client.
//
// The package never prints. A caller passes an Emit callback and renders the
// events (terminal, plain text, JSON lines), so lessons and tests reuse the
// same stream.
package sockdemo

import (
	"sync"
	"time"

	"github.com/netlearn/netlearn/netinfo/capture"
)

// Side says which program an event belongs to.
type Side string

// The two sides of the conversation.
const (
	SideServer Side = "server"
	SideClient Side = "client"
)

// Step names one socket operation, as in the notes.
type Step string

// The steps. AcceptWait and RecvWait are emitted just before the call that
// blocks, so a learner sees the program waiting.
const (
	StepSocket     Step = "socket"
	StepBind       Step = "bind"
	StepListen     Step = "listen"
	StepAcceptWait Step = "accept_wait"
	StepAccept     Step = "accept"
	StepRefuse     Step = "refuse"
	StepConnect    Step = "connect"
	StepSend       Step = "send"
	StepRecvWait   Step = "recv_wait"
	StepRecv       Step = "recv"
	StepClose      Step = "close"
	StepShutdown   Step = "shutdown"
	StepSummary    Step = "summary"
	// StepAfterClose makes no socket call: with a tracer it reports the
	// kernel's state of a connection the program has already closed, where
	// TIME_WAIT lives.
	StepAfterClose Step = "after_close"
	// StepSegment is a TCP segment seen on the wire (--packets), not a
	// socket call: its Segment says what it carried.
	StepSegment Step = "segment"
	// StepCapture closes a captured run with the kernel's capture counts.
	StepCapture Step = "capture"
)

// Reason says why a connection or the server closed, or why a client was
// refused. Renderers word it; its values are stable JSON.
type Reason string

// Reasons a connection or the server closed.
const (
	ReasonExit       Reason = "exit"        // the peer sent `exit`
	ReasonPeerClosed Reason = "peer_closed" // recv returned 0 bytes: the peer closed
	ReasonReset      Reason = "reset"       // the peer vanished (RST), e.g. it was killed
	ReasonIdle       Reason = "idle_timeout"
	ReasonShutdown   Reason = "shutdown"    // the server is stopping (Ctrl-C)
	ReasonDone       Reason = "done"        // the client had nothing more to send
	ReasonMaxClients Reason = "max_clients" // the server was full: refused, or told so
	ReasonError      Reason = "error"
	// ReasonStopReading: the server stopped after MaxReads (the slow
	// reader), leaving bytes unread.
	ReasonStopReading Reason = "stopped_reading"
)

// AllReasons lists every Reason, for the renderers' key tests.
func AllReasons() []Reason {
	return []Reason{ReasonExit, ReasonPeerClosed, ReasonReset, ReasonIdle, ReasonShutdown, ReasonDone,
		ReasonMaxClients, ReasonError, ReasonStopReading}
}

// Event is one step that really happened. Fields that do not apply to a
// step are left empty and omitted from JSON.
type Event struct {
	Seq    int64     `json:"seq"`
	Time   time.Time `json:"time"`
	Side   Side      `json:"side"`
	Client int       `json:"client,omitempty"` // the server's number for the connection, from 1
	Step   Step      `json:"step"`

	FD       int    `json:"fd,omitempty"`     // socket handle, for socket
	Family   string `json:"family,omitempty"` // "ipv4" or "ipv6", for socket
	Local    string `json:"local,omitempty"`
	Remote   string `json:"remote,omitempty"`
	Backlog  int    `json:"backlog,omitempty"`
	Bytes    int    `json:"bytes,omitempty"`     // bytes moved by this recv or send
	ReadSize int    `json:"read_size,omitempty"` // buffer size of a recv
	Text     string `json:"text,omitempty"`      // the bytes as safe text (see Sanitizer)
	Full     bool   `json:"full,omitempty"`      // the recv filled the buffer: more may follow
	Exit     bool   `json:"exit,omitempty"`      // the recv was the word exit
	Reason   Reason `json:"reason,omitempty"`    // why a connection closed or was refused
	Error    string `json:"error,omitempty"`
	TCPState string `json:"tcp_state,omitempty"` // kernel TCP state after the step (--trace)
	// Combined marks bind and listen on systems where Go's Listen does both
	// in one call: the step is reported after that call returned.
	Combined bool `json:"combined,omitempty"`

	BytesIn  int64    `json:"bytes_in,omitempty"` // totals, on close and summary
	BytesOut int64    `json:"bytes_out,omitempty"`
	Reads    int64    `json:"reads,omitempty"`
	Summary  *Summary `json:"summary,omitempty"`
	// Unread is what the socket still held unread when it was closed: the
	// kernel then aborts the connection with RST instead of FIN.
	Unread int `json:"unread,omitempty"`

	Segment *Segment       `json:"segment,omitempty"`
	Capture *capture.Stats `json:"capture,omitempty"`
}

// Summary is what a whole run did, sent as the last event.
type Summary struct {
	Clients  int   `json:"clients"`
	Refused  int   `json:"refused"`
	Messages int64 `json:"messages"`
	BytesIn  int64 `json:"bytes_in"`
	BytesOut int64 `json:"bytes_out"`
}

// Sequencer is the one place events are numbered: the server, the client
// and the capture of one run share it, so the callback sees one stream in
// Seq order. With record set it also keeps the events for a picture drawn
// at the end.
type Sequencer struct {
	mu     sync.Mutex
	seq    int64
	fn     func(Event)
	record bool
	events []Event
}

// NewSequencer numbers events and passes each to fn (which may be nil).
func NewSequencer(fn func(Event), record bool) *Sequencer {
	return &Sequencer{fn: fn, record: record}
}

// Emit stamps ev with the next number and, unless it has one (a captured
// segment keeps the kernel's), the time; then delivers it.
func (s *Sequencer) Emit(ev Event) {
	if s == nil || (s.fn == nil && !s.record) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	ev.Seq = s.seq
	if ev.Time.IsZero() {
		ev.Time = time.Now()
	}
	if s.record {
		s.events = append(s.events, ev)
	}
	if s.fn != nil {
		s.fn(ev)
	}
}

// Events are the events emitted so far, when recording.
func (s *Sequencer) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.events...)
}

// emitter adds the kernel TCP state to a side's events before they go to
// the run's sequencer.
type emitter struct {
	seq   *Sequencer
	trace Tracer
}

// newEmitter uses seq, or a sequencer of its own around fn.
func newEmitter(seq *Sequencer, fn func(Event), trace Tracer) *emitter {
	if seq == nil {
		seq = NewSequencer(fn, false)
	}
	return &emitter{seq: seq, trace: trace}
}

// emit delivers ev. With a tracer, it first asks the kernel for the TCP
// state of the socket the event is about.
func (e *emitter) emit(ev Event) {
	if e.trace != nil && ev.Local != "" {
		ev.TCPState = e.trace.State(ev.Local, ev.Remote)
	}
	e.seq.Emit(ev)
}
