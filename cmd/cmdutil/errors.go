// Package cmdutil holds what every netlearn command shares: the Factory of
// dependencies, the error values that decide exit codes, and argument helpers.
package cmdutil

import (
	"errors"
	"strconv"
)

// Exit codes, documented in `netlearn help exit-codes` and the README.
const (
	ExitOK          = 0
	ExitFailed      = 1   // the thing checked failed: no reply, nothing listening, ...
	ExitUsage       = 2   // bad flag, bad argument, unresolvable name
	ExitPermission  = 4   // needs a privilege the user lacks
	ExitInterrupted = 130 // Ctrl-C
)

// UsageError is bad input from the user (exit 2). Msg is already
// translated; the printer adds a pointer to the failing command's --help.
// Input that is well-formed but names nothing (a host name that does not
// resolve) is Unresolved: --help would not help, so there is no pointer.
type UsageError struct {
	Msg        string
	Unresolved bool
}

func (e *UsageError) Error() string { return e.Msg }

// FailedError means the command ran but what it checked failed (exit 1).
// An empty Msg means the output already told the user everything.
type FailedError struct{ Msg string }

func (e *FailedError) Error() string { return e.Msg }

// PermissionError means the OS refused for lack of privilege (exit 4). Msg
// explains what was refused and how to get the privilege; empty, the
// command has explained it already.
type PermissionError struct{ Msg string }

func (e *PermissionError) Error() string { return e.Msg }

// ReportedError ends a command with Code when the reason has been printed
// already: the menu ends so after a command it ran in-process failed.
type ReportedError struct{ Code int }

func (e *ReportedError) Error() string { return "exit status " + strconv.Itoa(e.Code) }

// ErrInterrupted is returned when the user pressed Ctrl-C (exit 130). What was
// done so far has been printed already.
var ErrInterrupted = errors.New("interrupted")

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	var usage *UsageError
	var failed *FailedError
	var perm *PermissionError
	var reported *ReportedError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &reported):
		return reported.Code
	case errors.As(err, &usage):
		return ExitUsage
	case errors.As(err, &perm):
		return ExitPermission
	case errors.Is(err, ErrInterrupted):
		return ExitInterrupted
	case errors.As(err, &failed):
		return ExitFailed
	}
	return ExitFailed
}
