package ip

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// wrap breaks text into lines of at most width display columns; lines after
// the first start with indent. It breaks at spaces and, since Chinese has
// none, before any wide character. A word longer than the line is left
// whole rather than cut.
func wrap(text string, width int, indent string) string {
	var out strings.Builder
	line := []rune{}
	lineWidth, breakAt := 0, -1
	for _, r := range text {
		rw := runewidth.RuneWidth(r)
		if r == ' ' || rw == 2 {
			breakAt = len(line)
		}
		line = append(line, r)
		lineWidth += rw
		if lineWidth > width && breakAt > 0 {
			out.WriteString(strings.TrimRight(string(line[:breakAt]), " ") + "\n" + indent)
			line = []rune(strings.TrimLeft(string(line[breakAt:]), " "))
			lineWidth, breakAt = runewidth.StringWidth(indent+string(line)), -1
		}
	}
	out.WriteString(string(line))
	return out.String()
}
