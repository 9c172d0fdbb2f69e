package output

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"
)

// TestEveryKeyOfOneReadIsKept: a held arrow key, a paste or SSH lag puts
// several keys into one read. pterm's keyboard layer (atomicgo.dev/keyboard
// v0.2.10, getKeyPress) looks the whole read up as one key and loses them.
func TestEveryKeyOfOneReadIsKept(t *testing.T) {
	cases := []struct {
		in   string
		want []Key
	}{
		{"\x1b[B\x1b[B", []Key{{Code: KeyDown}, {Code: KeyDown}}},
		{"\x1b[A\x1bOB\r", []Key{{Code: KeyUp}, {Code: KeyDown}, {Code: KeyEnter}}},
		{"y\r", []Key{{Code: KeyRune, Rune: 'y'}, {Code: KeyEnter}}},
		{"80 是\r\n", []Key{{Code: KeyRune, Rune: '8'}, {Code: KeyRune, Rune: '0'}, {Code: KeyRune, Rune: ' '},
			{Code: KeyRune, Rune: '是'}, {Code: KeyEnter}}},
		{"\x03", []Key{{Code: KeyCtrlC}}},
		{"\x1b", []Key{{Code: KeyEsc}}},
		{"\x1b[3~\x7f\x1b[H\x1b[4~", []Key{{Code: KeyDelete}, {Code: KeyBackspace}, {Code: KeyHome}, {Code: KeyEnd}}},
		{"\x1b[1;5B", []Key{{Code: KeyDown}}},
	}
	for _, c := range cases {
		got, rest := SplitKeys([]byte(c.in))
		if len(rest) != 0 || !equalKeys(got, c.want) {
			t.Errorf("SplitKeys(%q) = %v rest %q, want %v", c.in, got, rest, c.want)
		}
	}
}

// TestKeysSplitAcrossReadsAreJoined: a sequence or a UTF-8 character cut
// at the end of a read is completed by the next one.
func TestKeysSplitAcrossReadsAreJoined(t *testing.T) {
	for _, parts := range [][]string{{"\x1b[", "B"}, {"\x1b[1;", "5A"}, {"\xe6\x98", "\xaf"}} {
		r := newKeyReader(&chunks{parts: parts})
		k, err := r.next()
		if err != nil || (k.Code != KeyDown && k.Code != KeyUp && k.Rune != '是') {
			t.Errorf("%q: %v %v", parts, k, err)
		}
	}
}

// TestKeyReaderKeepsKeysForTheNextPrompt: keys that came in the same read
// as the one a prompt needed wait for the next prompt.
func TestKeyReaderKeepsKeysForTheNextPrompt(t *testing.T) {
	r := newKeyReader(&chunks{parts: []string{"\x1b[B\r\x1b[B\x1b[B\r"}})
	var got []Key
	for range 5 {
		k, err := r.next()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, k)
	}
	want := []Key{{Code: KeyDown}, {Code: KeyEnter}, {Code: KeyDown}, {Code: KeyDown}, {Code: KeyEnter}}
	if !equalKeys(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if _, err := r.next(); err != io.EOF {
		t.Errorf("after the input: %v, want EOF", err)
	}
}

// FuzzSplitKeys: whatever the terminal sends, splitting never loses or
// invents bytes: every byte ends up in a key or in the rest, and the rest
// is a proper beginning of a key.
func FuzzSplitKeys(f *testing.F) {
	for _, s := range []string{"\x1b[B\x1b[B", "y\r", "\x1b[1;", "\xe6\x98", "\x1b\x1b[A", "\x00\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		keys, rest := SplitKeys(data)
		if len(rest) > maxSequence || !bytes.HasSuffix(data, rest) {
			t.Fatalf("rest %q of %q", rest, data)
		}
		for _, k := range keys {
			if k.Code == KeyRune && (k.Rune == utf8.RuneError || k.Rune < ' ') {
				t.Fatalf("key %v from %q", k, data)
			}
		}
		if len(data) > 0 && len(keys) == 0 && len(rest) == 0 {
			t.Fatalf("%q gave nothing", data)
		}
	})
}

func equalKeys(a, b []Key) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// chunks is a reader that returns one part per Read, as a terminal does.
type chunks struct{ parts []string }

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts = c.parts[1:]
	return n, nil
}
