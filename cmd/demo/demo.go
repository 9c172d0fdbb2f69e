// Package demo implements `netlearn demo`: the notes' TCP server and
// client run for real, every socket step shown as it happens.
package demo

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/sockdemo"
)

// Options are the parsed flags of `netlearn demo` alone.
type Options struct {
	F *cmdutil.Factory

	JSON  bool
	Trace bool
	// Messages is the scripted conversation the client sends.
	Messages []string

	// Packets captures the run's segments in a private network namespace;
	// Lose, SlowReader and Pcap imply it.
	Packets    bool
	Lose       int
	SlowReader bool
	Pcap       string
	// packetsChild is the run inside the namespace, streaming events as
	// JSON lines to the parent netlearn (a hidden flag).
	packetsChild bool
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
			if err := validateDemo(opts, c); err != nil {
				return err
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return demoRun(c.Context(), opts)
		},
	}
	fl := c.Flags()
	fl.BoolVar(&opts.JSON, "json", false, tr.T("demo.flag.json"))
	fl.BoolVar(&opts.Trace, "trace", false, tr.T("demo.flag.trace"))
	fl.StringArrayVarP(&opts.Messages, "message", "m", scriptedMessages, tr.T("demo.flag.script"))
	fl.BoolVar(&opts.Packets, "packets", false, tr.T("demo.flag.packets"))
	fl.IntVar(&opts.Lose, "lose", 0, tr.T("demo.flag.lose"))
	fl.BoolVar(&opts.SlowReader, "slow-reader", false, tr.T("demo.flag.slow_reader"))
	fl.StringVar(&opts.Pcap, "pcap", "", tr.T("demo.flag.pcap"))
	fl.BoolVar(&opts.packetsChild, childFlag, false, "")
	_ = fl.MarkHidden(childFlag)
	c.AddCommand(NewCmdServer(f, nil), NewCmdClient(f, nil))
	return c
}

// validateDemo checks the packet flags: the experiments imply --packets,
// one at a time.
func validateDemo(opts *Options, c *cobra.Command) error {
	tr := opts.F.Tr
	usage := func(msg string) error { return &cmdutil.UsageError{Msg: msg} }
	fl := c.Flags()
	switch {
	case opts.Lose < 0 || (fl.Changed("lose") && opts.Lose == 0):
		return usage(tr.T("demo.err.not_positive", "flag", "--lose"))
	case opts.Lose > len(opts.Messages):
		return usage(tr.T("demo.err.lose_range", "n", opts.Lose, "count", len(opts.Messages)))
	case opts.Lose > 0 && opts.SlowReader:
		return usage(tr.T("demo.err.one_experiment"))
	case opts.SlowReader && fl.Changed("message"):
		return usage(tr.T("demo.err.slow_reader_messages"))
	case fl.Changed("pcap") && opts.Pcap == "":
		return usage(tr.T("demo.err.empty_pcap"))
	case opts.Trace && (opts.Lose > 0 || opts.SlowReader || opts.Pcap != "" || opts.Packets):
		return usage(tr.T("demo.err.trace_packets"))
	}
	opts.Packets = opts.Packets || opts.Lose > 0 || opts.SlowReader || opts.Pcap != ""
	return nil
}

// demoRun runs the demo: with --packets captured in a private network
// namespace, else in this process.
func demoRun(ctx context.Context, opts *Options) error {
	switch {
	case opts.packetsChild:
		return packetsChild(ctx, opts)
	case opts.Packets:
		return packetsRun(ctx, opts)
	}
	return inProcessRun(ctx, opts)
}

// inProcessRun runs a --once server and a client in this process on a free
// loopback port, shows the conversation in two columns, then the exchange
// as a picture over time, inferred from the socket events.
func inProcessRun(ctx context.Context, opts *Options) error {
	f := opts.F
	trace := tracer(f, opts.Trace)
	view := newDemoView(f.IO.Output().WithJSON(opts.JSON), f.Tr)
	seq := sockdemo.NewSequencer(view.print, true)
	srv, err := sockdemo.Listen(ctx, sockdemo.ServerConfig{Host: "127.0.0.1", Once: true, Seq: seq, Tracer: trace})
	if err != nil {
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.listen", "addr", "127.0.0.1:0", "err", err)}
	}
	served := make(chan error, 1)
	go func() {
		_, err := srv.Serve(ctx)
		served <- err
	}()
	cl, err := converse(ctx, srv, opts.Messages, seq, trace)
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
	view.picture(sockdemo.Inferred(seq.Events()), captureInfo{})
	return nil
}

// demoView shows a run of both sides in the run's look: on a terminal two
// columns as it happens, then the picture over time; piped, the records of
// both sides (as the server and client commands write them), then the
// picture's records; under --json every event, segments included.
type demoView struct {
	l       *output.Layer
	cols    *columns
	records *eventStream
	headed  bool // the columns' header is out
}

func newDemoView(l *output.Layer, tr *i18n.Catalog) *demoView {
	code := codeContext{Host: "127.0.0.1", ReadSize: sockdemo.DefaultReadSize,
		Backlog: sockdemo.DefaultBacklog, Reply: sockdemo.DefaultReply}
	return &demoView{l: l, cols: newColumns(l, tr, code),
		records: newEventStream(l, newDescriber(tr, code, l.ColorScheme()), false)}
}

// print is the run's Emit callback. The columns' header waits for the
// first event, so that a --packets child that fails at once leaves the
// screen to the fallback's own view.
func (v *demoView) print(ev sockdemo.Event) {
	switch {
	case v.l.IsJSON():
		v.records.Print(ev)
	case ev.Step == sockdemo.StepSegment || ev.Step == sockdemo.StepCapture:
		// drawn in the picture at the end
	case v.l.IsTerminal():
		if !v.headed {
			v.cols.header()
			v.headed = true
		}
		v.cols.print(ev)
	default:
		v.records.Print(ev)
	}
}

// picture draws the exchange over time, except under --json, whose events
// already hold everything in it.
func (v *demoView) picture(p sockdemo.Picture, info captureInfo) {
	if !v.l.IsJSON() {
		v.cols.timeline(p, info)
	}
}

// converse connects the client to srv and runs the scripted messages. The
// client is nil when it could not connect; the server is then closed so
// its Serve returns.
func converse(ctx context.Context, srv *sockdemo.Server, msgs []string, seq *sockdemo.Sequencer, trace sockdemo.Tracer) (*sockdemo.Client, error) {
	cl, err := sockdemo.Dial(ctx, sockdemo.ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Seq: seq, Tracer: trace})
	if err != nil {
		srv.Close()
		return nil, err
	}
	return cl, cl.Converse(ctx, sockdemo.FromList(msgs...))
}
