package exercise

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// StartOptions are the inputs of `exercise start`.
type StartOptions struct {
	F    *cmdutil.Factory
	Name string
	Dir  string
	Go   bool
}

// NewCmdStart returns `exercise start`; runF replaces the work in tests.
func NewCmdStart(f *cmdutil.Factory, runF func(context.Context, *StartOptions) error) *cobra.Command {
	opts := &StartOptions{F: f}
	c := &cobra.Command{
		Use:     "start NAME [--dir DIR] [--go]",
		Short:   f.Tr.T("exercise.start.short"),
		Long:    f.Tr.T("exercise.start.long"),
		Example: "  netlearn exercise start server\n  netlearn exercise start client --dir ~/net --go",
		Args:    nameArg(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return startRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Dir, "dir", ".", f.Tr.T("exercise.flag_dir"))
	c.Flags().BoolVar(&opts.Go, "go", false, f.Tr.T("exercise.flag_go"))
	return c
}

// startRun writes the starter file. It never overwrites: O_EXCL makes the
// check and the creation one step.
func startRun(opts *StartOptions) error {
	f, tr := opts.F, opts.F.Tr
	ex, _ := exercise.Lookup(opts.Name)
	name, text := exercise.Starter(ex, string(tr.Lang()), opts.Go)
	path := filepath.Join(opts.Dir, name)
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	switch {
	case errors.Is(err, fs.ErrExist):
		return &cmdutil.UsageError{Msg: tr.T("exercise.start_exists", "file", path, "name", opts.Name), Unresolved: true}
	case errors.Is(err, fs.ErrNotExist):
		return &cmdutil.UsageError{Msg: tr.T("exercise.start_no_dir", "dir", cmdutil.ShowArg(opts.Dir)), Unresolved: true}
	case err != nil:
		return &cmdutil.FailedError{Msg: tr.T("exercise.start_failed", "file", path, "err", err)}
	}
	_, err = file.Write(text)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &cmdutil.FailedError{Msg: tr.T("exercise.start_failed", "file", path, "err", err)}
	}
	check := "netlearn exercise check " + opts.Name + " " + path
	_, err = f.IO.Out.Write([]byte(tr.T("exercise.start_done", "file", path, "check", check, "show", "netlearn exercise show "+opts.Name) + "\n"))
	return err
}
