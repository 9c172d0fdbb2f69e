// Package cmd builds netlearn's command tree, runs it, and turns the result
// into output and an exit code. It is the only place that prints errors.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/internal/oserr"
)

// Main runs netlearn with the process's arguments and streams and returns
// the exit code.
func Main() int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	return runWithSignals(context.Background(), os.Args[1:], iostreams.System(), os.Getenv, sigs, i18n.OSLanguage)
}

// Run runs netlearn with the given arguments, streams and environment.
// Tests call it directly to assert exact exit codes; cancelling ctx acts
// like Ctrl-C. The language comes from args and getenv only, never from
// the OS's settings, so a test answers alike on every machine.
func Run(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string) int {
	return runWithSignals(ctx, args, ios, getenv, nil, nil)
}

func runWithSignals(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string, sigs <-chan os.Signal, osLang func() string) int {
	lang, err := i18n.Detect(langFlagValue(args), getenv, osLang)
	if err != nil {
		// The language itself is what is wrong, so answer in both.
		fmt.Fprintln(ios.ErrOut, i18n.For(i18n.EN).T("root.bad_lang", "value", langFlagValue(args)))
		fmt.Fprintln(ios.ErrOut, i18n.For(i18n.ZH).T("root.bad_lang", "value", langFlagValue(args)))
		return cmdutil.ExitUsage
	}
	ios.ApplyColor(iostreams.ColorSettings{
		NoColorFlag: hasFlag(args, "--no-color"),
		NoColorEnv:  getenv("NO_COLOR"),
		ForceEnv:    getenv("CLICOLOR_FORCE"),
	})
	setupPterm(ios)

	f := cmdutil.NewFactory(ios, lang)
	f.Getenv = getenv
	ctx, closeScope := f.Interrupts.Scope(ctx)
	defer closeScope()
	defer f.Interrupts.Forward(sigs)()
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)

	err = root.ExecuteContext(ctx)
	if oserr.Is(err, oserr.ClosedPipe) {
		// The reader went away (`| more` quit, `| Select-Object -First 5`):
		// what it did not read is nobody's loss. Unix kills the process with
		// SIGPIPE before this; Windows reports the write failing.
		return cmdutil.ExitOK
	}
	if err != nil && ctx.Err() != nil && cmdutil.ExitCode(err) == cmdutil.ExitFailed {
		err = cmdutil.ErrInterrupted
	}
	printError(f, err)
	return cmdutil.ExitCode(err)
}

// setupPterm points pterm at this run's streams. pterm styles by default and
// never looks at the terminal itself, so netlearn decides for it.
func setupPterm(ios *iostreams.IOStreams) {
	if ios.ColorEnabled() {
		pterm.EnableStyling()
	} else {
		pterm.DisableStyling()
	}
	pterm.SetDefaultOutput(ios.Out)
	pterm.SetForcedTerminalSize(ios.TerminalWidth(), 40)
}

// printError is the one place that prints a command's error.
func printError(f *cmdutil.Factory, err error) {
	if err == nil {
		return
	}
	tr, w := f.Tr, f.IO.ErrOut
	var usage *cmdutil.UsageError
	var failed *cmdutil.FailedError
	var perm *cmdutil.PermissionError
	switch {
	case errors.As(err, &usage) && usage.Command == "":
		fmt.Fprintln(w, tr.T("root.input_error", "msg", usage.Msg))
	case errors.As(err, &usage):
		fmt.Fprintln(w, tr.T("root.usage_error", "msg", usage.Msg, "command", usage.Command))
	case errors.As(err, &perm):
		fmt.Fprintln(w, tr.T("root.permission_error", "msg", perm.Msg))
	case errors.Is(err, cmdutil.ErrInterrupted):
		fmt.Fprintln(w, tr.T("root.interrupted"))
	case errors.As(err, &failed):
		if failed.Msg != "" {
			fmt.Fprintln(w, failed.Msg)
		}
	default:
		fmt.Fprintln(w, tr.T("root.unexpected_error", "err", err))
	}
}

// langFlagValue finds --lang before cobra parses the command line: the
// language must be known to build the translated help and error messages.
func langFlagValue(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == name || a == name+"=true" {
			return true
		}
	}
	return false
}
