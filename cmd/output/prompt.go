package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/mattn/go-runewidth"
	"golang.org/x/term"
)

// ErrCancelled means the user pressed Ctrl-C at a prompt.
var ErrCancelled = errors.New("cancelled at a prompt")

// ErrBack means the user pressed Esc at a choice: go back one level. It
// is a kind of ErrCancelled, so code that only knows cancelling stops.
var ErrBack = fmt.Errorf("%w: Esc, back", ErrCancelled)

// Prompter asks the user on a terminal. Tests use a scripted one.
type Prompter interface {
	// Select shows options and returns the index of the one chosen.
	Select(prompt string, options []string) (int, error)
	// Input asks for a line of text.
	Input(prompt string) (string, error)
	// Confirm asks a yes/no question whose default is no. It waits for
	// Enter, and ignores what was typed before it was asked.
	Confirm(prompt string) (bool, error)
	// Pause waits for Enter, so that what is on the screen can be read.
	Pause(prompt string) error
}

// TerminalPrompter asks on the process's terminal (stdin and stdout) with
// netlearn's own key reader, which keeps every key of a read: pterm's
// interactive printers (atomicgo.dev/keyboard) take one read for one key
// and lose the rest of it, so Down Down, a held arrow key or a paste
// dropped keys, and the Enter after a "y" answered the next question.
type TerminalPrompter struct {
	Yes, No string // the words a confirmation answer is echoed as
}

// stdinTerminal is the one terminal of the process. Its key reader lives as
// long as the process, so keys typed ahead for the next menu are kept.
var stdinTerminal = sync.OnceValue(func() *terminal {
	fd := os.Stdin.Fd()
	return &terminal{
		keys: newKeyReader(os.Stdin),
		out:  os.Stdout,
		raw: func() (func(), error) {
			state, err := term.MakeRaw(int(fd))
			if err != nil {
				return nil, err
			}
			return func() { _ = term.Restore(int(fd), state) }, nil
		},
		flush: func() { flushInput(fd) },
	}
})

// Select implements Prompter.
func (p TerminalPrompter) Select(prompt string, options []string) (int, error) {
	return stdinTerminal().sel(prompt, options)
}

// Input implements Prompter.
func (p TerminalPrompter) Input(prompt string) (string, error) {
	return stdinTerminal().line(prompt+" ", false)
}

// Confirm implements Prompter.
func (p TerminalPrompter) Confirm(prompt string) (bool, error) {
	answer, err := stdinTerminal().line(prompt+" [y/N] ", true)
	if err != nil {
		return false, err
	}
	return isYes(answer, p.Yes), nil
}

// Pause implements Prompter.
func (p TerminalPrompter) Pause(prompt string) error {
	_, err := stdinTerminal().line(prompt+" ", true)
	return err
}

// isYes reads a confirmation answer: y, yes or the language's own word
// (是); anything else is the default, no.
func isYes(answer, yesWords string) bool {
	a := strings.ToLower(strings.TrimSpace(answer))
	if a == "" {
		return false
	}
	for _, w := range append([]string{"y", "yes"}, strings.Fields(strings.ToLower(yesWords))...) {
		if a == w {
			return true
		}
	}
	return false
}

// terminal is what a prompt needs: keys, a screen, raw mode, and a way to
// drop input typed ahead. Tests build one over buffers.
type terminal struct {
	keys  *keyReader
	out   io.Writer
	raw   func() (restore func(), err error)
	flush func()
}

// sel draws options under prompt with a marker on the chosen one; arrow
// keys (or j/k) move it, Enter picks, Esc goes back, Ctrl-C cancels. Once
// picked, the list gives way to one line: the prompt and the choice.
func (t *terminal) sel(prompt string, options []string) (int, error) {
	restore, err := t.raw()
	if err != nil {
		return -1, err
	}
	defer restore()
	at := 0
	t.drawList(prompt, options, at, false)
	for {
		k, err := t.keys.next()
		if err != nil {
			return -1, ErrCancelled
		}
		switch {
		case k.Code == KeyUp || k.Rune == 'k':
			at = (at + len(options) - 1) % len(options)
		case k.Code == KeyDown || k.Rune == 'j':
			at = (at + 1) % len(options)
		case k.Code == KeyHome:
			at = 0
		case k.Code == KeyEnd:
			at = len(options) - 1
		case k.Code == KeyEnter:
			t.clearList(len(options))
			fmt.Fprintf(t.out, "%s %s\r\n", prompt, options[at])
			return at, nil
		case k.Code == KeyEsc:
			t.clearList(len(options))
			return -1, ErrBack
		case k.Code == KeyCtrlC || k.Code == KeyCtrlD:
			t.clearList(len(options))
			return -1, ErrCancelled
		default:
			continue
		}
		t.drawList(prompt, options, at, true)
	}
}

// drawList draws the prompt and the options, over the last drawing when
// redraw is set.
func (t *terminal) drawList(prompt string, options []string, at int, redraw bool) {
	var b strings.Builder
	if redraw {
		fmt.Fprintf(&b, "\x1b[%dA", len(options)+1)
	}
	b.WriteString("\r\x1b[J" + prompt + "\r\n")
	for i, o := range options {
		if i == at {
			b.WriteString("❯ " + o + "\r\n")
		} else {
			b.WriteString("  " + o + "\r\n")
		}
	}
	io.WriteString(t.out, b.String())
}

// clearList erases the prompt and the options.
func (t *terminal) clearList(options int) {
	fmt.Fprintf(t.out, "\x1b[%dA\r\x1b[J", options+1)
}

// line reads one line after prompt, echoing it, until Enter: Backspace
// edits, Ctrl-C cancels, Esc or Ctrl-D give an empty answer. With fresh
// set, keys typed before the prompt showed are dropped first.
func (t *terminal) line(prompt string, fresh bool) (string, error) {
	restore, err := t.raw()
	if err != nil {
		return "", err
	}
	defer restore()
	if fresh {
		t.flush()
		t.keys.discard()
	}
	io.WriteString(t.out, prompt)
	var text []rune
	for {
		k, err := t.keys.next()
		switch {
		case err != nil || k.Code == KeyCtrlC:
			io.WriteString(t.out, "\r\n")
			return "", ErrCancelled
		case k.Code == KeyEnter:
			io.WriteString(t.out, "\r\n")
			return string(text), nil
		case k.Code == KeyEsc || k.Code == KeyCtrlD:
			io.WriteString(t.out, "\r\n")
			return "", nil
		case k.Code == KeyBackspace && len(text) > 0:
			w := runewidth.RuneWidth(text[len(text)-1])
			text = text[:len(text)-1]
			io.WriteString(t.out, strings.Repeat("\b \b", w))
		case k.Code == KeyRune:
			text = append(text, k.Rune)
			io.WriteString(t.out, string(k.Rune))
		}
	}
}
