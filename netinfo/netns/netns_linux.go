package netns

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/vishvananda/netlink"
)

// sysctlDir is where the namespace settings are read; tests point it at a
// folder of fake files.
var sysctlDir = "/proc/sys"

// Command returns a command that runs this same executable with args
// inside a new network namespace. Only the root of the machine's own user
// namespace may create a network namespace directly; everyone else,
// including root inside a container's user namespace, also gets a user
// namespace in which they are root, which owns the new network namespace.
//
// The child keeps the current os.Args[0] (test binaries dispatch on it),
// gets NETLEARN_NETNS_CHILD=1, and is killed if its parent dies. A refusal
// shows when the command starts: pass Start's error to Classify.
func Command(ctx context.Context, args ...string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding netlearn's own program: %w", err)
	}
	c := exec.CommandContext(ctx, exe, args...)
	c.Args[0] = os.Args[0]
	c.Env = append(os.Environ(), childEnv+"=1")
	c.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	if os.Geteuid() != 0 || !inInitialUserNamespace() {
		c.SysProcAttr.Cloneflags |= syscall.CLONE_NEWUSER
		c.SysProcAttr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Geteuid(), Size: 1}}
		c.SysProcAttr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getegid(), Size: 1}}
	}
	return c, nil
}

// inInitialUserNamespace reports whether this process's user namespace maps
// every user ID onto itself, which only the machine's own namespace does.
func inInitialUserNamespace() bool {
	b, err := os.ReadFile("/proc/self/uid_map")
	if err != nil {
		return true
	}
	return strings.Join(strings.Fields(string(b)), " ") == "0 0 4294967295"
}

// Setup prepares the namespace from inside: a new network namespace's
// loopback interface starts down.
func Setup() error {
	lo, err := netlink.LinkByName("lo")
	if err != nil {
		return fmt.Errorf("finding lo in the private namespace: %w", err)
	}
	if err := netlink.LinkSetUp(lo); err != nil {
		return fmt.Errorf("bringing lo up in the private namespace: %w", err)
	}
	return nil
}

// Classify explains a failed start of a Command. It returns nil for an
// error that is not a refusal of the namespace (a missing program, say).
func Classify(err error) *Refusal {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return nil
	}
	switch errno {
	case syscall.ENOSPC, syscall.EPERM, syscall.EACCES, syscall.EINVAL, syscall.EUSERS:
	default:
		return nil
	}
	for _, s := range []struct {
		name, value string
		reason      Reason
	}{
		{"user.max_user_namespaces", "0", NoUserNamespaces},
		{"kernel.apparmor_restrict_unprivileged_userns", "1", AppArmor},
		{"kernel.unprivileged_userns_clone", "0", UsernsCloneOff},
	} {
		if readSysctl(s.name) == s.value {
			return &Refusal{Reason: s.reason, Sysctl: s.name, Err: err}
		}
	}
	if errno == syscall.ENOSPC {
		// The limit is per user namespace: an outer one may have set it.
		return &Refusal{Reason: NoUserNamespaces, Sysctl: "user.max_user_namespaces", Err: err}
	}
	return &Refusal{Reason: Other, Err: err}
}

func readSysctl(name string) string {
	b, err := os.ReadFile(filepath.Join(sysctlDir, strings.ReplaceAll(name, ".", "/")))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
