package cmd

import (
	"context"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/tutor"
)

// runInProcess returns the Runner that lessons and the menu use to run a
// netlearn command line live. It builds a fresh command tree (so no flag
// value of an earlier run leaks in) with the same streams and language,
// runs it, and reports its error through printError like a real run.
// The tree is built only when a command runs, so NewCmdRoot can hand this
// Runner to the commands it creates without recursing. The command runs in
// its own interrupt scope: Ctrl-C stops it and returns to the lesson.
func runInProcess(f *cmdutil.Factory) tutor.Runner {
	return func(ctx context.Context, args []string) int {
		ctx, closeScope := f.Interrupts.Scope(ctx)
		defer closeScope()
		root := NewCmdRoot(f)
		root.SetArgs(args)
		root.SetIn(f.IO.In)
		root.SetOut(f.IO.Out)
		root.SetErr(f.IO.ErrOut)
		err := root.ExecuteContext(ctx)
		printError(f, err)
		return cmdutil.ExitCode(err)
	}
}
