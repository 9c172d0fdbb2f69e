package ping_test

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"unicode"

	"github.com/netlearn/netlearn/netinfo/ping"
	"github.com/netlearn/netlearn/netinfo/ping/pingtest"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in, name string
		fam      ping.Family
		addr     string
		err      error
	}{
		{"127.0.0.1", "127.0.0.1", ping.AnyFamily, "127.0.0.1", nil},
		{" [::1] ", "::1", ping.AnyFamily, "::1", nil},
		{"::ffff:127.0.0.1", "::ffff:127.0.0.1", ping.IPv4, "127.0.0.1", nil},
		{"example.test", "example.test", ping.AnyFamily, "", nil},
		{"", "", ping.AnyFamily, "", ping.ErrEmptyHost},
		{"[]", "", ping.AnyFamily, "", ping.ErrEmptyHost},
		{"https://example.test/", "", ping.AnyFamily, "", ping.ErrHostIsURL},
		{"example.test:80", "", ping.AnyFamily, "", ping.ErrHostHasPort},
		{"a b", "", ping.AnyFamily, "", ping.ErrHostBadChars},
		{"::1", "", ping.IPv4, "", ping.ErrWrongFamily},
		{"127.0.0.1", "", ping.IPv6, "", ping.ErrWrongFamily},
		{"256.1.1.1", "", ping.AnyFamily, "", ping.ErrBadIPv4},
		{"10.1.1", "", ping.AnyFamily, "", ping.ErrBadIPv4},
		{"a..test", "", ping.AnyFamily, "", ping.ErrHostBadChars},
		{"a\x01b.test", "", ping.AnyFamily, "", ping.ErrHostBadChars},
		{".", "", ping.AnyFamily, "", ping.ErrHostBadChars},
		{"localhost.", "localhost.", ping.AnyFamily, "", nil},
		{"1a.2b.test", "1a.2b.test", ping.AnyFamily, "", nil},
		{strings.Repeat("a", 63) + ".test", strings.Repeat("a", 63) + ".test", ping.AnyFamily, "", nil},
		{strings.Repeat("a", 64) + ".test", "", ping.AnyFamily, "", ping.ErrHostTooLong},
		{strings.Repeat("abc.", 63) + "x", strings.Repeat("abc.", 63) + "x", ping.AnyFamily, "", nil}, // 253
		{strings.Repeat("abc.", 63) + "xy", "", ping.AnyFamily, "", ping.ErrHostTooLong},
		{strings.Repeat("a", 300), "", ping.AnyFamily, "", ping.ErrHostTooLong},
	}
	for _, c := range cases {
		name, addr, err := ping.ParseTarget(c.in, c.fam)
		if !errors.Is(err, c.err) || name != c.name || (c.addr != "" && addr.String() != c.addr) || (c.addr == "" && addr.IsValid()) {
			t.Errorf("ParseTarget(%q, %s) = %q, %v, %v", c.in, c.fam, name, addr, err)
		}
	}
}

func TestResolveNeverAsksForInvalidNames(t *testing.T) {
	r := &pingtest.Resolver{}
	_, err := ping.Resolve(context.Background(), r, "nothing.INVALID.", ping.AnyFamily)
	var re *ping.ResolveError
	if !errors.As(err, &re) || !re.NotFound {
		t.Fatalf("err %v, want not found", err)
	}
	if calls := r.Calls(); len(calls) != 0 {
		t.Errorf("the resolver was asked %v", calls)
	}
}

func TestResolvePicksTheWantedFamily(t *testing.T) {
	r := &pingtest.Resolver{Addrs: map[string][]netip.Addr{
		"both.test": {netip.MustParseAddr("::1"), netip.MustParseAddr("::ffff:127.0.0.1")},
		"six.test":  {netip.MustParseAddr("::1")},
	}}
	got, err := ping.Resolve(context.Background(), r, "both.test", ping.IPv4)
	if err != nil || got.Address != netip.MustParseAddr("127.0.0.1") || !got.FromDNS {
		t.Errorf("both.test -4 = %+v, %v", got, err)
	}
	got, err = ping.Resolve(context.Background(), r, "both.test", ping.AnyFamily)
	if err != nil || got.Address != netip.MustParseAddr("::1") {
		t.Errorf("both.test = %+v, %v: the first answer should win", got, err)
	}
	_, err = ping.Resolve(context.Background(), r, "six.test", ping.IPv4)
	var re *ping.ResolveError
	if !errors.As(err, &re) {
		t.Errorf("six.test -4: err %v, want a *ResolveError", err)
	}
	if lit, err := ping.Resolve(context.Background(), r, "127.0.0.2", ping.AnyFamily); err != nil || lit.FromDNS {
		t.Errorf("a literal went through DNS: %+v %v", lit, err)
	}
}

func TestResolveReportsTimeouts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ping.Resolve(ctx, &pingtest.Resolver{Hang: true}, "slow.test", ping.AnyFamily)
	var re *ping.ResolveError
	if !errors.As(err, &re) || !re.Timeout {
		t.Fatalf("err %v, want a timeout *ResolveError", err)
	}
}

func TestParseGroupRange(t *testing.T) {
	lo, hi, err := ping.ParseGroupRange("0\t2147483647\n")
	if err != nil || lo != 0 || hi != 2147483647 {
		t.Errorf("got %d %d %v", lo, hi, err)
	}
	if ping.GroupAllowed(1, 0, 0) || ping.GroupAllowed(1, 0, 1) || !ping.GroupAllowed(0, 10, 10) {
		t.Error("GroupAllowed misjudges the empty default range or the bounds")
	}
	for _, bad := range []string{"", "1", "1 x", "1 2 3", "1x 2"} {
		if _, _, err := ping.ParseGroupRange(bad); err == nil {
			t.Errorf("ParseGroupRange(%q) accepted", bad)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "[::1]", "fe80::1%eth0", "www.baidu.com", "http://x/", "a:1", "", " ", "256.1.1.1", "a..b", "x."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, addr, err := ping.ParseTarget(s, ping.AnyFamily)
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
		lo, hi, err := ping.ParseGroupRange(s)
		if err != nil && (lo != 0 || hi != 0) {
			t.Fatalf("error %v with values %d %d", err, lo, hi)
		}
	})
}
