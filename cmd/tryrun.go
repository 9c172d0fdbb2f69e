package cmd

import (
	"context"

	"github.com/netlearn/netlearn/cmd/cmdutil"
)

// runInProcess is the Factory's Runner: lessons and the menu use it to run
// a netlearn command line live. It builds a fresh command tree (so no flag
// value of an earlier run leaks in) with f's streams and language, runs it,
// and reports its error through printError like a real run. The tree is
// built only when a command runs, so NewCmdRoot can install this Runner in
// the Factory it builds the commands from without recursing. The command
// runs in its own interrupt scope: Ctrl-C stops it and returns to the lesson
// or the menu.
func runInProcess(ctx context.Context, f *cmdutil.Factory, args []string) int {
	ctx, closeScope := f.Interrupts.Scope(ctx)
	defer closeScope()
	failing, err := execute(ctx, NewCmdRoot(f), f, args)
	printError(f, failing, err)
	return cmdutil.ExitCode(err)
}
