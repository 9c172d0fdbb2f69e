package cmdutil

import (
	"encoding/json"
	"io"
)

// WriteJSON writes v as indented JSON followed by a newline. JSON output is
// a stable interface: field names are documented in the README.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Renderers are the three looks of one data value. The command picks one
// late, after the data is complete: JSON when asked, the rich terminal
// layout on a terminal, plain lines otherwise.
type Renderers[T any] struct {
	Terminal func(io.Writer, T) error
	Plain    func(io.Writer, T) error
}

// Render writes data in the look the run calls for.
func Render[T any](f *Factory, asJSON bool, data T, r Renderers[T]) error {
	switch {
	case asJSON:
		return WriteJSON(f.IO.Out, data)
	case f.IO.IsStdoutTTY():
		return r.Terminal(f.IO.Out, data)
	default:
		return r.Plain(f.IO.Out, data)
	}
}
