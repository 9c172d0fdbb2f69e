package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/sockdemo"
)

// columns shows the server on the left and the client on the right, each
// event on its own rows so the order of the two programs stays visible.
type columns struct {
	// out is the run's layer: the columns are written to its writer, the
	// picture at the end goes through its stream, in the run's look.
	out   *output.Layer
	tr    *i18n.Catalog
	d     *describer
	cs    output.ColorScheme
	width int // of one column
}

const gutter = " │ "

func newColumns(l *output.Layer, tr *i18n.Catalog, code codeContext) *columns {
	width := (l.Width() - runewidth.StringWidth(gutter)) / 2
	width = max(width, 24)
	// Wrapping needs plain text, so the describer never colours here; the
	// whole cell is coloured after it is cut to size.
	d := newDescriber(tr, code, output.ColorScheme{})
	d.paragraphs = true
	return &columns{out: l, tr: tr, d: d, cs: l.ColorScheme(), width: width}
}

func (c *columns) header() {
	left, right := c.tr.T("demo.col.server"), c.tr.T("demo.col.client")
	c.row(c.cs.Bold(textwrap.Pad(left, c.width)), c.cs.Bold(right))
	c.row(strings.Repeat("─", c.width), strings.Repeat("─", c.width))
}

func (c *columns) print(ev sockdemo.Event) {
	l := c.d.describe(ev)
	var cell []string
	for i, s := range slices.Concat([]string{l.Head}, l.Explain, l.Code, l.Result) {
		indent := "  "
		if i == 0 {
			indent = ""
		}
		cell = append(cell, cellLines(indent+s, c.width)...)
	}
	for i, s := range cell {
		if i == 0 {
			s = c.cs.Paint(sideColor(ev.Side), textwrap.Pad(s, c.width))
		}
		if ev.Side == sockdemo.SideServer {
			c.row(textwrap.Pad(s, c.width), "")
		} else {
			c.row(strings.Repeat(" ", c.width), s)
		}
	}
}

func (c *columns) row(left, right string) {
	fmt.Fprintln(c.out.Writer(), strings.TrimRight(left+gutter+right, " "))
}

// cellLines wraps one line of a cell to the column, its continued lines
// indented under it.
func cellLines(s string, w int) []string {
	return strings.Split(textwrap.Hang(s, w, "    "), "\n")
}
