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
)

// AllReasons lists every Reason, for the renderers' key tests.
func AllReasons() []Reason {
	return []Reason{ReasonExit, ReasonPeerClosed, ReasonReset, ReasonIdle, ReasonShutdown, ReasonDone,
		ReasonMaxClients, ReasonError}
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
}

// Summary is what a whole run did, sent as the last event.
type Summary struct {
	Clients  int   `json:"clients"`
	Refused  int   `json:"refused"`
	Messages int64 `json:"messages"`
	BytesIn  int64 `json:"bytes_in"`
	BytesOut int64 `json:"bytes_out"`
}

// emitter numbers events and hands them to the callback one at a time, so
// the order the callback sees is the Seq order even with many connections.
type emitter struct {
	mu    sync.Mutex
	seq   int64
	fn    func(Event)
	trace Tracer
}

func newEmitter(fn func(Event), trace Tracer) *emitter {
	return &emitter{fn: fn, trace: trace}
}

// emit stamps and delivers ev. With a tracer, it first asks the kernel for
// the TCP state of the socket the event is about.
func (e *emitter) emit(ev Event) {
	if e.fn == nil {
		return
	}
	if e.trace != nil && ev.Local != "" {
		ev.TCPState = e.trace.State(ev.Local, ev.Remote)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.seq++
	ev.Seq = e.seq
	ev.Time = time.Now()
	e.fn(ev)
}
