package ping

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// wrapIndent breaks text into lines that fit width columns, each starting
// with indent. It breaks at spaces, and anywhere inside a run of text
// wider than a line, which is how Chinese (written without spaces) wraps.
func wrapIndent(text string, width int, indent string) string {
	room := max(width-runewidth.StringWidth(indent), 20)
	var lines []string
	var cur strings.Builder
	curWidth := 0
	flush := func() {
		lines = append(lines, indent+cur.String())
		cur.Reset()
		curWidth = 0
	}
	for _, word := range strings.Fields(text) {
		w := runewidth.StringWidth(word)
		if curWidth > 0 && curWidth+1+w <= room {
			cur.WriteByte(' ')
			curWidth++
		} else if curWidth > 0 {
			flush()
		}
		for _, r := range word {
			rw := runewidth.RuneWidth(r)
			if curWidth+rw > room {
				flush()
			}
			cur.WriteRune(r)
			curWidth += rw
		}
	}
	if curWidth > 0 || len(lines) == 0 {
		flush()
	}
	return strings.Join(lines, "\n")
}
