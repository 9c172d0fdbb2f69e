package ports

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

const ephemeralSource = SourceLinuxSysctl

// linuxDefaultEphemeral is the kernel's default ip_local_port_range.
var linuxDefaultEphemeral = Range{Low: 32768, High: 60999}

func ephemeralRange() (Range, error) {
	data, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return linuxDefaultEphemeral, err
	}
	r, err := parseRange(string(data))
	if err != nil {
		return linuxDefaultEphemeral, err
	}
	return r, nil
}

// privilegeRule reads ip_unprivileged_port_start (Linux 4.11+; older
// kernels lack it and use 1024).
func privilegeRule() Privilege {
	start := FirstDynamic
	if data, err := os.ReadFile("/proc/sys/net/ipv4/ip_unprivileged_port_start"); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
			start = n
		}
	}
	return Privilege{UnprivilegedStart: start, Have: os.Geteuid() == 0 || hasNetBindCap(), Rule: RuleLinux}
}

// capNetBindService is the bit of CAP_NET_BIND_SERVICE in the capability
// masks of /proc/self/status.
const capNetBindService = 10

// hasNetBindCap reports whether this process's effective capabilities
// include CAP_NET_BIND_SERVICE (for example a binary given it with setcap).
func hasNetBindCap() bool {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if hex, ok := strings.CutPrefix(sc.Text(), "CapEff:"); ok {
			mask, err := strconv.ParseUint(strings.TrimSpace(hex), 16, 64)
			return err == nil && mask&(1<<capNetBindService) != 0
		}
	}
	return false
}
