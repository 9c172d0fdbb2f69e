// Package port implements `netlearn port`: what a port number means, which
// services use it, and what this machine does with it.
package port

import (
	"errors"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// Options are the parsed command line plus what the run depends on.
type Options struct {
	F         *cmdutil.Factory
	Args      []string
	JSON      bool
	List      bool
	Listening bool // exit 1 unless something listens on every argument

	LoadDB  func() *ports.DB
	Machine func() ports.Machine
}

// NewCmdPort returns the port command. runF replaces portRun in tests.
func NewCmdPort(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f, LoadDB: ports.LoadDB, Machine: ports.ThisMachine}
	tr := f.Tr
	c := &cobra.Command{
		Use:     "port PORT|SERVICE|RANGE ...",
		Short:   tr.T("port.short"),
		Long:    tr.T("port.long"),
		Example: tr.T("port.example"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if err := validate(opts); err != nil {
				return &cmdutil.UsageError{Msg: err.Error()}
			}
			if runF != nil {
				return runF(opts)
			}
			return portRun(opts)
		},
	}
	c.ValidArgsFunction = func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return opts.LoadDB().Names(prefix), cobra.ShellCompDirectiveNoFileComp
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, tr.T("port.flag_json"))
	c.Flags().BoolVar(&opts.List, "list", false, tr.T("port.flag_list"))
	c.Flags().BoolVar(&opts.Listening, "listening", false, tr.T("port.flag_listening"))
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return negativeNumberError(f, c, err)
	})
	return c
}

// validate checks the combination of arguments and flags.
func validate(opts *Options) error {
	tr := opts.F.Tr
	switch {
	case opts.List && len(opts.Args) > 0:
		return errors.New(tr.T("port.list_with_args", "arg", cmdutil.ShowArg(opts.Args[0])))
	case opts.List && opts.Listening:
		return errors.New(tr.T("port.list_with_listening"))
	case !opts.List && len(opts.Args) == 0:
		return errors.New(tr.T("port.need_args"))
	}
	return nil
}

// negativeNumberError: pflag reads "-1" as the short flag "1". A port
// argument is what the user meant, so the answer is about the port, not
// about an unknown flag. Other flag errors go to the root's translator.
func negativeNumberError(f *cmdutil.Factory, c *cobra.Command, err error) error {
	var notExist *pflag.NotExistError
	if errors.As(err, &notExist) {
		short := notExist.GetSpecifiedShortnames()
		var bad *ports.ArgError
		if short != "" && short[0] >= '0' && short[0] <= '9' {
			// Every "-…" argument is an ArgError; the built-in names suffice.
			if _, err := ports.ParseArg("-"+short, ports.NewDB(nil)); errors.As(err, &bad) {
				return &cmdutil.UsageError{Msg: argErrorMessage(f, bad)}
			}
		}
	}
	return c.Root().FlagErrorFunc()(c, err)
}

func portRun(opts *Options) error {
	if opts.List {
		return listRun(opts)
	}
	db := opts.LoadDB()
	targets, err := parseTargets(opts, db)
	if err != nil {
		return err
	}
	reports := ports.Inspect(targets, db, opts.Machine(), opts.F.Tr.Lang())
	if err := render(opts, reports); err != nil {
		return err
	}
	if opts.Listening {
		return listeningVerdict(opts, reports)
	}
	return nil
}

// parseTargets turns every argument into ports before anything is shown,
// so bad input never leaves half an answer behind. A port named twice is
// shown once, under the argument that named it first.
func parseTargets(opts *Options, db *ports.DB) ([]ports.Target, error) {
	var targets []ports.Target
	seen := map[int]bool{}
	for _, arg := range opts.Args {
		nums, err := ports.ParseArg(arg, db)
		var bad *ports.ArgError
		if errors.As(err, &bad) {
			return nil, &cmdutil.UsageError{Msg: argErrorMessage(opts.F, bad)}
		}
		for _, n := range nums {
			if !seen[n] {
				seen[n] = true
				targets = append(targets, ports.Target{Arg: arg, Port: n})
			}
		}
	}
	return targets, nil
}

// argErrorMessage says why an argument is no port and what would be.
func argErrorMessage(f *cmdutil.Factory, e *ports.ArgError) string {
	return f.Tr.T("port.bad."+e.Kind, "arg", cmdutil.ShowArg(e.Arg), "max", ports.MaxRangePorts)
}

// listeningVerdict makes --listening a check: exit 1 (with one line
// naming them) when an argument has nothing listening on any of its ports,
// or when this OS cannot tell.
func listeningVerdict(opts *Options, reports []ports.Report) error {
	tr := opts.F.Tr
	if len(reports) > 0 { // the OS was asked once, so every report has the same status
		switch r := reports[0]; r.ListeningStatus {
		case ports.ListeningUnavailable:
			return &cmdutil.FailedError{Msg: tr.T("port.listening_cannot_check")}
		case ports.ListeningFailed:
			return &cmdutil.FailedError{Msg: tr.T("port.listening.failed", "err", r.ListeningError)}
		}
	}
	heard := map[string]bool{}
	for _, r := range reports {
		heard[r.Arg] = heard[r.Arg] || len(r.Listening) > 0
	}
	var silent []string
	for _, arg := range opts.Args {
		if shown := cmdutil.ShowArg(arg); !heard[arg] && !slices.Contains(silent, shown) {
			silent = append(silent, shown)
		}
	}
	if len(silent) > 0 {
		return &cmdutil.FailedError{Msg: tr.T("port.nothing_listening", "args", cmdutil.JoinList(tr, silent))}
	}
	return nil
}
