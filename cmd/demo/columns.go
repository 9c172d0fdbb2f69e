package demo

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/sockdemo"
)

// columns shows the server on the left and the client on the right, each
// event on its own rows so the order of the two programs stays visible.
type columns struct {
	w     io.Writer
	tr    *i18n.Catalog
	d     *describer
	color bool
	width int // of one column
}

const gutter = " │ "

func newColumns(f *cmdutil.Factory, code codeContext) *columns {
	width := (f.IO.TerminalWidth() - runewidth.StringWidth(gutter)) / 2
	width = max(width, 24)
	// Wrapping needs plain text, so the describer never colours here; the
	// whole cell is coloured after it is cut to size.
	d := newDescriber(f.Tr, code, false)
	d.paragraphs = true
	return &columns{w: f.IO.Out, tr: f.Tr, d: d, color: f.IO.ColorEnabled(), width: width}
}

func (c *columns) header() {
	left, right := c.tr.T("demo.col.server"), c.tr.T("demo.col.client")
	c.row(c.paint(pterm.Bold, pad(left, c.width)), c.paint(pterm.Bold, right))
	c.row(strings.Repeat("─", c.width), strings.Repeat("─", c.width))
}

func (c *columns) print(ev sockdemo.Event) {
	l := c.d.describe(ev)
	var cell []string
	for i, s := range append(append([]string{l.Head}, l.Explain...), l.Result...) {
		indent := "  "
		if i == 0 {
			indent = ""
		}
		cell = append(cell, wrap(indent+s, c.width)...)
	}
	for i, s := range cell {
		if i == 0 {
			s = c.paint(sideColor(ev.Side), pad(s, c.width))
		}
		if ev.Side == sockdemo.SideServer {
			c.row(pad(s, c.width), "")
		} else {
			c.row(strings.Repeat(" ", c.width), s)
		}
	}
}

func (c *columns) row(left, right string) {
	fmt.Fprintln(c.w, strings.TrimRight(left+gutter+right, " "))
}

func (c *columns) paint(col pterm.Color, s string) string {
	if !c.color {
		return s
	}
	return col.Sprint(s)
}

// pad fills s with spaces to w terminal columns (wide CJK characters count 2).
func pad(s string, w int) string {
	if n := runewidth.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// wrap cuts s into lines of at most w terminal columns. Words move to the
// next line whole; CJK text (which has no spaces) and words too long for
// any line are cut where the line ends. Continuation lines are indented.
func wrap(s string, w int) []string {
	const cont = "    "
	var lines []string
	line := ""
	for _, word := range strings.SplitAfter(s, " ") {
		if fits(line+word, w) {
			line += word
			continue
		}
		if !breakable(word, w-len(cont)) && strings.TrimSpace(line) != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line = cont
		}
		for !fits(line+word, w) {
			head := runewidth.Truncate(word, w-runewidth.StringWidth(line), "")
			if head == "" && strings.TrimSpace(line) != "" {
				// Less room left than one wide character: start a new line.
				lines = append(lines, strings.TrimRight(line, " "))
				line = cont
				continue
			}
			if head == "" {
				break // not even one character fits on a fresh line
			}
			lines = append(lines, line+head)
			word, line = word[len(head):], cont
		}
		line += word
	}
	return append(lines, strings.TrimRight(line, " "))
}

// fits ignores trailing spaces: they vanish at the end of a line.
func fits(s string, w int) bool {
	return runewidth.StringWidth(strings.TrimRight(s, " ")) <= w
}

// breakable says a word may be cut at the line's end: it holds wide
// (CJK) characters, or it would not fit even on a line of its own.
func breakable(word string, room int) bool {
	if runewidth.StringWidth(strings.TrimRight(word, " ")) > room {
		return true
	}
	for _, r := range word {
		if runewidth.RuneWidth(r) > 1 {
			return true
		}
	}
	return false
}
