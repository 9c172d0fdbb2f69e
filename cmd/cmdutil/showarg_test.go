package cmdutil

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

func TestShowArg(t *testing.T) {
	cases := map[string]string{
		"http":                     "http",
		"以太网":                      "以太网",
		"":                         "",
		"80\n81":                   `80\n81`,
		"\x1b[31mred":              `\x1b[31mred`,
		"\xff\xfe":                 `\xff\xfe`,
		`say "hi"`:                 `say \"hi\"`,
		strings.Repeat("a", 40):    strings.Repeat("a", 40),
		strings.Repeat("端", 20):    strings.Repeat("端", 20),
		strings.Repeat("端", 21):    strings.Repeat("端", 20) + "…",
		strings.Repeat("a", 10000): strings.Repeat("a", 40) + "…",
	}
	for in, want := range cases {
		if got := ShowArg(in); got != want {
			t.Errorf("ShowArg(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShowArgCutsByColumns: a long Chinese argument is cut to the same
// 40 terminal columns as an English one, not to 40 characters (80 columns).
func TestShowArgCutsByColumns(t *testing.T) {
	for _, in := range []string{strings.Repeat("以太网", 30), strings.Repeat("a端", 30), strings.Repeat("\n", 100) + "x"} {
		got := ShowArg(in)
		if w := runewidth.StringWidth(strings.TrimSuffix(got, "…")); w > maxShownArg {
			t.Errorf("ShowArg(%q) = %q, %d columns before the …, want at most %d", in, got, w, maxShownArg)
		}
		if !strings.HasSuffix(got, "…") {
			t.Errorf("ShowArg(%q) = %q, not marked as cut", in, got)
		}
	}
}

// FuzzShowArg: whatever the user typed, what a message repeats is one
// short line of valid UTF-8 with no control characters.
func FuzzShowArg(f *testing.F) {
	for _, s := range []string{"80", "a\nb", "\x1b]0;title\a", "\xff", "端口", strings.Repeat("x", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ShowArg(s)
		// \U0010ffff, ten characters, is the longest escape of one rune.
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > 10*maxShownArg+1 {
			t.Fatalf("ShowArg(%q) = %q", s, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("ShowArg(%q) = %q keeps control character %U", s, got, r)
			}
		}
	})
}
