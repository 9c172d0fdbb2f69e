package oserr

import (
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

func wrapped(e error) error {
	return fmt.Errorf("saving: %w", &fs.PathError{Op: "write", Path: "progress.json", Err: e})
}

func TestIsOn(t *testing.T) {
	cases := []struct {
		goos string
		err  error
		kind Kind
		want bool
	}{
		{"linux", syscall.ENOSPC, DiskFull, true},
		{"linux", wrapped(syscall.EROFS), ReadOnlyFS, true},
		{"linux", wrapped(syscall.EISDIR), DirInTheWay, true},
		{"darwin", wrapped(syscall.EPIPE), ClosedPipe, true},
		{"windows", wrapped(syscall.Errno(112)), DiskFull, true},
		{"windows", wrapped(syscall.Errno(39)), DiskFull, true},
		{"windows", wrapped(syscall.Errno(19)), ReadOnlyFS, true},
		{"windows", wrapped(syscall.Errno(267)), DirInTheWay, true},
		{"windows", wrapped(syscall.Errno(232)), ClosedPipe, true},
		{"windows", wrapped(syscall.Errno(109)), ClosedPipe, true},
		{"windows", wrapped(syscall.Errno(233)), ClosedPipe, true},
		{"windows", fmt.Errorf("listen: %w", syscall.Errno(10013)), ReservedPort, true},
		// The same numbers mean other things elsewhere: 112 is EHOSTDOWN on Linux.
		{"linux", wrapped(syscall.Errno(112)), DiskFull, false},
		{"linux", syscall.Errno(10013), ReservedPort, false},
		{"windows", wrapped(syscall.Errno(5)), DiskFull, false},
		{"windows", nil, ClosedPipe, false},
		{"windows", fmt.Errorf("plain"), ClosedPipe, false},
	}
	for _, c := range cases {
		if got := isOn(c.goos, c.err, c.kind); got != c.want {
			t.Errorf("%s %v kind %d: %v, want %v", c.goos, c.err, c.kind, got, c.want)
		}
	}
}
