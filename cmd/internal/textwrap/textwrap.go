// Package textwrap breaks English and Chinese text into lines that fit a
// terminal. Widths are display columns: a Chinese character takes two.
// Every command that wraps prose uses it, so all of netlearn wraps alike.
package textwrap

import (
	"strings"

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

// noLineStart is punctuation that must not begin a line: Chinese
// typesetting never puts it there, and an English comma alone at the start
// of a line reads as a mistake.
const noLineStart = "，。、；：！？）」』】》〉…—％,.;:!?)"

// wrapParagraph wraps text without line breaks: the first line to first
// columns, the others to rest.
func wrapParagraph(s string, first, rest int) []string {
	runes := []rune(s)
	var out []string
	var line []rune
	width, cols := first, 0
	breakAt := -1 // a rune index in line where a new line may start
	for i, r := range runes {
		rw := runewidth.RuneWidth(r)
		if cols+rw > width && len(line) > 0 {
			cut := len(line)
			// A word too long for any line is cut where it is, rather than
			// moved to a line of its own that it overflows anyway.
			if breakAt > 0 && wordWidth(line[breakAt:], runes[i:]) <= rest {
				cut = breakAt
			}
			if cut == len(line) && cut > 1 && strings.ContainsRune(noLineStart, r) {
				cut-- // take the last character along rather than start with r
			}
			out = append(out, strings.TrimRight(string(line[:cut]), " "))
			line = []rune(strings.TrimLeft(string(line[cut:]), " "))
			width, cols, breakAt = rest, runewidth.StringWidth(string(line)), -1
		}
		if r == ' ' && len(line) == 0 && len(out) > 0 {
			continue // a continued line does not start with the space it broke at
		}
		if rw == 2 && len(line) > 0 {
			breakAt = len(line) // may break before a wide character
		}
		line = append(line, r)
		cols += rw
		if r == ' ' || rw == 2 {
			breakAt = len(line) // may break after a space or a wide character
		}
	}
	return append(out, string(line))
}

// wordWidth is the width of the word begun in started and continued in
// next up to the next place a line may break.
func wordWidth(started, next []rune) int {
	w := runewidth.StringWidth(strings.TrimLeft(string(started), " "))
	for _, r := range next {
		rw := runewidth.RuneWidth(r)
		if r == ' ' || rw == 2 {
			break
		}
		w += rw
	}
	return w
}
