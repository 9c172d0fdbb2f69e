package tutor

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Wrap breaks text into lines at most width columns wide, at spaces or
// between wide (CJK) characters, keeping the author's own line breaks.
func Wrap(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, wrapLine(line, max(width, 20))...)
	}
	return out
}

// noLineStart is punctuation that Chinese typesetting never puts at the
// start of a line.
const noLineStart = "，。、；：！？）」』】》〉…—％"

func wrapLine(s string, width int) []string {
	var out []string
	var line []rune
	cols, breakAt := 0, -1 // breakAt: a rune index in line a new line may start at
	for _, r := range s {
		rw := runewidth.RuneWidth(r)
		if cols+rw > width && len(line) > 0 {
			cut := len(line)
			if breakAt > 0 {
				cut = breakAt
			}
			if cut == len(line) && cut > 1 && strings.ContainsRune(noLineStart, r) {
				cut-- // take the last character along rather than start with r
			}
			out = append(out, strings.TrimRight(string(line[:cut]), " "))
			line = []rune(strings.TrimLeft(string(line[cut:]), " "))
			cols, breakAt = runewidth.StringWidth(string(line)), -1
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
