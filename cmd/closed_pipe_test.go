package cmd

import (
	"context"
	"io/fs"
	"syscall"
	"testing"

	"github.com/netlearn/netlearn/cmd/iostreams"
)

// closedPipe fails every write the way stdout does once its reader is gone.
type closedPipe struct{ err error }

func (p closedPipe) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: p.err}
}

func TestClosedStdoutIsAQuietStop(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.Out = closedPipe{syscall.EPIPE}
	code := Run(context.Background(), []string{"port", "80", "--json"}, ios, func(string) string { return "" })
	if code != 0 || errOut.Len() != 0 {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errOut.String())
	}
}

func TestOtherWriteErrorsStillShow(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.Out = closedPipe{syscall.EIO}
	code := Run(context.Background(), []string{"port", "80", "--json"}, ios, func(string) string { return "" })
	if code == 0 || errOut.Len() == 0 {
		t.Errorf("exit %d, stderr %q; want a failure that says why", code, errOut.String())
	}
}
