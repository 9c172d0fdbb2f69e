package ports

const ephemeralSource = SourceWindows

// ephemeralRange returns Windows' default dynamic port range (since Vista
// it follows IANA). An administrator may change it; `netsh int ipv4 show
// dynamicport tcp` shows the real one. netlearn does not run netsh.
func ephemeralRange() (Range, error) { return IANADynamicRange, nil }

// privilegeRule: Windows has no privileged ports; anyone may bind any port
// that is free (a firewall prompt is another matter).
func privilegeRule() Privilege {
	return Privilege{UnprivilegedStart: 0, Rule: RuleWindows}
}
