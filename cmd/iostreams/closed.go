package iostreams

import (
	"errors"
	"io"
	"os"
)

// ErrStdoutClosed is what every write to a closed standard output returns
// (`netlearn ip >&-`): the answer has nowhere to go, which is a failure.
var ErrStdoutClosed = errors.New("standard output is closed")

// closedWriter stands in for a standard output that was closed.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) { return 0, ErrStdoutClosed }

// stdout is os.Stdout, or a writer that fails when the program was started
// with it closed.
func stdout() io.Writer {
	if startedClosed(1) {
		return closedWriter{}
	}
	return os.Stdout
}
