// Package oserr recognises the OS errors netlearn explains to a learner,
// on every OS: Go maps a few Windows codes onto its portable errors
// (access denied is fs.ErrPermission), but not a full disk, a closed pipe
// or a port Windows reserves, which keep their Windows numbers.
package oserr

import (
	"errors"
	"runtime"
	"syscall"
)

// Kind is a cause worth its own explanation.
type Kind int

// The kinds.
const (
	DirInTheWay  Kind = iota // a directory where a file was expected
	ReadOnlyFS               // the file system does not take writes
	DiskFull                 // no space left
	ClosedPipe               // the reader of our output went away
	ReservedPort             // Windows refused a port (WSAEACCES): mostly an excluded port range
)

// unixErrors are the errno values of each kind; on Windows, Go's syscall
// package has invented numbers for these names that never collide with
// real Windows codes, so they are harmless to check there too.
var unixErrors = map[Kind][]error{
	DirInTheWay: {syscall.EISDIR},
	ReadOnlyFS:  {syscall.EROFS},
	DiskFull:    {syscall.ENOSPC},
	ClosedPipe:  {syscall.EPIPE},
}

// windowsCodes are the Windows error numbers of each kind (winerror.h).
// They mean something else on other systems (112 is EHOSTDOWN on Linux),
// so they are only checked on Windows.
var windowsCodes = map[Kind][]syscall.Errno{
	DirInTheWay:  {267},           // ERROR_DIRECTORY: "the directory name is invalid"
	ReadOnlyFS:   {19},            // ERROR_WRITE_PROTECT
	DiskFull:     {39, 112},       // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
	ClosedPipe:   {109, 232, 233}, // ERROR_BROKEN_PIPE, ERROR_NO_DATA ("the pipe is being closed"), ERROR_PIPE_NOT_CONNECTED (what Wine says)
	ReservedPort: {10013},         // WSAEACCES
}

// Is tells whether err is of kind k on this OS.
func Is(err error, k Kind) bool { return isOn(runtime.GOOS, err, k) }

// isOn is Is for the named OS, so that each OS's codes are tested on all.
func isOn(goos string, err error, k Kind) bool {
	if err == nil {
		return false
	}
	for _, e := range unixErrors[k] {
		if errors.Is(err, e) {
			return true
		}
	}
	var errno syscall.Errno
	if goos != "windows" || !errors.As(err, &errno) {
		return false
	}
	for _, code := range windowsCodes[k] {
		if errno == code {
			return true
		}
	}
	return false
}
