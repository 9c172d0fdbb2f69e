// Package tutor holds what the learning commands (learn, quiz, progress and
// the menu) share: questions asked on the terminal, the learner's saved
// progress with its one-line notices, and running a netlearn command line
// from inside another command.
package tutor

import (
	"context"
	"errors"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
)

// ErrCancelled means the learner pressed Ctrl-C at a prompt.
var ErrCancelled = errors.New("cancelled at a prompt")

// Prompter asks the learner on a terminal. Tests use a scripted one.
type Prompter interface {
	// Select shows options and returns the index of the one chosen.
	Select(prompt string, options []string) (int, error)
	// Input asks for a line of text.
	Input(prompt string) (string, error)
	// Confirm asks a yes/no question whose default is no.
	Confirm(prompt string) (bool, error)
}

// Runner runs a netlearn command line (without the leading "netlearn")
// in-process, prints its error if any, and returns its exit code.
type Runner func(ctx context.Context, args []string) int

// PtermPrompter asks with pterm's interactive printers. pterm would end the
// process on Ctrl-C; every printer here turns it into ErrCancelled instead.
type PtermPrompter struct {
	Yes, No string // the words a confirmation answer is echoed as
}

// NewPrompter returns the terminal prompter in the run's language.
func NewPrompter(f *cmdutil.Factory) Prompter {
	return PtermPrompter{Yes: f.Tr.T("learn.yes"), No: f.Tr.T("learn.no")}
}

// maxSelectHeight keeps the longest list (ten lessons plus "back") whole.
const maxSelectHeight = 12

// Select implements Prompter.
func (PtermPrompter) Select(prompt string, options []string) (int, error) {
	interrupted := false
	chosen, err := pterm.DefaultInteractiveSelect.
		WithOptions(options).
		WithMaxHeight(maxSelectHeight).
		WithFilter(false).
		WithOnInterruptFunc(func() { interrupted = true }).
		Show(prompt)
	if interrupted {
		return -1, ErrCancelled
	}
	if err != nil {
		return -1, err
	}
	for i, o := range options {
		if o == chosen {
			return i, nil
		}
	}
	return -1, ErrCancelled
}

// Input implements Prompter.
func (PtermPrompter) Input(prompt string) (string, error) {
	interrupted := false
	text, err := pterm.DefaultInteractiveTextInput.
		WithOnInterruptFunc(func() { interrupted = true }).
		Show(prompt)
	if interrupted {
		return "", ErrCancelled
	}
	return text, err
}

// Confirm implements Prompter.
func (p PtermPrompter) Confirm(prompt string) (bool, error) {
	interrupted := false
	yes, err := pterm.DefaultInteractiveConfirm.
		WithDefaultValue(false).
		WithConfirmText(p.Yes).
		WithRejectText(p.No).
		WithOnInterruptFunc(func() { interrupted = true }).
		Show(prompt)
	if interrupted {
		return false, ErrCancelled
	}
	return yes, err
}
