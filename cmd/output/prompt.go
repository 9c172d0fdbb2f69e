package output

import (
	"errors"

	"github.com/pterm/pterm"
)

// ErrCancelled means the user pressed Ctrl-C at a prompt.
var ErrCancelled = errors.New("cancelled at a prompt")

// Prompter asks the user on a terminal. Tests use a scripted one.
type Prompter interface {
	// Select shows options and returns the index of the one chosen.
	Select(prompt string, options []string) (int, error)
	// Input asks for a line of text.
	Input(prompt string) (string, error)
	// Confirm asks a yes/no question whose default is no.
	Confirm(prompt string) (bool, error)
}

// TerminalPrompter asks with pterm's interactive printers, which talk to
// the terminal itself. pterm would end the process on Ctrl-C; every printer
// here turns it into ErrCancelled instead.
type TerminalPrompter struct {
	Yes, No string // the words a confirmation answer is echoed as
}

// maxSelectHeight keeps the longest list (ten lessons plus "back") whole.
const maxSelectHeight = 12

// Select implements Prompter.
func (TerminalPrompter) Select(prompt string, options []string) (int, error) {
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
func (TerminalPrompter) Input(prompt string) (string, error) {
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
func (p TerminalPrompter) Confirm(prompt string) (bool, error) {
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
