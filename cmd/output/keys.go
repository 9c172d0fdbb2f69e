package output

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// KeyCode names a key a prompt reacts to.
type KeyCode int

// The keys prompts tell apart; KeyOther is any other.
const (
	KeyRune KeyCode = iota // a character: Key.Rune
	KeyEnter
	KeyUp
	KeyDown
	KeyLeft
	KeyRight
	KeyHome
	KeyEnd
	KeyDelete
	KeyBackspace
	KeyEsc
	KeyCtrlC
	KeyCtrlD
	KeyOther
)

// Key is one key press read from a terminal in raw mode.
type Key struct {
	Code KeyCode
	Rune rune // for KeyRune
}

func (k Key) String() string {
	if k.Code == KeyRune {
		return fmt.Sprintf("%q", k.Rune)
	}
	return fmt.Sprintf("key%d", k.Code)
}

// maxSequence is the longest escape sequence kept waiting for the rest of
// it; a longer one is no key a prompt knows.
const maxSequence = 16

// SplitKeys splits what reads from a terminal returned into every key in
// it: one read often holds several (a held arrow key, a paste, SSH lag).
// rest is a key cut off at the end, to be completed by the next read.
func SplitKeys(b []byte) (keys []Key, rest []byte) {
	for len(b) > 0 {
		k, n := firstKey(b)
		if n == 0 { // incomplete: wait for the next read
			return keys, b
		}
		keys = append(keys, k)
		b = b[n:]
	}
	return keys, nil
}

// firstKey reads the key at the start of b and its length; 0 when b ends
// in the middle of it.
func firstKey(b []byte) (Key, int) {
	switch c := b[0]; {
	case c == 0x1b:
		return escapeKey(b)
	case c == '\r':
		if len(b) > 1 && b[1] == '\n' {
			return Key{Code: KeyEnter}, 2
		}
		return Key{Code: KeyEnter}, 1
	case c == '\n':
		return Key{Code: KeyEnter}, 1
	case c == 0x7f || c == 0x08:
		return Key{Code: KeyBackspace}, 1
	case c == 0x03:
		return Key{Code: KeyCtrlC}, 1
	case c == 0x04:
		return Key{Code: KeyCtrlD}, 1
	case c < ' ':
		return Key{Code: KeyOther}, 1
	}
	if !utf8.FullRune(b) {
		return Key{}, 0
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError {
		return Key{Code: KeyOther}, n
	}
	return Key{Code: KeyRune, Rune: r}, n
}

// escapeKey reads a key that starts with ESC: a CSI sequence (ESC [ ...),
// an SS3 one (ESC O x), or Esc itself. Esc alone at the end of a read is
// the Esc key: terminals send a sequence in one piece.
func escapeKey(b []byte) (Key, int) {
	if len(b) == 1 {
		return Key{Code: KeyEsc}, 1
	}
	switch b[1] {
	case '[':
		return csiKey(b)
	case 'O':
		if len(b) < 3 {
			return Key{}, 0
		}
		return Key{Code: finalKey(b[2], "")}, 3
	}
	return Key{Code: KeyEsc}, 1 // Esc, then whatever follows on its own
}

// csiKey reads ESC [ parameters… final: the parameters are 0x30–0x3F,
// intermediates 0x20–0x2F, and the final byte 0x40–0x7E.
func csiKey(b []byte) (Key, int) {
	i := 2
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x3f {
		i++
	}
	switch {
	case i == len(b):
		if i >= maxSequence {
			return Key{Code: KeyOther}, i
		}
		return Key{}, 0
	case b[i] < 0x40 || b[i] > 0x7e:
		return Key{Code: KeyOther}, i // broken: drop what came so far
	}
	return Key{Code: finalKey(b[i], string(b[2:i]))}, i + 1
}

// finalKey names a sequence by its final byte and its first parameter
// (modifiers such as ";5" for Ctrl are ignored: Ctrl-Down is Down here).
func finalKey(final byte, params string) KeyCode {
	first := params
	for i, c := range params {
		if c == ';' {
			first = params[:i]
			break
		}
	}
	switch final {
	case 'A':
		return KeyUp
	case 'B':
		return KeyDown
	case 'C':
		return KeyRight
	case 'D':
		return KeyLeft
	case 'H':
		return KeyHome
	case 'F':
		return KeyEnd
	case '~':
		switch first {
		case "1", "7":
			return KeyHome
		case "4", "8":
			return KeyEnd
		case "3":
			return KeyDelete
		}
	}
	return KeyOther
}

// keyReader hands out the keys of a terminal one by one, however the reads
// cut them, and keeps the keys a read brought beyond the one asked for.
type keyReader struct {
	r       io.Reader
	pending []Key
	partial []byte
	buf     [256]byte
}

func newKeyReader(r io.Reader) *keyReader { return &keyReader{r: r} }

// next returns the next key, reading when none is waiting.
func (k *keyReader) next() (Key, error) {
	for len(k.pending) == 0 {
		n, err := k.r.Read(k.buf[:])
		if n > 0 {
			var keys []Key
			keys, k.partial = SplitKeys(append(k.partial, k.buf[:n]...))
			k.pending = append(k.pending, keys...)
			continue
		}
		if err != nil {
			return Key{}, err
		}
	}
	key := k.pending[0]
	k.pending = k.pending[1:]
	return key, nil
}

// discard forgets the keys already read: typed before a question was on
// the screen, they were not meant as its answer.
func (k *keyReader) discard() { k.pending, k.partial = nil, nil }
