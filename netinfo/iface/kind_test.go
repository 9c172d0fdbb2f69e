package iface

import (
	"net/netip"
	"testing"
)

// Every kind, IPv4 and IPv6, with the first and last address of each block
// and the addresses just outside it.
func TestClassify(t *testing.T) {
	cases := []struct {
		addr string
		want Kind
	}{
		{"0.0.0.0", KindUnspecified},
		{"::", KindUnspecified},
		{"0.0.0.1", KindReserved}, // "this network", not "any"
		{"0.255.255.255", KindReserved},
		{"1.0.0.0", KindGlobal},

		{"126.255.255.255", KindGlobal},
		{"127.0.0.0", KindLoopback},
		{"127.0.0.1", KindLoopback},
		{"127.255.255.255", KindLoopback},
		{"128.0.0.0", KindGlobal},
		{"::1", KindLoopback},
		{"::2", KindGlobal},

		{"223.255.255.255", KindGlobal},
		{"224.0.0.0", KindMulticast},
		{"239.255.255.255", KindMulticast},
		{"240.0.0.0", KindReserved},
		{"255.255.255.255", KindReserved},
		{"ff00::", KindMulticast},
		{"ff02::1", KindMulticast},
		{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindMulticast},
		{"feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindGlobal},

		{"169.253.255.255", KindGlobal},
		{"169.254.0.0", KindLinkLocal},
		{"169.254.255.255", KindLinkLocal},
		{"169.255.0.0", KindGlobal},
		{"fe80::", KindLinkLocal},
		{"febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindLinkLocal},
		{"fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindGlobal},
		{"fe80::1%eth0", KindLinkLocal},

		{"9.255.255.255", KindGlobal},
		{"10.0.0.0", KindPrivate},
		{"10.255.255.255", KindPrivate},
		{"11.0.0.0", KindGlobal},
		{"172.15.255.255", KindGlobal},
		{"172.16.0.0", KindPrivate},
		{"172.31.255.255", KindPrivate},
		{"172.32.0.0", KindGlobal},
		{"192.167.255.255", KindGlobal},
		{"192.168.0.0", KindPrivate},
		{"192.168.255.255", KindPrivate},
		{"192.169.0.0", KindGlobal},

		{"100.63.255.255", KindGlobal},
		{"100.64.0.0", KindShared},
		{"100.127.255.255", KindShared},
		{"100.128.0.0", KindGlobal},

		{"192.0.1.255", KindGlobal},
		{"192.0.2.0", KindDocumentation},
		{"192.0.2.255", KindDocumentation},
		{"192.0.3.0", KindGlobal},
		{"198.51.99.255", KindGlobal},
		{"198.51.100.0", KindDocumentation},
		{"198.51.100.255", KindDocumentation},
		{"198.51.101.0", KindGlobal},
		{"203.0.112.255", KindGlobal},
		{"203.0.113.0", KindDocumentation},
		{"203.0.113.255", KindDocumentation},
		{"203.0.114.0", KindGlobal},
		{"2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", KindGlobal},
		{"2001:db8::", KindDocumentation},
		{"2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", KindDocumentation},
		{"2001:db9::", KindGlobal},
		{"3fff::", KindDocumentation},
		{"3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", KindDocumentation},
		{"3fff:1000::", KindGlobal},

		{"fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindGlobal},
		{"fc00::", KindUniqueLocal},
		{"fd00::2", KindUniqueLocal},
		{"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", KindUniqueLocal},
		{"fe00::", KindGlobal},

		{"192.0.0.0", KindReserved},
		{"192.0.0.255", KindReserved},
		{"198.17.255.255", KindGlobal},
		{"198.18.0.0", KindReserved},
		{"198.19.255.255", KindReserved},
		{"198.20.0.0", KindGlobal},

		{"8.8.8.8", KindGlobal},
		{"2606:4700:4700::1111", KindGlobal},

		// IPv4-mapped IPv6 is classified as the IPv4 address inside.
		{"::ffff:192.168.1.10", KindPrivate},
		{"::ffff:127.0.0.1", KindLoopback},
		{"::ffff:0.0.0.0", KindUnspecified},
		{"::ffff:8.8.8.8", KindGlobal},
	}
	for _, c := range cases {
		if got := Classify(netip.MustParseAddr(c.addr)); got != c.want {
			t.Errorf("Classify(%s) = %s, want %s", c.addr, got, c.want)
		}
	}
}

func TestEveryKindIsReachableInBothFamilies(t *testing.T) {
	seen := map[Kind]map[Family]bool{}
	for _, s := range []string{
		"0.0.0.0", "::", "127.0.0.1", "::1", "224.0.0.1", "ff02::1", "169.254.1.1", "fe80::1",
		"10.1.2.3", "100.64.1.1", "192.0.2.1", "2001:db8::1", "fd12::1", "240.0.0.1", "8.8.4.4", "2a00::1",
	} {
		a := netip.MustParseAddr(s)
		k := Classify(a)
		if seen[k] == nil {
			seen[k] = map[Family]bool{}
		}
		seen[k][FamilyOf(a)] = true
	}
	for _, k := range AllKinds {
		if len(seen[k]) == 0 {
			t.Errorf("kind %s never produced", k)
		}
	}
}

func TestClassifyInvalidAddrIsUnspecified(t *testing.T) {
	if got := Classify(netip.Addr{}); got != KindUnspecified {
		t.Errorf("Classify(zero Addr) = %s", got)
	}
}

func TestFamilyOf(t *testing.T) {
	for s, want := range map[string]Family{"1.2.3.4": IPv4, "::1": IPv6, "::ffff:1.2.3.4": IPv6} {
		if got := FamilyOf(netip.MustParseAddr(s)); got != want {
			t.Errorf("FamilyOf(%s) = %s, want %s", s, got, want)
		}
	}
}
