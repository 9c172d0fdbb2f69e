package ping

import (
	"errors"
	"testing"
	"time"
)

func TestParseSeconds(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
		err  error
	}{
		{"1", time.Second, nil},
		{"0.2", 200 * time.Millisecond, nil},
		{" 2.5 ", 2500 * time.Millisecond, nil},
		{"200ms", 200 * time.Millisecond, nil},
		{"1m30s", 90 * time.Second, nil},
		{"0", 0, errNotPositive},
		{"-1", 0, errNotPositive},
		{"-5ms", 0, errNotPositive},
		{"soon", 0, errNotATime},
		{"", 0, errNotATime},
		{"1e9", 0, errTooLong},
		{"NaN", 0, errTooLong},
		{"Inf", 0, errTooLong},
		{"200h", 0, errTooLong},
	}
	for _, c := range cases {
		got, err := parseSeconds(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("parseSeconds(%q) = %v, %v; want %v, %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestSecondsRoundTrips(t *testing.T) {
	for _, d := range []time.Duration{time.Second, 200 * time.Millisecond, 2500 * time.Millisecond} {
		if got, err := parseSeconds(seconds(d)); err != nil || got != d {
			t.Errorf("%v → %q → %v, %v", d, seconds(d), got, err)
		}
	}
}

func FuzzParseSeconds(f *testing.F) {
	for _, s := range []string{"1", "0.2", "200ms", "1h", "-1", "NaN", "1e400", "0x10", "1_0", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseSeconds(s)
		if err != nil {
			if d != 0 {
				t.Fatalf("%q: error %v with %v", s, err, d)
			}
			return
		}
		if d <= 0 || d > maxFlagTime {
			t.Fatalf("%q accepted as %v, outside (0, %v]", s, d, maxFlagTime)
		}
	})
}

func TestSparkline(t *testing.T) {
	cases := []struct {
		in    []float64
		width int
		want  string
	}{
		{nil, 10, ""},
		{[]float64{1, 1, 1}, 10, "▁▁▁"},
		{[]float64{1, 8, -1, 4.5}, 10, "▁█x▄"},
		{[]float64{1, 2, 3, 4, 5}, 2, "▁█"},
		{[]float64{-1, -1}, 5, "xx"},
	}
	for _, c := range cases {
		if got := sparkline(c.in, c.width); got != c.want {
			t.Errorf("sparkline(%v, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
