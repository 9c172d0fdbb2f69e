// Package iostreams carries netlearn's input and output streams together
// with what is known about them: whether each is a terminal, whether the
// terminal layout and colour are wanted, and how wide the terminal is. It
// hands out the output layer (see package output) that renderers draw with.
// Commands never touch os.Stdout directly.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"

	"github.com/netlearn/netlearn/cmd/output"
)

// IOStreams is the I/O of one run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// What the streams really are: prompts need a real terminal.
	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	layoutTTY bool // the terminal layout: stdout is a terminal, or one is forced
	color     bool
	width     int
}

// System returns the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       stdout(),
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	s.layoutTTY = s.stdoutTTY
	return s
}

// Test returns streams backed by buffers: no terminal, no colour.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// isTerminal also knows Cygwin and MSYS terminals (mintty, Git Bash on
// Windows), which are pipes to the console API but terminals to the user.
func isTerminal(f *os.File) bool {
	fd := f.Fd()
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

// Settings are the user's wishes about the look, from flags and environment.
type Settings struct {
	NoColorFlag bool   // --no-color
	NoColorEnv  string // NO_COLOR: any non-empty value turns colour off
	ForceColor  string // CLICOLOR_FORCE: non-empty and not "0" forces colour, nothing else
	// ForceTTY is NETLEARN_FORCE_TTY: non-empty and not "0" forces the
	// terminal layout (and with it colour) on a pipe, for paging with
	// `less -R` and for tests. A number gives the width in columns.
	ForceTTY string
}

// Apply decides the layout and colour once per run. The terminal layout
// comes from stdout being a terminal or NETLEARN_FORCE_TTY. Colour is on
// with the terminal layout or CLICOLOR_FORCE, unless --no-color or NO_COLOR
// says otherwise. Prompts are not affected: they need real terminals.
func (s *IOStreams) Apply(c Settings) {
	if on(c.ForceTTY) {
		s.layoutTTY = true
		if w, err := strconv.Atoi(c.ForceTTY); err == nil && w > 1 {
			s.width = w
		}
	}
	wanted := s.layoutTTY || on(c.ForceColor)
	s.color = wanted && !c.NoColorFlag && c.NoColorEnv == ""
}

func on(env string) bool { return env != "" && env != "0" }

// SetTTY sets the terminal flags; tests use it to pretend. The terminal
// layout follows stdout.
func (s *IOStreams) SetTTY(stdin, stdout, stderr bool) {
	s.stdinTTY, s.stdoutTTY, s.stderrTTY = stdin, stdout, stderr
	s.layoutTTY = stdout
}

// isStdoutTTY reports whether the terminal layout is in use: stdout is a
// terminal, or NETLEARN_FORCE_TTY forces one. Commands ask the layer.
func (s *IOStreams) isStdoutTTY() bool { return s.layoutTTY }

// IsStderrTTY reports whether hints and spinners may be shown.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// CanPrompt reports whether the user can answer questions interactively:
// stdin and stdout must both really be terminals, whatever is forced.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stdoutTTY }

// colorEnabled reports whether ANSI styling may be written to Out.
// Commands ask the layer's ColorScheme.
func (s *IOStreams) colorEnabled() bool { return s.color }

// terminalWidth returns the width of the output terminal, or 80. With the
// terminal layout forced onto a pipe (`| less -R`), stderr's terminal
// tells the width.
func (s *IOStreams) terminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	if w := widthOf(s.Out); w > 0 {
		return w
	}
	if w := widthOf(s.ErrOut); w > 0 && s.layoutTTY {
		return w
	}
	return output.DefaultWidth
}

func widthOf(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}

// SetTerminalWidth fixes the width; tests use it for stable output.
func (s *IOStreams) SetTerminalWidth(w int) { s.width = w }

// Output is the output layer for Out: the terminal or plain look, colour,
// and width, as decided for this run. Commands add --json with WithJSON.
func (s *IOStreams) Output() *output.Layer {
	look := output.Plain
	if s.layoutTTY {
		look = output.Terminal
	}
	return output.New(s.Out, look, s.color, s.terminalWidth())
}

// ErrOutput is the output layer for ErrOut, where hints go. It shares
// Out's colour decision, as gh does; hints are for terminals only.
func (s *IOStreams) ErrOutput() *output.Layer {
	look := output.Plain
	if s.stderrTTY {
		look = output.Terminal
	}
	return output.New(s.ErrOut, look, s.color, s.terminalWidth())
}
