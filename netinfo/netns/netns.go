// Package netns runs part of netlearn inside a private network namespace:
// a network stack of its own with only a loopback interface, so that a demo
// or a learner's program can use any port, can be captured and disturbed,
// and can reach nothing outside. Whatever is left running there dies with
// the namespace.
//
// The namespace is entered by re-executing netlearn (see Command): an
// unprivileged process cannot create a user namespace once it has threads,
// and every Go program has threads.
package netns

import (
	"errors"
	"fmt"
	"os"
)

// childEnv marks a process that Command started inside the namespace.
const childEnv = "NETLEARN_NETNS_CHILD"

// Inside reports whether this process was started by Command, so it runs
// in a private namespace. A program (or test binary) whose code calls
// Command must check this first and run the child's work.
func Inside() bool { return os.Getenv(childEnv) == "1" }

// Reason says why a private namespace could not be had.
type Reason string

// The reasons, in the order Classify tests them.
const (
	NotLinux         Reason = "not_linux"          // namespaces are a Linux feature
	NoUserNamespaces Reason = "no_user_namespaces" // user.max_user_namespaces is 0 (RHEL 7, or set by hand)
	AppArmor         Reason = "apparmor"           // Ubuntu 23.10+: kernel.apparmor_restrict_unprivileged_userns=1
	UsernsCloneOff   Reason = "userns_clone_off"   // older Debian: kernel.unprivileged_userns_clone=0
	Other            Reason = "other"              // a container's seccomp profile, or anything else
)

// AllReasons lists every Reason, so callers can check that each has words.
func AllReasons() []Reason {
	return []Reason{NotLinux, NoUserNamespaces, AppArmor, UsernsCloneOff, Other}
}

// Refusal is the error of a namespace the system would not give.
type Refusal struct {
	Reason Reason
	Sysctl string // the setting responsible, when known, e.g. "user.max_user_namespaces"
	Err    error  // what the system call said
}

func (r *Refusal) Error() string {
	msg := "private network namespace refused (" + string(r.Reason) + ")"
	if r.Sysctl != "" {
		msg += " by " + r.Sysctl
	}
	if r.Err != nil {
		msg += ": " + r.Err.Error()
	}
	return msg
}

func (r *Refusal) Unwrap() error { return r.Err }

// AsRefusal returns err as a *Refusal when it is one.
func AsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}

var errNotLinux = fmt.Errorf("network namespaces exist only on Linux")
