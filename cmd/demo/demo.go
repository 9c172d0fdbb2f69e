// Package demo implements `netlearn demo`: the notes' TCP server and
// client run for real, every socket step shown as it happens.
package demo

import (
	"context"
	"errors"
	"sync"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/sockdemo"
)

// Options are the parsed flags of `netlearn demo` alone.
type Options struct {
	F *cmdutil.Factory

	JSON  bool
	Trace bool
	// Messages is the scripted conversation the client sends.
	Messages []string
}

// scriptedMessages is the conversation of `netlearn demo`: a word, a
// multi-byte word, then exit as in the notes.
var scriptedMessages = []string{"hello", "你好", "exit"}

// NewCmdDemo returns `netlearn demo` with its server and client
// subcommands. runF replaces the in-process run in parsing tests.
func NewCmdDemo(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f, Messages: scriptedMessages}
	tr := f.Tr
	c := &cobra.Command{
		Use:     "demo",
		Short:   tr.T("demo.short"),
		Long:    tr.T("demo.long"),
		Example: tr.T("demo.example"),
		Args:    cmdutil.NoArgs(f),
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return demoRun(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, tr.T("demo.flag.json"))
	c.Flags().BoolVar(&opts.Trace, "trace", false, tr.T("demo.flag.trace"))
	c.Flags().StringArrayVarP(&opts.Messages, "message", "m", scriptedMessages, tr.T("demo.flag.script"))
	c.AddCommand(NewCmdServer(f, nil), NewCmdClient(f, nil))
	return c
}

// merged gathers both sides' events into one stream numbered in the order
// they arrive, and passes each on.
type merged struct {
	mu     sync.Mutex
	seq    int64
	events []sockdemo.Event
	next   func(sockdemo.Event)
}

func (m *merged) emit(ev sockdemo.Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq++
	ev.Seq = m.seq
	m.events = append(m.events, ev)
	m.next(ev)
}

// demoRun runs a --once server and a client in this process on a free
// loopback port, shows the conversation in two columns, then the exchange
// as a picture over time.
func demoRun(ctx context.Context, opts *Options) error {
	f := opts.F
	trace := tracer(f, opts.Trace)
	l := f.IO.Output().WithJSON(opts.JSON)
	code := codeContext{Host: "127.0.0.1", ReadSize: sockdemo.DefaultReadSize,
		Backlog: sockdemo.DefaultBacklog, Reply: sockdemo.DefaultReply}
	// Two columns and a picture are a terminal's layout; JSON and piped
	// text get the same records as the server and client commands.
	view := newColumns(l, f.Tr, code)
	out := &merged{next: view.print}
	if l.IsTerminal() {
		view.header()
	} else {
		out.next = newEventStream(l, newDescriber(f.Tr, code, l.ColorScheme()), false).Print
	}
	srv, err := sockdemo.Listen(ctx, sockdemo.ServerConfig{Host: "127.0.0.1", Once: true, Emit: out.emit, Tracer: trace})
	if err != nil {
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.listen", "addr", "127.0.0.1:0", "err", err)}
	}
	served := make(chan error, 1)
	go func() {
		_, err := srv.Serve(ctx)
		served <- err
	}()
	cl, err := converse(ctx, srv, opts.Messages, out.emit, trace)
	serveErr := <-served
	if cl != nil {
		// Both sides have closed now: with --trace, show the state the
		// kernel keeps for the client's side (TIME_WAIT, usually).
		cl.ReportTCPState()
	}
	if ctx.Err() != nil {
		return cmdutil.ErrInterrupted
	}
	if err = errors.Join(err, serveErr); err != nil {
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.session", "err", err)}
	}
	if l.IsTerminal() {
		view.timeline(out.events)
	}
	return nil
}

// converse connects the client to srv and runs the scripted messages. The
// client is nil when it could not connect; the server is then closed so
// its Serve returns.
func converse(ctx context.Context, srv *sockdemo.Server, msgs []string, emit func(sockdemo.Event), trace sockdemo.Tracer) (*sockdemo.Client, error) {
	cl, err := sockdemo.Dial(ctx, sockdemo.ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Emit: emit, Tracer: trace})
	if err != nil {
		srv.Close()
		return nil, err
	}
	return cl, cl.Converse(ctx, sockdemo.FromList(msgs...))
}
