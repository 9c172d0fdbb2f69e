package demo

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/sockdemo"
)

// ClientOptions are the parsed flags of `netlearn demo client`.
type ClientOptions struct {
	F *cmdutil.Factory

	Host     string
	Port     int
	Messages []string
	JSON     bool
	Trace    bool
}

// NewCmdClient returns `netlearn demo client`.
func NewCmdClient(f *cmdutil.Factory, runF func(context.Context, *ClientOptions) error) *cobra.Command {
	opts := &ClientOptions{F: f}
	tr := f.Tr
	c := &cobra.Command{
		Use:     "client",
		Short:   tr.T("demo.client.short"),
		Long:    tr.T("demo.client.long"),
		Example: tr.T("demo.client.example"),
		Args:    cmdutil.NoArgs(f),
		RunE: func(c *cobra.Command, _ []string) error {
			if strings.TrimSpace(opts.Host) == "" {
				opts.Host = "localhost" // as sockdemo would, but named in every message
			}
			if opts.Port < 1 || opts.Port > 65535 {
				return &cmdutil.UsageError{Msg: tr.T("demo.err.bad_client_port", "port", opts.Port)}
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return clientRun(c.Context(), opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Host, "host", "localhost", tr.T("demo.flag.client_host"))
	fl.IntVar(&opts.Port, "port", 8888, tr.T("demo.flag.client_port"))
	fl.StringArrayVarP(&opts.Messages, "message", "m", nil, tr.T("demo.flag.message"))
	fl.BoolVar(&opts.JSON, "json", false, tr.T("demo.flag.json"))
	fl.BoolVar(&opts.Trace, "trace", false, tr.T("demo.flag.trace"))
	return c
}

func clientRun(ctx context.Context, opts *ClientOptions) error {
	f := opts.F
	code := codeContext{Host: opts.Host, Port: opts.Port, ReadSize: sockdemo.DefaultReadSize}
	l := f.IO.Output().WithJSON(opts.JSON)
	printer := newEventStream(l, newDescriber(f.Tr, code, l.ColorScheme()), false)
	cl, err := sockdemo.Dial(ctx, sockdemo.ClientConfig{
		Host: opts.Host, Port: opts.Port, Emit: printer.Print, Tracer: tracer(f, opts.Trace),
	})
	if err != nil {
		return dialError(ctx, opts, err)
	}
	err = cl.Converse(ctx, messageSource(ctx, opts))
	cl.ReportTCPState()
	switch {
	case ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.Is(err, sockdemo.ErrRefused):
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.server_full", "addr", cl.RemoteAddr())}
	case errors.Is(err, sockdemo.ErrServerGone):
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.server_gone", "addr", cl.RemoteAddr())}
	case err != nil:
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.session", "err", err)}
	}
	return nil
}

func dialError(ctx context.Context, opts *ClientOptions, err error) error {
	tr := opts.F.Tr
	addr := net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port))
	var dnsErr *net.DNSError
	switch {
	case ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.As(err, &dnsErr):
		// No --help hint: the flag was well-formed, the name just names nothing.
		return &cmdutil.UsageError{Msg: tr.T("demo.err.resolve", "host", opts.Host), Unresolved: true}
	case sockdemo.IsRefused(err):
		return &cmdutil.FailedError{Msg: tr.T("demo.err.refused", "addr", addr, "port", opts.Port)}
	}
	return &cmdutil.FailedError{Msg: tr.T("demo.err.connect", "addr", addr, "err", err)}
}

// maxMessage bounds one message typed or piped to the client; the rest of
// a longer line is dropped.
const maxMessage = 1 << 20

// messageSource picks where messages come from: -m flags, else a prompt
// on a terminal, else one message per line of stdin. Empty messages are
// left out, with a note.
func messageSource(ctx context.Context, opts *ClientOptions) func() (string, bool) {
	if len(opts.Messages) > 0 {
		return skipEmpty(opts, sockdemo.FromList(opts.Messages...))
	}
	lines := cmdutil.ReadLines(opts.F.IO.In, ctx.Done(), maxMessage)
	prompt := ""
	if opts.F.IO.CanPrompt() {
		prompt = opts.F.Tr.T("demo.client.prompt")
	}
	return skipEmpty(opts, func() (string, bool) {
		if prompt != "" {
			fmt.Fprint(opts.F.IO.Out, prompt)
		}
		select {
		case <-ctx.Done():
			return "", false
		case line, ok := <-lines:
			if !ok && prompt != "" {
				fmt.Fprintln(opts.F.IO.Out) // Ctrl-D leaves the cursor after the prompt
			}
			return line, ok
		}
	})
}

// skipEmpty passes on the messages of next but the empty ones, and says
// once why they are not sent.
func skipEmpty(opts *ClientOptions, next func() (string, bool)) func() (string, bool) {
	noted := false
	return func() (string, bool) {
		for {
			msg, ok := next()
			if !ok || strings.TrimSpace(msg) != "" {
				return msg, ok
			}
			if !noted {
				fmt.Fprintln(opts.F.IO.ErrOut, opts.F.Tr.T("demo.client.empty_line"))
				noted = true
			}
		}
	}
}
