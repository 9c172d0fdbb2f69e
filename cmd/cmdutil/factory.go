package cmdutil

import (
	"context"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// Factory carries what commands depend on, so tests can swap any of it.
// A Factory is built for one language; WithLang builds another.
type Factory struct {
	IO *iostreams.IOStreams
	Tr *i18n.Catalog
	// LangExplicit is set when --lang or NETLEARN_LANG chose the language;
	// otherwise the one last picked in the menu may replace it there.
	LangExplicit bool
	// ConfigDir is the folder of the learner's progress file. Tests point
	// it at a temporary folder, so they never touch the real one.
	ConfigDir  func() (string, error)
	Interrupts *Interrupts // Ctrl-C reaches the innermost running activity
	// NewPrompter builds the prompter for a language; tests put a scripted
	// one here. Commands ask Prompter for it.
	NewPrompter func(*i18n.Catalog) output.Prompter
	// Runner runs a netlearn command line in-process with a Factory; the
	// root command installs it. Commands call Run.
	Runner func(ctx context.Context, f *Factory, args []string) int
}

// Runner runs a netlearn command line (without the leading "netlearn")
// in-process, prints its error if any, and returns its exit code.
type Runner func(ctx context.Context, args []string) int

// NewFactory returns a Factory for a real run in the given language.
func NewFactory(ios *iostreams.IOStreams, lang i18n.Lang) *Factory {
	return &Factory{IO: ios, Tr: i18n.For(lang), ConfigDir: lessons.DefaultDir,
		Interrupts: &Interrupts{}, NewPrompter: TerminalPrompter}
}

// TerminalPrompter asks on the terminal, answers echoed in tr's language.
func TerminalPrompter(tr *i18n.Catalog) output.Prompter {
	return output.TerminalPrompter{Yes: tr.T("learn.yes"), No: tr.T("learn.no")}
}

// WithLang returns a new Factory in another language, sharing everything
// that does not depend on the language: streams, config folder, Ctrl-C
// handling, how prompts and commands are run.
func (f *Factory) WithLang(lang i18n.Lang) *Factory {
	c := *f
	c.Tr = i18n.For(lang)
	return &c
}

// Prompter asks the user in the Factory's language.
func (f *Factory) Prompter() output.Prompter { return f.NewPrompter(f.Tr) }

// Run runs a netlearn command line in-process, in this Factory's language
// and streams, and returns its exit code. Without a Runner (a test that
// builds one command alone) it runs nothing and returns ExitFailed.
func (f *Factory) Run(ctx context.Context, args []string) int {
	if f.Runner == nil {
		return ExitFailed
	}
	return f.Runner(ctx, f, args)
}
