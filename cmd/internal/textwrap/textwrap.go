// Package textwrap breaks English and Chinese text into lines that fit a
// terminal. Widths are display columns: a Chinese character takes two.
// Every command that wraps prose uses it, so all of netlearn wraps alike.
package textwrap

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// MinWidth is the narrowest line Lines and Hang will make: below it,
// prose turns into a column of fragments, and a slightly too wide line
// that the terminal folds is easier to read.
const MinWidth = 20

// Lines breaks text into lines at most width columns wide, keeping the
// author's own line breaks. It breaks at spaces and, since Chinese is
// written without them, before or after any wide character; a word longer
// than the line is cut. Lines carry no leading or trailing spaces.
func Lines(text string, width int) []string {
	width = max(width, MinWidth)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapParagraph(para, width, width)...)
	}
	return out
}

// Hang wraps text into a hanging paragraph: the first line fits width, the
// lines after it start with indent and fit width together with it. It
// suits "label  value" lines whose value continues under itself.
func Hang(text string, width int, indent string) string {
	width = max(width, MinWidth)
	rest := max(width-runewidth.StringWidth(indent), MinWidth/2)
	var out []string
	for i, para := range strings.Split(text, "\n") {
		first := width
		if i > 0 {
			first = rest
		}
		out = append(out, wrapParagraph(para, first, rest)...)
	}
	return strings.Join(out, "\n"+indent)
}

// Pad fills s with spaces on the right to width display columns, so that
// columns of English and Chinese text line up. Colour escape sequences
// take no columns. Text already as wide or wider is returned as it is.
func Pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-widthOf(split(s)), 0))
}

// Cut shortens s to at most width display columns for a picture or a
// column, ending it with "…" when something was cut. (Messages that repeat
// a user's argument use cmdutil.ShowArg, which also escapes it.)
func Cut(s string, width int) string { return runewidth.Truncate(s, width, "…") }

// noLineStart is punctuation that must not begin a line: Chinese
// typesetting never puts it there, and an English comma alone at the start
// of a line reads as a mistake.
const noLineStart = "，。、；：！？）」』】》〉”’…—％,.;:!?)"

// noLineEnd is punctuation that opens: it must not end a line, apart
// from the text it opens.
const noLineEnd = "（「『【《〈“‘("

// unit is what wrapping moves about: one character, or a whole colour
// escape sequence, which takes no columns and must never be cut apart.
type unit struct {
	text  string
	width int
	r     rune // the character; 0 for an escape sequence
}

func split(s string) []unit {
	var out []unit
	for i := 0; i < len(s); {
		if n := escapeLen(s[i:]); n > 0 {
			out = append(out, unit{text: s[i : i+n]})
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, unit{text: s[i : i+size], width: runewidth.RuneWidth(r), r: r})
		i += size
	}
	return out
}

// escapeLen is the length of the ANSI sequence (ESC [ parameters, final
// letter) that s starts with, or 0.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != '\x1b' || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	}
	return 0 // unterminated: an ordinary character
}

// wrapParagraph wraps text without line breaks: the first line to first
// columns, the others to rest.
func wrapParagraph(s string, first, rest int) []string {
	units := split(s)
	var out []string
	var line []unit
	width, cols := first, 0
	breakAt := -1 // an index in line where a new line may start
	for i, u := range units {
		// A space never starts a new line: it may hang past the edge,
		// where it is trimmed, so a word that fills the line exactly stays.
		if u.r != ' ' && cols+u.width > width && len(line) > 0 {
			cut := cutAt(line, breakAt, units[i:], rest)
			out = append(out, strings.TrimRight(join(line[:cut]), " "))
			line = trimLeadingSpaces(line[cut:])
			width, cols, breakAt = rest, widthOf(line), -1
		}
		if u.r == ' ' && len(line) == 0 && len(out) > 0 {
			continue // a continued line does not start with the space it broke at
		}
		if u.width == 2 && len(line) > 0 {
			breakAt = len(line) // may break before a wide character
		}
		line = append(line, u)
		cols += u.width
		if u.r == ' ' || u.width == 2 {
			breakAt = len(line) // may break after a space or a wide character
		}
	}
	return append(out, trimOverhang(join(line), len(out) > 0 || cols > width))
}

// trimOverhang drops the spaces at the end of the last line when they
// stick out past the edge or follow a break.
func trimOverhang(s string, trim bool) string {
	if trim {
		return strings.TrimRight(s, " ")
	}
	return s
}

// cutAt is where a full line breaks: at its last break opportunity, or
// where it is full; next is the text still to place, starting with the
// character that did not fit.
func cutAt(line []unit, breakAt int, next []unit, rest int) int {
	cut := len(line)
	// A word too long for any line is cut where it is, rather than
	// moved to a line of its own that it overflows anyway.
	if breakAt > 0 && wordWidth(line[breakAt:], next) <= rest {
		cut = breakAt
	}
	// The character the next line would start with: the first one cut off,
	// or the one that did not fit.
	starts := next[0].r
	if cut < len(line) {
		starts = line[cut].r
	}
	if strings.ContainsRune(noLineStart, starts) {
		// Take the character before along rather than start with closing
		// punctuation, and the one before that too while the one taken is
		// closing punctuation itself ("节）。"), as long as the next line
		// has room.
		for c := cut - 1; c >= 1 && widthOf(line[c:])+next[0].width <= rest; c-- {
			cut = c
			if !strings.ContainsRune(noLineStart, line[c].r) {
				break
			}
		}
	}
	if cut > 1 && strings.ContainsRune(noLineEnd, line[cut-1].r) && wordWidth(line[cut-1:], next)+next[0].width <= rest {
		cut-- // an opening bracket goes down with the text it opens
	}
	return cut
}

// wordWidth is the width of the word begun in started and continued in
// next up to the next place a line may break.
func wordWidth(started, next []unit) int {
	w := widthOf(trimLeadingSpaces(started))
	for _, u := range next {
		if u.r == ' ' || u.width == 2 {
			break
		}
		w += u.width
	}
	return w
}

func trimLeadingSpaces(us []unit) []unit {
	for len(us) > 0 && us[0].r == ' ' {
		us = us[1:]
	}
	return us
}

func widthOf(us []unit) int {
	w := 0
	for _, u := range us {
		w += u.width
	}
	return w
}

func join(us []unit) string {
	var b strings.Builder
	for _, u := range us {
		b.WriteString(u.text)
	}
	return b.String()
}
