package exercise

import (
	"context"
	"errors"
	"slices"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/netinfo/netns"
)

// CheckOptions are the inputs of `exercise check`.
type CheckOptions struct {
	F       *cmdutil.Factory
	Name    string
	File    string
	Command []string // after --
	JSON    bool
	Watch   bool
	Verbose bool
	// InNetns marks the copy of netlearn that runs inside the private
	// network namespace: it checks and writes events as JSON lines.
	InNetns bool
	// NoNetns runs on this machine's loopback even where a private
	// namespace could be had (tests of the fallback use it).
	NoNetns bool
}

// NewCmdCheck returns `exercise check`; runF replaces the work in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(context.Context, *CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{F: f}
	c := &cobra.Command{
		Use:     "check NAME [FILE | -- COMMAND ARGS...]",
		Short:   f.Tr.T("exercise.check.short"),
		Long:    f.Tr.T("exercise.check.long"),
		Example: "  netlearn exercise check server server.py\n  netlearn exercise check client client.py --watch\n  netlearn exercise check server -- ./myserver\n  netlearn exercise check server server.py --json",
		Args:    cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := parseCheckArgs(opts, c, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return checkRun(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("exercise.flag_json"))
	c.Flags().BoolVar(&opts.Watch, "watch", false, f.Tr.T("exercise.flag_watch"))
	c.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, f.Tr.T("exercise.flag_verbose"))
	c.Flags().BoolVar(&opts.InNetns, "in-netns", false, "")
	c.Flags().BoolVar(&opts.NoNetns, "no-netns", false, f.Tr.T("exercise.flag_no_netns"))
	_ = c.Flags().MarkHidden("in-netns")
	return c
}

// parseCheckArgs takes NAME, then FILE or the command after --.
func parseCheckArgs(opts *CheckOptions, c *cobra.Command, args []string) error {
	tr := opts.F.Tr
	dash := c.ArgsLenAtDash()
	before := args
	if dash >= 0 {
		before, opts.Command = args[:dash], args[dash:]
	}
	usage := func(key string, kv ...any) error {
		return &cmdutil.UsageError{Msg: tr.T(key, kv...)}
	}
	switch {
	case len(before) == 0:
		return usage("exercise.need_name", "names", namesList(tr))
	case len(before) > 2 || (len(before) == 2 && dash >= 0):
		return usage("exercise.too_many_args")
	case dash >= 0 && len(opts.Command) == 0:
		return usage("exercise.need_command")
	case opts.Watch && (opts.JSON || opts.InNetns):
		return usage("exercise.watch_and_json")
	}
	if _, ok := exercise.Lookup(before[0]); !ok {
		return unknownExercise(opts.F, before[0])
	}
	opts.Name = before[0]
	if len(before) == 2 {
		opts.File = before[1]
	} else if dash < 0 {
		opts.File = exercise.DefaultFile(opts.Name)
	}
	return nil
}

func checkRun(ctx context.Context, opts *CheckOptions) error {
	ex, _ := exercise.Lookup(opts.Name)
	launch, err := exercise.Resolve(opts.File, opts.Command)
	if err != nil {
		return launchError(opts.F, err)
	}
	if opts.InNetns {
		return childRun(ctx, opts, ex, launch)
	}
	if opts.Watch {
		return watchRun(ctx, opts, ex, launch)
	}
	return checkOnce(ctx, opts, ex, launch)
}

// checkOnce checks the program once, shows the result, and saves it.
func checkOnce(ctx context.Context, opts *CheckOptions, ex *exercise.Exercise, launch exercise.Launch) error {
	v := newView(opts, ex)
	report, err := runChecks(ctx, opts, ex, launch, v.event)
	if err != nil {
		return err
	}
	if err := v.end(report); err != nil {
		return err
	}
	saveResult(opts.F, report)
	if ctx.Err() != nil {
		return cmdutil.ErrInterrupted
	}
	if !report.Passed {
		return &cmdutil.FailedError{}
	}
	return nil
}

// runChecks runs the checks in a private network namespace when the system
// gives one, and on this machine's loopback otherwise.
func runChecks(ctx context.Context, opts *CheckOptions, ex *exercise.Exercise, launch exercise.Launch, emit func(exercise.Event)) (exercise.Report, error) {
	var notes []exercise.Text
	if !opts.NoNetns {
		report, err := checkInNamespace(ctx, opts, emit)
		var refusal *netns.Refusal
		if !errors.As(err, &refusal) {
			return report, err
		}
		notes = append(notes, refusalNote(refusal))
	}
	port, portNotes := hostPort()
	return exercise.Check(ctx, ex, exercise.Options{Launch: launch, Port: port, Where: "host",
		Notes: append(notes, portNotes...), Emit: emit}), nil
}

// saveResult records the attempt in the progress file.
func saveResult(f *cmdutil.Factory, r exercise.Report) {
	failed := ""
	if i := slices.IndexFunc(r.Checks, func(c exercise.Result) bool { return c.Status == exercise.Fail }); i >= 0 {
		failed = r.Checks[i].ID
	}
	t := learner.OpenTracker(f)
	t.Progress.RecordExercise(r.Exercise, r.Passed, failed, t.Now())
	t.Save()
}
