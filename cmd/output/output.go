// Package output is netlearn's output layer: the one place that decides how
// a command's output looks, and the only package that imports pterm.
//
// A Layer is handed out by IOStreams (ios.Output()) and holds the three
// decisions a renderer must not make for itself:
//
//   - the Look: Terminal (aligned, coloured, wrapped, redrawn), Plain (piped:
//     one record per line, see Record) or JSON (--json: stable fields);
//   - the ColorScheme, which returns plain text when colour is off, so a
//     renderer styles unconditionally and tests check both without global
//     switches;
//   - the width that terminal text and tables are fitted to.
//
// Renderers take a *Layer, never a width or a colour flag. Output that is
// complete before it is shown goes through Render (or a Table); output that
// arrives over time (ping's replies, the check ladder, the socket demo,
// exercise checks, packet views) goes through one Stream, whose Records
// carry all three looks at once so that a command never branches on the
// look while it runs.
//
// The plain look follows one convention for every command: the record type
// first, then tab-separated values that do not depend on the language
// (key=value pairs or stable words), and prose only in a last free-text
// field. Scripts can therefore cut and grep it in any language.
package output

import (
	"encoding/json"
	"io"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
)

// Look is how output is laid out.
type Look int

const (
	// Plain is for pipes and files: records of tab-separated fields, no
	// colour unless forced, nothing redrawn.
	Plain Look = iota
	// Terminal is for people: tables, colour, text wrapped to the width,
	// live lines redrawn in place.
	Terminal
	// JSON is --json: stable field names, documented in the README.
	JSON
)

// String names the look, for tests and messages.
func (l Look) String() string {
	switch l {
	case Terminal:
		return "terminal"
	case JSON:
		return "json"
	}
	return "plain"
}

// DefaultWidth is the width used when the terminal's is unknown.
const DefaultWidth = 80

// Layer is the output of one run (or one command of it) in its chosen look.
type Layer struct {
	w     io.Writer
	look  Look
	cs    ColorScheme
	width int
}

// New returns a layer writing to w. IOStreams calls it with what it knows
// of the terminal; tests call it to render in any look, colour on or off.
// A width below 1 means DefaultWidth.
func New(w io.Writer, look Look, color bool, width int) *Layer {
	if width < 1 {
		width = DefaultWidth
	}
	return &Layer{w: w, look: look, cs: ColorScheme{on: color}, width: width}
}

// WithJSON returns a copy of the layer in the JSON look when on is true,
// and the layer itself otherwise: commands call it with their --json flag.
func (l *Layer) WithJSON(on bool) *Layer {
	if !on {
		return l
	}
	c := *l
	c.look, c.cs = JSON, ColorScheme{}
	return &c
}

// Look is the layer's look.
func (l *Layer) Look() Look { return l.look }

// IsTerminal reports whether the terminal look is in use.
func (l *Layer) IsTerminal() bool { return l.look == Terminal }

// IsJSON reports whether the JSON look is in use.
func (l *Layer) IsJSON() bool { return l.look == JSON }

// Writer is where the layer writes.
func (l *Layer) Writer() io.Writer { return l.w }

// ColorScheme is the layer's colours; with colour off every method returns
// its text unchanged.
func (l *Layer) ColorScheme() ColorScheme { return l.cs }

// Width is the number of columns terminal text is fitted to.
func (l *Layer) Width() int { return l.width }

// Wrap fits text to the width on a terminal, continued lines starting with
// indent. In the other looks lines stay whole, as scripts want them.
func (l *Layer) Wrap(text, indent string) string {
	if l.look != Terminal {
		return text
	}
	return textwrap.Hang(text, l.width, indent)
}

// WriteJSON writes v as indented JSON followed by a newline.
func (l *Layer) WriteJSON(v any) error { return WriteJSON(l.w, v) }

// WriteJSON writes v to w as indented JSON followed by a newline, HTML
// characters left alone.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Render writes a complete data value in the layer's look: as JSON, or
// through the terminal or plain renderer. Both renderers get the layer.
func Render[T any](l *Layer, data T, terminal, plain func(*Layer, T) error) error {
	switch l.look {
	case JSON:
		return l.WriteJSON(data)
	case Terminal:
		return terminal(l, data)
	}
	return plain(l, data)
}
