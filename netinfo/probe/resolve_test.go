package probe_test

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"unicode"

	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in, name string
		fam      probe.Family
		addr     string
		err      error
	}{
		{"127.0.0.1", "127.0.0.1", probe.AnyFamily, "127.0.0.1", nil},
		{" [::1] ", "::1", probe.AnyFamily, "::1", nil},
		{"::ffff:127.0.0.1", "::ffff:127.0.0.1", probe.IPv4, "127.0.0.1", nil},
		{"example.test", "example.test", probe.AnyFamily, "", nil},
		{"", "", probe.AnyFamily, "", probe.ErrEmptyHost},
		{"[]", "", probe.AnyFamily, "", probe.ErrEmptyHost},
		{"https://example.test/", "", probe.AnyFamily, "", probe.ErrHostIsURL},
		{"example.test/index.html", "", probe.AnyFamily, "", probe.ErrHostIsURL},
		{"127.0.0.1/8", "", probe.AnyFamily, "", probe.ErrHostIsPrefix},
		{"fe80::/10", "", probe.AnyFamily, "", probe.ErrHostIsPrefix},
		{"example.test:80", "", probe.AnyFamily, "", probe.ErrHostHasPort},
		{"a b", "", probe.AnyFamily, "", probe.ErrHostBadChars},
		{"::1", "", probe.IPv4, "", probe.ErrWrongFamily},
		{"127.0.0.1", "", probe.IPv6, "", probe.ErrWrongFamily},
		{"256.1.1.1", "", probe.AnyFamily, "", probe.ErrBadIPv4},
		{"10.1.1", "", probe.AnyFamily, "", probe.ErrBadIPv4},
		{"a..test", "", probe.AnyFamily, "", probe.ErrHostBadChars},
		{"a\x01b.test", "", probe.AnyFamily, "", probe.ErrHostBadChars},
		{".", "", probe.AnyFamily, "", probe.ErrHostBadChars},
		{"localhost.", "localhost.", probe.AnyFamily, "", nil},
		{"1a.2b.test", "1a.2b.test", probe.AnyFamily, "", nil},
		{strings.Repeat("a", 63) + ".test", strings.Repeat("a", 63) + ".test", probe.AnyFamily, "", nil},
		{strings.Repeat("a", 64) + ".test", "", probe.AnyFamily, "", probe.ErrHostTooLong},
		{strings.Repeat("abc.", 63) + "x", strings.Repeat("abc.", 63) + "x", probe.AnyFamily, "", nil}, // 253
		{strings.Repeat("abc.", 63) + "xy", "", probe.AnyFamily, "", probe.ErrHostTooLong},
		{strings.Repeat("a", 300), "", probe.AnyFamily, "", probe.ErrHostTooLong},
	}
	for _, c := range cases {
		name, addr, err := probe.ParseTarget(c.in, c.fam)
		if !errors.Is(err, c.err) || name != c.name || (c.addr != "" && addr.String() != c.addr) || (c.addr == "" && addr.IsValid()) {
			t.Errorf("ParseTarget(%q, %s) = %q, %v, %v", c.in, c.fam, name, addr, err)
		}
	}
}

func TestResolveNeverAsksForInvalidNames(t *testing.T) {
	r := &probetest.Resolver{}
	_, err := probe.Resolve(context.Background(), r, "nothing.INVALID.", probe.AnyFamily)
	var re *probe.ResolveError
	if !errors.As(err, &re) || !re.NotFound {
		t.Fatalf("err %v, want not found", err)
	}
	if calls := r.Calls(); len(calls) != 0 {
		t.Errorf("the resolver was asked %v", calls)
	}
}

func TestResolvePicksTheWantedFamily(t *testing.T) {
	r := &probetest.Resolver{Addrs: map[string][]netip.Addr{
		"both.test": {netip.MustParseAddr("::1"), netip.MustParseAddr("::ffff:127.0.0.1")},
		"six.test":  {netip.MustParseAddr("::1")},
	}}
	got, err := probe.Resolve(context.Background(), r, "both.test", probe.IPv4)
	if err != nil || got.Address != netip.MustParseAddr("127.0.0.1") || !got.FromDNS {
		t.Errorf("both.test -4 = %+v, %v", got, err)
	}
	got, err = probe.Resolve(context.Background(), r, "both.test", probe.AnyFamily)
	if err != nil || got.Address != netip.MustParseAddr("::1") {
		t.Errorf("both.test = %+v, %v: the first answer should win", got, err)
	}
	_, err = probe.Resolve(context.Background(), r, "six.test", probe.IPv4)
	var re *probe.ResolveError
	if !errors.As(err, &re) {
		t.Errorf("six.test -4: err %v, want a *ResolveError", err)
	}
	if lit, err := probe.Resolve(context.Background(), r, "127.0.0.2", probe.AnyFamily); err != nil || lit.FromDNS {
		t.Errorf("a literal went through DNS: %+v %v", lit, err)
	}
}

func TestResolveReportsTimeouts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := probe.Resolve(ctx, &probetest.Resolver{Hang: true}, "slow.test", probe.AnyFamily)
	var re *probe.ResolveError
	if !errors.As(err, &re) || !re.Timeout {
		t.Fatalf("err %v, want a timeout *ResolveError", err)
	}
}

func TestParseGroupRange(t *testing.T) {
	lo, hi, err := probe.ParseGroupRange("0\t2147483647\n")
	if err != nil || lo != 0 || hi != 2147483647 {
		t.Errorf("got %d %d %v", lo, hi, err)
	}
	if probe.GroupAllowed(1, 0, 0) || probe.GroupAllowed(1, 0, 1) || !probe.GroupAllowed(0, 10, 10) {
		t.Error("GroupAllowed misjudges the empty default range or the bounds")
	}
	for _, bad := range []string{"", "1", "1 x", "1 2 3", "1x 2"} {
		if _, _, err := probe.ParseGroupRange(bad); err == nil {
			t.Errorf("ParseGroupRange(%q) accepted", bad)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "[::1]", "fe80::1%eth0", "www.baidu.com", "http://x/", "a:1", "", " ", "256.1.1.1", "a..b", "x."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, addr, err := probe.ParseTarget(s, probe.AnyFamily)
		if err != nil {
			if name != "" || addr.IsValid() {
				t.Fatalf("error %v with a result %q %v", err, name, addr)
			}
			return
		}
		if name == "" {
			t.Fatalf("accepted %q as an empty name", s)
		}
		if addr.IsValid() && addr.Is4In6() {
			t.Fatalf("%q kept a mapped address %v", s, addr)
		}
		if addr.IsValid() {
			return
		}
		if strings.ContainsAny(name, " /:[]") || strings.Contains(name, "..") || strings.IndexFunc(name, unicode.IsControl) >= 0 {
			t.Fatalf("accepted %q as the name %q", s, name)
		}
		if n := len(strings.TrimSuffix(name, ".")); n > 253 {
			t.Fatalf("accepted a name of %d characters", n)
		}
		if strings.Trim(name, "0123456789.") == "" {
			t.Fatalf("accepted the mistyped address %q as a name", name)
		}
	})
}

func FuzzParseGroupRange(f *testing.F) {
	for _, s := range []string{"1 0", "0\t2147483647\n", "x", "-5 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lo, hi, err := probe.ParseGroupRange(s)
		if err != nil && (lo != 0 || hi != 0) {
			t.Fatalf("error %v with values %d %d", err, lo, hi)
		}
	})
}
