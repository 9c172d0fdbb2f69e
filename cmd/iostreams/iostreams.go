// Package iostreams carries netlearn's input and output streams together
// with what is known about them: whether each is a terminal and whether
// colour is wanted. Commands never touch os.Stdout directly.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams is the I/O of one run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	color     bool
	width     int
}

// System returns the process's standard streams.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
}

// Test returns streams backed by buffers: no terminal, no colour.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// ColorSettings are the user's colour wishes, from flags and environment.
type ColorSettings struct {
	NoColorFlag bool   // --no-color
	NoColorEnv  string // NO_COLOR: any non-empty value turns colour off
	ForceEnv    string // CLICOLOR_FORCE: non-empty and not "0" forces colour
}

// ApplyColor decides colour once per run: --no-color, then NO_COLOR, then
// CLICOLOR_FORCE, then whether stdout is a terminal. CLICOLOR_FORCE also
// selects the terminal layout, so a forced run looks like a terminal run.
func (s *IOStreams) ApplyColor(c ColorSettings) {
	forced := c.ForceEnv != "" && c.ForceEnv != "0"
	if forced {
		s.stdoutTTY = true
	}
	s.color = s.stdoutTTY && !c.NoColorFlag && c.NoColorEnv == ""
}

// SetTTY sets the terminal flags; tests use it to pretend.
func (s *IOStreams) SetTTY(stdin, stdout, stderr bool) {
	s.stdinTTY, s.stdoutTTY, s.stderrTTY = stdin, stdout, stderr
}

// IsStdoutTTY reports whether output goes to a terminal (or one is forced):
// commands then use the rich layout instead of plain lines.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether hints and spinners may be shown.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// CanPrompt reports whether the user can answer questions interactively.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stdoutTTY }

// ColorEnabled reports whether ANSI styling may be written to Out.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// TerminalWidth returns the width of the output terminal, or 80.
func (s *IOStreams) TerminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	if f, ok := s.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// SetTerminalWidth fixes the width; tests use it for stable output.
func (s *IOStreams) SetTerminalWidth(w int) { s.width = w }
