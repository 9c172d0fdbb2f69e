package sockdemo

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitizer turns bytes from the network into text that is safe to show on
// a terminal: no byte from a peer ever reaches the screen raw.
//
//   - Printable UTF-8 passes through unchanged.
//   - A character split across two reads is held back and shown whole with
//     the next read (Feed keeps the incomplete tail).
//   - Invalid UTF-8 bytes are shown as \xNN.
//   - Control characters (C0, DEL, C1) are shown as \n, \r, \t, \xNN or
//     \u0085, so ESC can never start an ANSI/CSI/OSC sequence and BEL never rings.
//   - Bidi controls (U+202A–U+202E, U+2066–U+2069, ...) and other invisible
//     format characters are shown as \uXXXX, so they cannot reorder the line.
//   - A backslash is doubled, so escaped and real text cannot be confused.
//
// One Sanitizer belongs to one byte stream; the zero value is ready to use.
type Sanitizer struct {
	carry []byte // start of a UTF-8 character whose other bytes have not arrived
}

// Feed returns the safe text of b, prefixed by any tail held from the
// previous call. An incomplete character at the end of b is held back.
func (s *Sanitizer) Feed(b []byte) string {
	data := b
	if len(s.carry) > 0 {
		data = append(s.carry, b...)
		s.carry = nil
	}
	cut := incompleteTail(data)
	if cut < len(data) {
		s.carry = append([]byte(nil), data[cut:]...)
	}
	return escape(data[:cut])
}

// Flush returns a held-back tail, escaped: the stream ended before the
// character was complete.
func (s *Sanitizer) Flush() string {
	out := escape(s.carry)
	s.carry = nil
	return out
}

// Sanitize returns the safe text of one complete piece of bytes.
func Sanitize(b []byte) string {
	var s Sanitizer
	return s.Feed(b) + s.Flush()
}

// incompleteTail returns where a trailing, still-valid but unfinished UTF-8
// character starts, or len(b) when b does not end in one.
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if !utf8.RuneStart(b[i]) {
			continue
		}
		// utf8.FullRune is false only for a valid prefix that needs more
		// bytes; an invalid lead/continuation pair counts as "full".
		if !utf8.FullRune(b[i:]) {
			return i
		}
		return len(b)
	}
	return len(b)
}

// escape renders complete bytes with the rules described on Sanitizer.
func escape(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			writeHex(&out, `\x`, uint32(b[0]), 2)
		case r == '\\':
			out.WriteString(`\\`)
		case r == '\n':
			out.WriteString(`\n`)
		case r == '\r':
			out.WriteString(`\r`)
		case r == '\t':
			out.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			writeHex(&out, `\x`, uint32(r), 2)
		case unsafeRune(r):
			writeHex(&out, `\u`, uint32(r), 4)
		default:
			out.WriteRune(r)
		}
		b = b[size:]
	}
	return out.String()
}

// writeHex writes prefix and v as lower-case hex, at least digits long.
func writeHex(out *strings.Builder, prefix string, v uint32, digits int) {
	out.WriteString(prefix)
	h := strconv.FormatUint(uint64(v), 16)
	for i := len(h); i < digits; i++ {
		out.WriteByte('0')
	}
	out.WriteString(h)
}

// unsafeRune reports characters that could change how a terminal shows the
// rest of the line: C1 controls, bidi embeddings/overrides/isolates, and
// anything else Unicode does not call graphic (format and line separators).
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM, RLM, ALM
		return true
	}
	return !unicode.IsGraphic(r)
}
