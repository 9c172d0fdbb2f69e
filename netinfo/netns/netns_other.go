//go:build !linux

package netns

import (
	"context"
	"os/exec"
)

// Command refuses: network namespaces exist only on Linux.
func Command(context.Context, ...string) (*exec.Cmd, error) {
	return nil, &Refusal{Reason: NotLinux, Err: errNotLinux}
}

// Setup has nothing to prepare where there are no namespaces.
func Setup() error { return &Refusal{Reason: NotLinux, Err: errNotLinux} }

// Classify returns err's refusal, if it is one.
func Classify(err error) *Refusal {
	r, _ := AsRefusal(err)
	return r
}
