// Package cmd builds netlearn's command tree, runs it, and turns the result
// into output and an exit code. It is the only place that prints errors.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	return runWithSignals(context.Background(), os.Args[1:], iostreams.System(), os.Getenv, sigs, i18n.OSLanguage, nil)
}

// Run runs netlearn with the given arguments, streams and environment.
// Tests call it directly to assert exact exit codes; cancelling ctx acts
// like Ctrl-C. The language comes from args and getenv only, never from
// the OS's settings, so a test answers alike on every machine.
func Run(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string) int {
	return runWithSignals(ctx, args, ios, getenv, nil, nil, nil)
}

// runWithSignals runs one command line. osLang, when set, asks the OS for
// the display language when no variable names one (only Main does; tests
// stay independent of the machine). setup, when set, adjusts the Factory
// before the command tree is built: tests give it their own config folder.
func runWithSignals(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string,
	sigs <-chan os.Signal, osLang func() string, setup func(*cmdutil.Factory)) int {
	pre := preParse(args)
	lang, err := i18n.Detect(pre.lang, getenv, osLang)
	if pre.langSet && pre.lang == "" {
		_, err = i18n.Parse("") // an empty --lang '' is a mistake, not "unset"
	}
	if err != nil {
		// The language itself is what is wrong, so answer in both.
		shown := "'" + cmdutil.ShowArg(pre.lang) + "'"
		fmt.Fprintln(ios.ErrOut, i18n.For(i18n.EN).T("root.bad_lang", "value", shown))
		fmt.Fprintln(ios.ErrOut, i18n.For(i18n.ZH).T("root.bad_lang", "value", shown))
		return cmdutil.ExitUsage
	}
	ios.Apply(iostreams.Settings{
		NoColorFlag: pre.noColor,
		NoColorEnv:  getenv("NO_COLOR"),
		ForceColor:  getenv("CLICOLOR_FORCE"),
		ForceTTY:    getenv("NETLEARN_FORCE_TTY"),
	})

	f := cmdutil.NewFactory(ios, lang)
	f.LangExplicit = pre.lang != "" || getenv("NETLEARN_LANG") != ""
	if setup != nil {
		setup(f)
	}
	ctx, closeScope := f.Interrupts.Scope(ctx)
	defer closeScope()
	defer f.Interrupts.Forward(sigs)()
	failing, err := execute(ctx, NewCmdRoot(f), f, args)
	if oserr.Is(err, oserr.ClosedPipe) {
		// The reader went away (`| more` quit, `| Select-Object -First 5`):
		// what it did not read is nobody's loss. Unix kills the process with
		// SIGPIPE before this; Windows reports the write failing.
		return cmdutil.ExitOK
	}
	if err != nil && ctx.Err() != nil && cmdutil.ExitCode(err) == cmdutil.ExitFailed {
		err = cmdutil.ErrInterrupted
	}
	printError(f, failing, err)
	return cmdutil.ExitCode(err)
}

// execute runs the command tree on f's streams. cobra's help (--help, help
// CMD) ignores its write errors, so cobra's output goes through a writer
// that keeps the first one: `netlearn --help >&-` fails like `ip >&-`.
func execute(ctx context.Context, root *cobra.Command, f *cmdutil.Factory, args []string) (*cobra.Command, error) {
	out := &firstErrWriter{w: f.IO.Out}
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(out)
	root.SetErr(f.IO.ErrOut)
	failing, err := root.ExecuteContextC(ctx)
	if err == nil {
		err = out.err
	}
	return failing, err
}

// firstErrWriter passes writes on and remembers the first that failed.
type firstErrWriter struct {
	w   io.Writer
	err error
}

func (w *firstErrWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// printError is the one place that prints a command's error; failing is
// the command that returned it, whose --help a usage error points at.
func printError(f *cmdutil.Factory, failing *cobra.Command, err error) {
	if err == nil {
		return
	}
	tr, w := f.Tr, f.IO.ErrOut
	var usage *cmdutil.UsageError
	var failed *cmdutil.FailedError
	var perm *cmdutil.PermissionError
	var reported *cmdutil.ReportedError
	switch {
	case errors.As(err, &reported):
		// already printed by the in-process runner
	case errors.As(err, &usage) && (usage.Unresolved || failing == nil):
		fmt.Fprintln(w, tr.T("root.input_error", "msg", usage.Msg))
	case errors.As(err, &usage):
		fmt.Fprintln(w, tr.T("root.usage_error", "msg", usage.Msg, "command", failing.CommandPath()))
	case errors.As(err, &perm):
		// An empty Msg: the command already said why, in its own words.
		if perm.Msg != "" {
			fmt.Fprintln(w, tr.T("root.permission_error", "msg", perm.Msg))
		}
	case errors.Is(err, cmdutil.ErrInterrupted):
		fmt.Fprintln(w, tr.T("root.interrupted"))
	case errors.Is(err, iostreams.ErrStdoutClosed):
		fmt.Fprintln(w, tr.T("root.stdout_closed"))
	case errors.As(err, &failed):
		if failed.Msg != "" {
			fmt.Fprintln(w, failed.Msg)
		}
	default:
		fmt.Fprintln(w, tr.T("root.unexpected_error", "err", err))
	}
}

// persistent holds the flags that must be known before cobra parses the
// command line: the language builds the translated help and messages, and
// the colour choice comes before any output.
type persistent struct {
	lang    string
	langSet bool
	noColor bool
}

// preParse reads --lang and --no-color with pflag, as cobra will, skipping
// every other flag. Mistakes in them are left for cobra to report.
func preParse(args []string) persistent {
	var p persistent
	fs := pflag.NewFlagSet("netlearn", pflag.ContinueOnError)
	fs.ParseErrorsAllowlist = pflag.ParseErrorsAllowlist{UnknownFlags: true}
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&p.lang, "lang", "", "")
	fs.BoolVar(&p.noColor, "no-color", false, "")
	fs.BoolP("help", "h", false, "") // so that -h is never taken for a value
	_ = fs.Parse(args)
	p.langSet = fs.Changed("lang")
	return p
}
