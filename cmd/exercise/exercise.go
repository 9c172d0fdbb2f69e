// Package exercise implements `netlearn exercise`: the learner writes the
// notes' server and client, and netlearn runs and checks them. `exercise`
// lists the exercises, `show` states one, `start` writes a starter file
// and `check` runs the learner's program against netlearn's checks.
package exercise

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/lessons/exercise/run"
)

// NewCmdExercise returns `exercise` and its subcommands.
func NewCmdExercise(f *cmdutil.Factory) *cobra.Command {
	opts := &ListOptions{F: f}
	c := &cobra.Command{
		Use:     "exercise",
		Short:   f.Tr.T("exercise.short"),
		Long:    f.Tr.T("exercise.long"),
		Example: "  netlearn exercise\n  netlearn exercise show server\n  netlearn exercise start server\n  netlearn exercise check server server.py",
		Args:    cmdutil.NoArgs(f),
		RunE: func(c *cobra.Command, _ []string) error {
			return listRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("exercise.flag_json_list"))
	c.AddCommand(NewCmdShow(f, nil), NewCmdStart(f, nil), NewCmdCheck(f, nil))
	return c
}

func namesList(tr *i18n.Catalog) string { return cmdutil.JoinList(tr, exercise.Names()) }

// unknownExercise is a usage error that lists the exercises.
func unknownExercise(f *cmdutil.Factory, name string) error {
	return &cmdutil.UsageError{Msg: f.Tr.T("exercise.unknown", "name", cmdutil.ShowArg(name), "names", namesList(f.Tr)), Unresolved: true}
}

// nameArg checks the one NAME argument of show and start.
func nameArg(f *cmdutil.Factory) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &cmdutil.UsageError{Msg: f.Tr.T("exercise.need_name", "names", namesList(f.Tr))}
		}
		if _, ok := exercise.Lookup(args[0]); !ok {
			return unknownExercise(f, args[0])
		}
		return nil
	}
}

// launchError words a program that cannot be run.
func launchError(f *cmdutil.Factory, err error) error {
	tr := f.Tr
	var fe *exercise.FileError
	switch {
	case errors.As(err, &fe) && fe.Path == "":
		return &cmdutil.UsageError{Msg: tr.T("exercise.need_file")}
	case errors.As(err, &fe):
		return &cmdutil.UsageError{Msg: tr.T("exercise.file_"+fe.Kind, "file", cmdutil.ShowArg(fe.Path)), Unresolved: true}
	case errors.Is(err, exercise.ErrNoPython):
		return &cmdutil.FailedError{Msg: tr.T("exercise.no_python")}
	case errors.Is(err, exercise.ErrStorePython):
		return &cmdutil.FailedError{Msg: tr.T("exercise.store_python")}
	case errors.Is(err, exercise.ErrNoGo):
		return &cmdutil.FailedError{Msg: tr.T("exercise.no_go")}
	case errors.Is(err, run.ErrNotFound):
		return &cmdutil.UsageError{Msg: tr.T("exercise.file_missing", "file", ""), Unresolved: true}
	}
	return err
}
