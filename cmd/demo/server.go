package demo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/ports"
	"github.com/netlearn/netlearn/sockdemo"
)

// ServerOptions are the parsed flags of `netlearn demo server`.
type ServerOptions struct {
	F *cmdutil.Factory

	Host        string
	Port        int
	Backlog     int
	Reply       string
	Echo        bool
	Once        bool
	MaxClients  int
	IdleTimeout time.Duration
	Quiet       bool
	JSON        bool
	Trace       bool
	AddrFile    string
	// EmptyHost records that --host was given as "": every interface.
	EmptyHost bool

	// Who holds a port, and this machine's addresses; tests put fakes here.
	Listeners func(port int) ([]ports.Listener, error)
	Addresses func() ([]netip.Addr, error)
}

// NewCmdServer returns `netlearn demo server`.
func NewCmdServer(f *cmdutil.Factory, runF func(context.Context, *ServerOptions) error) *cobra.Command {
	opts := &ServerOptions{F: f, Listeners: ports.Listeners, Addresses: sockdemo.ClassroomAddresses}
	tr := f.Tr
	c := &cobra.Command{
		Use:     "server",
		Short:   tr.T("demo.server.short"),
		Long:    tr.T("demo.server.long"),
		Example: tr.T("demo.server.example"),
		Args:    cmdutil.NoArgs(f),
		RunE: func(c *cobra.Command, _ []string) error {
			if err := validateServer(opts, c); err != nil {
				return err
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return serverRun(c.Context(), opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Host, "host", "127.0.0.1", tr.T("demo.flag.server_host"))
	fl.IntVar(&opts.Port, "port", 8888, tr.T("demo.flag.server_port"))
	fl.IntVar(&opts.Backlog, "backlog", sockdemo.DefaultBacklog, tr.T("demo.flag.backlog"))
	fl.StringVar(&opts.Reply, "reply", sockdemo.DefaultReply, tr.T("demo.flag.reply"))
	fl.BoolVar(&opts.Echo, "echo", false, tr.T("demo.flag.echo"))
	fl.BoolVar(&opts.Once, "once", false, tr.T("demo.flag.once"))
	fl.IntVar(&opts.MaxClients, "max-clients", 0, tr.T("demo.flag.max_clients"))
	fl.DurationVar(&opts.IdleTimeout, "idle-timeout", sockdemo.DefaultIdleTimeout, tr.T("demo.flag.idle_timeout"))
	fl.BoolVar(&opts.Quiet, "quiet", false, tr.T("demo.flag.quiet"))
	fl.BoolVar(&opts.JSON, "json", false, tr.T("demo.flag.json"))
	fl.BoolVar(&opts.Trace, "trace", false, tr.T("demo.flag.trace"))
	fl.StringVar(&opts.AddrFile, "addr-file", "", tr.T("demo.flag.addr_file"))
	return c
}

func validateServer(opts *ServerOptions, c *cobra.Command) error {
	tr := opts.F.Tr
	usage := func(msg string) error { return &cmdutil.UsageError{Msg: msg} }
	if strings.TrimSpace(opts.Host) == "" {
		// Python's bind(("", port)), as in the notes, means every
		// interface, not this machine only.
		opts.Host, opts.EmptyHost = "0.0.0.0", true
	}
	switch {
	case opts.Port < 0 || opts.Port > 65535:
		return usage(tr.T("demo.err.bad_port", "port", opts.Port))
	case opts.Echo && c.Flags().Changed("reply"):
		return usage(tr.T("demo.err.reply_and_echo"))
	case opts.Reply == "":
		return usage(tr.T("demo.err.empty_reply"))
	case opts.Backlog < 1:
		return usage(tr.T("demo.err.not_positive", "flag", "--backlog"))
	case opts.MaxClients < 0:
		return usage(tr.T("demo.err.negative", "flag", "--max-clients"))
	case opts.IdleTimeout < 0:
		return usage(tr.T("demo.err.negative", "flag", "--idle-timeout"))
	}
	return nil
}

func serverRun(ctx context.Context, opts *ServerOptions) error {
	f := opts.F
	code := codeContext{Host: opts.Host, Port: opts.Port, ReadSize: sockdemo.DefaultReadSize,
		Backlog: opts.Backlog, Echo: opts.Echo, Reply: opts.Reply}
	if opts.AddrFile != "" {
		// Checked first, so a missing folder is reported before the server starts.
		if _, err := os.Stat(filepath.Dir(opts.AddrFile)); err != nil {
			return fileError(f.Tr, "demo.err.addr_file", opts.AddrFile, err)
		}
	}
	l := f.IO.Output().WithJSON(opts.JSON)
	printer := newEventStream(l, newDescriber(f.Tr, code, l.ColorScheme()), opts.Quiet)
	srv, err := sockdemo.Listen(ctx, sockdemo.ServerConfig{
		Host: opts.Host, Port: opts.Port, Backlog: opts.Backlog, Reply: opts.Reply, Echo: opts.Echo,
		Once: opts.Once, MaxClients: opts.MaxClients, IdleTimeout: opts.IdleTimeout, Quiet: opts.Quiet,
		Emit: printer.Print, Tracer: tracer(f, opts.Trace),
	})
	if err != nil {
		return listenError(opts, err)
	}
	if opts.AddrFile != "" {
		if err := writeAddrFile(opts.AddrFile, srv.Addr().String()); err != nil {
			srv.Close()
			return fileError(f.Tr, "demo.err.addr_file", opts.AddrFile, err)
		}
	}
	if srv.Addr().Addr().IsUnspecified() {
		warnClassroom(opts, srv.Addr())
	}
	if _, err := srv.Serve(ctx); err != nil {
		return cmdutil.ErrInterrupted
	}
	return nil
}

// listenError explains why socket/bind/listen failed.
func listenError(opts *ServerOptions, err error) error {
	tr := opts.F.Tr
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		// No --help hint: the flag was well-formed, the name just names nothing.
		return &cmdutil.UsageError{Msg: tr.T("demo.err.resolve", "host", opts.Host), Unresolved: true}
	case sockdemo.IsNotLocal(err):
		return &cmdutil.UsageError{Msg: tr.T("demo.err.not_local", "host", opts.Host), Unresolved: true}
	case sockdemo.IsAddrInUse(err):
		return &cmdutil.FailedError{Msg: tr.T("demo.err.port_in_use", "port", opts.Port, "host", opts.Host) + holders(opts)}
	case sockdemo.IsReservedPort(err):
		return &cmdutil.FailedError{Msg: tr.T("demo.err.reserved_port", "port", opts.Port)}
	case sockdemo.IsPermission(err):
		return &cmdutil.PermissionError{Msg: tr.T("demo.err.privileged_port", "port", opts.Port)}
	}
	return &cmdutil.FailedError{Msg: tr.T("demo.err.listen", "addr", net.JoinHostPort(opts.Host, fmt.Sprint(opts.Port)), "err", err)}
}

// holders says who holds the port, when the OS lets us see it.
func holders(opts *ServerOptions) string {
	ls, err := opts.Listeners(opts.Port)
	if err != nil || len(ls) == 0 {
		return ""
	}
	var out string
	for _, l := range ls {
		if l.Protocol != "tcp" {
			continue
		}
		who := opts.F.Tr.T("demo.err.holder_unknown")
		if l.PID > 0 {
			who = opts.F.Tr.T("demo.err.holder_process", "process", l.Process, "pid", l.PID)
		}
		out += "\n  " + opts.F.Tr.T("demo.err.holder", "addr", net.JoinHostPort(l.Address, fmt.Sprint(l.Port)), "who", who)
	}
	return out
}

// writeAddrFile writes the real address atomically, so a script waiting for
// the file never reads half of it.
func writeAddrFile(path, addr string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".addr-*")
	if err != nil {
		// Name the folder the learner gave, not the temporary file.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: "create", Path: filepath.Dir(path), Err: pe.Err}
		}
		return err
	}
	_, werr := tmp.WriteString(addr + "\n")
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// warnClassroom says, in one line, that the network can now reach the
// demo, and which addresses students should use. It only lists them.
func warnClassroom(opts *ServerOptions, bound netip.AddrPort) {
	tr, w := opts.F.Tr, opts.F.IO.ErrOut
	fmt.Fprintln(w, tr.T("demo.warn.public", "addr", bound.String()))
	if opts.EmptyHost {
		fmt.Fprintln(w, "  "+tr.T("demo.warn.empty_host"))
	}
	addrs, _ := opts.Addresses()
	if len(addrs) == 0 {
		fmt.Fprintln(w, "  "+tr.T("demo.warn.no_addresses"))
	}
	for _, a := range addrs {
		if bound.Addr().Is4() && !a.Is4() {
			continue
		}
		fmt.Fprintln(w, "  "+tr.T("demo.warn.students", "host", a.String(), "port", bound.Port()))
	}
}

// tracer returns the kernel TCP state tracer, or says (once, on stderr)
// that this OS has none and carries on without it.
func tracer(f *cmdutil.Factory, want bool) sockdemo.Tracer {
	if !want {
		return nil
	}
	t, err := sockdemo.NewTracer()
	if err != nil {
		fmt.Fprintln(f.IO.ErrOut, f.Tr.T("demo.trace_unavailable"))
		return nil
	}
	return t
}
