package probe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNoGroupRange is returned where the OS has no ping_group_range.
var ErrNoGroupRange = errors.New("this system has no net.ipv4.ping_group_range")

// ParseGroupRange parses the sysctl's "LOW HIGH" text.
func ParseGroupRange(s string) (lo, hi int, err error) {
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return 0, 0, fmt.Errorf("ping_group_range: want two numbers, got %q", s)
	}
	lo, err = strconv.Atoi(fields[0])
	if err == nil {
		hi, err = strconv.Atoi(fields[1])
	}
	if err != nil {
		return 0, 0, fmt.Errorf("ping_group_range: %w", err)
	}
	return lo, hi, nil
}

// GroupAllowed tells whether gid lies in the range. The kernel's default
// "1 0" is empty, so it allows nobody.
func GroupAllowed(lo, hi, gid int) bool { return lo <= gid && gid <= hi }
