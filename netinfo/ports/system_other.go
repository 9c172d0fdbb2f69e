//go:build !linux && !darwin && !windows

package ports

import "os"

const ephemeralSource = SourceIANADefault

// ephemeralRange is not read from the OS here; IANA's suggestion is what
// most BSDs use by default.
func ephemeralRange() (Range, error) { return IANADynamicRange, nil }

func privilegeRule() Privilege {
	return Privilege{UnprivilegedStart: FirstDynamic, Have: os.Geteuid() == 0, Rule: RuleUnixRoot}
}
