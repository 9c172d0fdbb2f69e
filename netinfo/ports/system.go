package ports

import (
	"fmt"
	"strconv"
	"strings"
)

// Where this OS's ephemeral range comes from, for EphemeralSource.
const (
	SourceLinuxSysctl  = "linux-sysctl"    // /proc/sys/net/ipv4/ip_local_port_range
	SourceDarwinSysctl = "darwin-sysctl"   // net.inet.ip.portrange.first/last
	SourceWindows      = "windows-default" // not read: Windows' documented default
	SourceIANADefault  = "iana-default"    // not read: IANA's suggestion
)

// AllEphemeralSources lists every place the ephemeral range can come from.
func AllEphemeralSources() []string {
	return []string{SourceLinuxSysctl, SourceDarwinSysctl, SourceWindows, SourceIANADefault}
}

// EphemeralRange returns the range this OS picks a client's local port
// from when the program binds none (see EphemeralSource for where it came
// from). On error it returns the OS's usual default with the error.
func EphemeralRange() (Range, error) { return ephemeralRange() }

// EphemeralSource names where EphemeralRange's answer comes from on this
// OS: one of the Source constants.
func EphemeralSource() string { return ephemeralSource }

// Privilege says whether binding a port needs privilege on this OS.
type Privilege struct {
	// Needed is true when an ordinary user may not bind the port here.
	Needed bool `json:"needed"`
	// UnprivilegedStart is the first port anyone may bind (0: every port).
	UnprivilegedStart int `json:"unprivileged_port_start"`
	// Have is true when this process may bind below UnprivilegedStart
	// anyway: root, or on Linux the CAP_NET_BIND_SERVICE capability.
	Have bool `json:"have"`
	// Rule names the OS's rule: one of the Rule constants.
	Rule string `json:"rule"`
}

// The rules an OS applies to binding low ports.
const (
	RuleLinux        = "linux"        // ip_unprivileged_port_start, root or CAP_NET_BIND_SERVICE
	RuleDarwinRoot   = "darwin-root"  // macOS before 10.14: below 1024 needs root
	RuleDarwinAnyAdr = "darwin-any"   // macOS 10.14+: anyone may bind the wildcard address below 1024
	RuleWindows      = "windows-none" // no privileged ports
	RuleUnixRoot     = "unix-root"    // other Unix: below 1024 needs root
	// RuleAnyPort is port 0's: binding it asks the OS for any free
	// ephemeral port, which every user may do.
	RuleAnyPort = "any-port"
)

// AllRules lists every privileged-port rule.
func AllRules() []string {
	return []string{RuleLinux, RuleDarwinRoot, RuleDarwinAnyAdr, RuleWindows, RuleUnixRoot, RuleAnyPort}
}

// privilegeFor applies the OS's rule to port.
func (p Privilege) privilegeFor(port int) Privilege {
	if port == 0 {
		p.Needed, p.Rule = false, RuleAnyPort
		return p
	}
	p.Needed = port < p.UnprivilegedStart
	return p
}

// parseRange reads two whitespace-separated port numbers, as in Linux's
// ip_local_port_range ("32768\t60999\n").
func parseRange(text string) (Range, error) {
	f := strings.Fields(text)
	if len(f) != 2 {
		return Range{}, fmt.Errorf("ports: want two numbers, got %q", text)
	}
	low, err1 := strconv.Atoi(f[0])
	high, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil || low < MinPort || high > MaxPort || low > high {
		return Range{}, fmt.Errorf("ports: %q is not a port range", text)
	}
	return Range{Low: low, High: high}, nil
}
