package ports

import "testing"

func TestClassesAtTheEdges(t *testing.T) {
	cases := []struct {
		port        int
		class, iana string
	}{
		{0, ClassWellKnown, IANASystem},
		{1023, ClassWellKnown, IANASystem},
		{1024, ClassDynamic, IANAUser},
		{49151, ClassDynamic, IANAUser},
		{49152, ClassDynamic, IANADynamic},
		{65535, ClassDynamic, IANADynamic},
	}
	for _, c := range cases {
		if got := NotesClass(c.port); got != c.class {
			t.Errorf("NotesClass(%d) = %q, want %q", c.port, got, c.class)
		}
		if got := IANARange(c.port); got != c.iana {
			t.Errorf("IANARange(%d) = %q, want %q", c.port, got, c.iana)
		}
	}
}

func TestRangeContains(t *testing.T) {
	r := Range{Low: 32768, High: 60999}
	for port, want := range map[int]bool{32767: false, 32768: true, 60999: true, 61000: false} {
		if got := r.Contains(port); got != want {
			t.Errorf("%v.Contains(%d) = %v", r, port, got)
		}
	}
}

func TestParseRange(t *testing.T) {
	if r, err := parseRange("32768\t60999\n"); err != nil || r != (Range{32768, 60999}) {
		t.Errorf("parseRange = %v, %v", r, err)
	}
	for _, bad := range []string{"", "1", "1 2 3", "a b", "9 8", "-1 5", "1 65536"} {
		if _, err := parseRange(bad); err == nil {
			t.Errorf("parseRange(%q) accepted", bad)
		}
	}
}

func TestDarwinPrivilegeRule(t *testing.T) {
	old := darwinPrivilege(17, false) // High Sierra
	if old.Rule != RuleDarwinRoot || old.UnprivilegedStart != 1024 {
		t.Errorf("10.13: %+v", old)
	}
	mojave := darwinPrivilege(18, true)
	if mojave.Rule != RuleDarwinAnyAdr || mojave.UnprivilegedStart != 0 || !mojave.Have {
		t.Errorf("10.14: %+v", mojave)
	}
}

func TestPrivilegeFollowsTheStart(t *testing.T) {
	rule := Privilege{UnprivilegedStart: 1024, Rule: RuleLinux}
	for port, want := range map[int]bool{1: true, 1023: true, 1024: false, 65535: false} {
		if got := rule.privilegeFor(port); got.Needed != want || got.UnprivilegedStart != 1024 || got.Rule != RuleLinux {
			t.Errorf("port %d: %+v, want Needed %v", port, got, want)
		}
	}
}

// TestPortZeroNeedsNoPrivilege: binding port 0 asks the OS for any free
// ephemeral port, which every user may do, whatever the OS's rule for low
// ports; the rule then says so.
func TestPortZeroNeedsNoPrivilege(t *testing.T) {
	for _, rule := range []Privilege{
		{UnprivilegedStart: 1024, Rule: RuleLinux}, {UnprivilegedStart: 1024, Rule: RuleDarwinRoot},
		{Rule: RuleWindows}, {UnprivilegedStart: 1024, Rule: RuleUnixRoot}, ThisMachine().Privilege(1),
	} {
		if got := rule.privilegeFor(0); got.Needed || got.Rule != "any-port" {
			t.Errorf("port 0 under %+v: %+v, want no privilege and rule any-port", rule, got)
		}
	}
	if p := ThisMachine().Privilege(0); p.Needed || p.Rule != "any-port" {
		t.Errorf("port 0 on this machine: %+v", p)
	}
}

// FuzzParseRange: whatever the kernel file holds, a range that parses is
// a real, non-empty span of ports.
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"32768\t60999\n", "1 1", "9 8", "-1 5", "1 65536", " 1024   65535 ", "1\n2", "+1 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := parseRange(text)
		if err == nil && (r.Low < MinPort || r.High > MaxPort || r.Low > r.High) {
			t.Fatalf("parseRange(%q) = %+v", text, r)
		}
	})
}
