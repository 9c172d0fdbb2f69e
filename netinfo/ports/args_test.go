package ports

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

var testServices = `# comment line
http		80/tcp		www		# WorldWideWeb HTTP
http		80/udp
echo		7/tcp
echo		7/udp
split		1000/tcp
split		1001/udp
`

func testDB(t testing.TB) *DB {
	t.Helper()
	entries, _ := ParseServices(strings.NewReader(testServices))
	return NewDB(entries)
}

func TestParseArgGood(t *testing.T) {
	db := testDB(t)
	cases := map[string][]int{
		"80":        {80},
		"0":         {0},
		"65535":     {65535},
		" 22 ":      {22},
		"080":       {80},
		"http":      {80},
		"WWW":       {80},
		"ssh":       {22}, // from the built-in table only
		"split":     {1000, 1001},
		"8000-8003": {8000, 8001, 8002, 8003},
		"7-7":       {7},
		"ftp-data":  {20}, // a name with a dash is not a range
	}
	for arg, want := range cases {
		got, err := ParseArg(arg, db)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ParseArg(%q) = %v, %v; want %v", arg, got, err, want)
		}
	}
}

func TestParseArgBad(t *testing.T) {
	db := testDB(t)
	cases := map[string]string{
		"abc-no-such-service":  BadUnknownName,
		"-1":                   BadOutOfRange,
		"65536":                BadOutOfRange,
		"99999":                BadOutOfRange,
		"99999999999999999999": BadOutOfRange,
		"80x":                  BadNotDecimal,
		"0x50":                 BadNotDecimal,
		"+80":                  BadNotDecimal,
		"":                     BadEmpty,
		"   ":                  BadEmpty,
		"9000-8000":            BadReversed,
		"1-70000":              BadOutOfRange,
		"1000-2024":            BadTooLarge,
		"8000-":                BadNotDecimal,
		"-":                    BadNotDecimal,
	}
	for arg, kind := range cases {
		got, err := ParseArg(arg, db)
		var ae *ArgError
		if !errors.As(err, &ae) || ae.Kind != kind || ae.Arg != arg {
			t.Errorf("ParseArg(%q) = %d ports, %v; want kind %q", arg, len(got), err, kind)
		}
	}
}

func TestRangeCapIsInclusive(t *testing.T) {
	got, err := ParseArg("1000-2024", testDB(t))
	if err == nil {
		t.Fatalf("1024+1 ports accepted: %d", len(got))
	}
	got, err = ParseArg("1000-2023", testDB(t))
	if err != nil || len(got) != MaxRangePorts {
		t.Errorf("exactly %d ports: %d, %v", MaxRangePorts, len(got), err)
	}
}

func FuzzParseArg(f *testing.F) {
	for _, s := range []string{"80", "http", "8000-8010", "-1", "0x50", "", "9000-8000", "ftp-data", "1-65535", "６５"} {
		f.Add(s)
	}
	db := testDB(f)
	f.Fuzz(func(t *testing.T, arg string) {
		ports, err := ParseArg(arg, db)
		if err != nil {
			var ae *ArgError
			if !errors.As(err, &ae) || ports != nil {
				t.Fatalf("ParseArg(%q): error %v with ports %v", arg, err, ports)
			}
			return
		}
		if len(ports) == 0 || len(ports) > MaxRangePorts {
			t.Fatalf("ParseArg(%q) gave %d ports", arg, len(ports))
		}
		for i, p := range ports {
			if p < MinPort || p > MaxPort || (i > 0 && p <= ports[i-1]) {
				t.Fatalf("ParseArg(%q) = %v: not ascending valid ports", arg, ports)
			}
		}
	})
}

// TestParseArgAcceptsFullWidthCharacters: a Chinese input method in its
// full-width mode types ８０ for 80; the quiz accepts that, so does port.
func TestParseArgAcceptsFullWidthCharacters(t *testing.T) {
	db := NewDB(nil)
	for arg, want := range map[string][]int{
		"８０":        {80},
		"　４４３　":     {443},
		"８０００－８００２": {8000, 8001, 8002},
		"ｈｔｔｐ":      {80},
	} {
		got, err := ParseArg(arg, db)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ParseArg(%q) = %v, %v; want %v", arg, got, err, want)
		}
	}
	var bad *ArgError
	if _, err := ParseArg("６５５３６", db); !errors.As(err, &bad) || bad.Kind != BadOutOfRange || bad.Arg != "６５５３６" {
		t.Errorf("full-width 65536: %v", err)
	}
}
