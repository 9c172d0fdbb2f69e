package sockdemo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"hello", "hello"},
		{"你好, hello!", "你好, hello!"},
		{"exit\r\n", `exit\r\n`},
		{"tab\there", `tab\there`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"ring\a", `ring\x07`},
		{"del\x7f", `del\x7f`},
		{"\u009b31m", `\u009b31m`}, // C1 CSI
		{"abc\u202edcba", `abc\u202edcba`},
		{"\u2066iso\u2069", `\u2066iso\u2069`},
		{"bad \xff\xfe end", `bad \xff\xfe end`},
		{`back\slash`, `back\\slash`},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"\xe4\xbd", `\xe4\xbd`}, // stream ended mid-character
	}
	for _, c := range cases {
		if got := Sanitize([]byte(c.in)); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFeedJoinsCharacterSplitAcrossReads(t *testing.T) {
	var s Sanitizer
	ni := []byte("你好") // e4 bd a0 e5 a5 bd
	if got := s.Feed(ni[:1]); got != "" {
		t.Errorf("first byte shown early: %q", got)
	}
	if got := s.Feed(ni[1:4]); got != "你" {
		t.Errorf("second read = %q, want 你", got)
	}
	if got := s.Feed(ni[4:]); got != "好" {
		t.Errorf("third read = %q, want 好", got)
	}
	if got := s.Flush(); got != "" {
		t.Errorf("flush = %q, want empty", got)
	}
}

func TestFeedDoesNotHoldInvalidTail(t *testing.T) {
	var s Sanitizer
	// E0 80 can never start a valid character, so it is escaped at once.
	if got := s.Feed([]byte("a\xe0\x80")); got != `a\xe0\x80` {
		t.Errorf("got %q", got)
	}
	if held := s.Flush(); held != "" {
		t.Errorf("held %q of an invalid sequence", held)
	}
}

// checkSafe fails when text could be interpreted by a terminal.
func checkSafe(t *testing.T, in []byte, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("output of %q is not valid UTF-8: %q", in, text)
	}
	for _, r := range text {
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			t.Fatalf("output of %q holds %U raw: %q", in, r, text)
		}
	}
}

func FuzzSanitizer(f *testing.F) {
	seeds := []string{"hello", "你好", "\x1b[2J\x1b]0;x\x07", "\u202eabc", "\xe4\xbd\xa0", "exit\r\n", "\xf0\x9f\x98", "\\x41"}
	for _, s := range seeds {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, split uint8) {
		whole := Sanitize(data)
		checkSafe(t, data, whole)

		// Feeding in two reads, wherever the split falls, shows the same text.
		cut := 0
		if len(data) > 0 {
			cut = int(split) % (len(data) + 1)
		}
		var s Sanitizer
		parts := s.Feed(data[:cut]) + s.Feed(data[cut:]) + s.Flush()
		if parts != whole {
			t.Fatalf("split at %d: %q, whole: %q", cut, parts, whole)
		}
		// Printable input without backslashes is shown unchanged.
		if utf8.Valid(data) && !strings.ContainsAny(string(data), "\\") && strings.IndexFunc(string(data), func(r rune) bool {
			return r < 0x20 || r == 0x7f || unsafeRune(r)
		}) < 0 && whole != string(data) {
			t.Fatalf("clean input %q changed to %q", data, whole)
		}
	})
}
