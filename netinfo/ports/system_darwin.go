package ports

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

const ephemeralSource = SourceDarwinSysctl

func ephemeralRange() (Range, error) {
	first, err := unix.SysctlUint32("net.inet.ip.portrange.first")
	if err != nil {
		return IANADynamicRange, err
	}
	last, err := unix.SysctlUint32("net.inet.ip.portrange.last")
	if err != nil {
		return IANADynamicRange, err
	}
	return Range{Low: int(first), High: int(last)}, nil
}

func privilegeRule() Privilege {
	release, _ := unix.Sysctl("kern.osrelease") // "18.7.0" is macOS 10.14
	major, _ := strconv.Atoi(strings.Split(release, ".")[0])
	return darwinPrivilege(major, os.Geteuid() == 0)
}
