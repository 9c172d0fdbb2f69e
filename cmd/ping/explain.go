package ping

import (
	"runtime"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// permissionMessage explains why no ICMP mode was allowed and how to get
// one, for this operating system, and offers the TCP way round.
func permissionMessage(opts *Options, e *probe.PermissionError) string {
	tr := opts.F.Tr
	modes := make([]string, len(e.Tried))
	for i, m := range e.Tried {
		modes[i] = tr.T("ping.mode_" + string(m))
	}
	lines := []string{tr.T("ping.perm_intro", "modes", cmdutil.JoinList(tr, modes), "err", e.Err)}
	switch runtime.GOOS {
	case "linux":
		if lo, hi, err := opts.GroupRange(); err == nil && !probe.GroupAllowed(lo, hi, opts.GID()) {
			lines = append(lines, tr.T("ping.perm_linux_range", "lo", lo, "hi", hi, "gid", opts.GID()))
		}
		lines = append(lines, tr.T("ping.perm_linux_fix"))
	case "windows":
		lines = append(lines, tr.T("ping.perm_windows"))
	default:
		lines = append(lines, tr.T("ping.perm_other"))
	}
	host := opts.Host
	if host == "" {
		host = probe.DefaultLoopback.String()
	}
	lines = append(lines, tr.T("ping.perm_tcp", "host", host))
	return strings.Join(lines, "\n")
}
