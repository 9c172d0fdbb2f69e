package cmdutil

import (
	"strings"
	"testing"
	"unicode/utf8"
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
		strings.Repeat("端", 41):    strings.Repeat("端", 40) + "…",
		strings.Repeat("a", 10000): strings.Repeat("a", 40) + "…",
	}
	for in, want := range cases {
		if got := ShowArg(in); got != want {
			t.Errorf("ShowArg(%q) = %q, want %q", in, got, want)
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
