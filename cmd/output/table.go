package output

import (
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
)

// Cell is one table cell in both looks: Text is what a terminal shows
// (translated, maybe styled); Value is the plain look's language-independent
// value.
type Cell struct{ Text, Value string }

// Text is a cell that reads the same in both looks (an address, a number,
// or prose in the last column).
func Text(s string) Cell { return Cell{Text: s, Value: s} }

// Value is a cell shown as text on a terminal and as value when piped.
func Value(text, value string) Cell { return Cell{Text: text, Value: value} }

// Table prints rows the way gh's tableprinter does: the caller adds each
// row once and never asks for the look. On a terminal it is a table with a
// header that fits the width; piped, each row is one plain record, its
// type first and then the cells' values, tab-separated, without a header.
type Table struct {
	l          *Layer
	record     string
	headers    []string
	rows       [][]Cell
	expendable []int
	prose      int // the free-text column, or -1
}

// NewTable starts a table whose piped rows are records of type record.
func (l *Layer) NewTable(record string, headers ...string) *Table {
	return &Table{l: l, record: record, headers: headers, prose: -1}
}

// Prose names the column of free text. Piped, it goes last in the record,
// as the plain convention wants, wherever it stands on a terminal.
func (t *Table) Prose(col int) *Table {
	t.prose = col
	return t
}

// Expendable lists column indexes, the most expendable first: on a narrow
// terminal they are left out in that order until the table fits.
func (t *Table) Expendable(cols ...int) *Table {
	t.expendable = cols
	return t
}

// AddRow adds a row of cells, one per header.
func (t *Table) AddRow(cells ...Cell) { t.rows = append(t.rows, cells) }

// Render returns the table in the layer's look.
func (t *Table) Render() (string, error) {
	if t.l.look != Terminal {
		var b strings.Builder
		for _, row := range t.rows {
			fields := []string{t.record}
			for i, c := range row {
				if i != t.prose {
					fields = append(fields, c.Value)
				}
			}
			if t.prose >= 0 && t.prose < len(row) {
				fields = append(fields, row[t.prose].Value)
			}
			b.WriteString(strings.Join(fields, "\t") + "\n")
		}
		return b.String(), nil
	}
	rows := [][]string{slices.Clone(t.headers)}
	for _, row := range t.rows {
		texts := make([]string, len(row))
		for i, c := range row {
			texts[i] = c.Text
		}
		rows = append(rows, texts)
	}
	s, err := fitTable(rows, t.l.width, t.expendable)
	if !t.l.cs.on {
		s = Strip(s)
	}
	return s, err
}

// separator is what pterm draws between two cells.
const separator = " │ "

// fitTable draws rows (the first is the header) as a pterm table at most
// width columns wide: the last column's text wraps inside its cells, and
// when that is not enough the expendable columns are dropped in order.
// When even the smallest table is too wide it is returned as it is: the
// terminal folds it, but nothing is lost.
func fitTable(rows [][]string, width int, expendable []int) (string, error) {
	var table string
	for n := 0; n <= len(expendable); n++ {
		kept := wrapLastColumn(withoutColumns(rows, expendable[:n]), width)
		var err error
		table, err = pterm.DefaultTable.WithHasHeader().WithData(kept).Srender()
		if err != nil || VisibleWidth(firstLine(table)) <= width {
			return table, err
		}
	}
	return table, nil
}

// wrapLastColumn wraps the cells of the last column to the room the other
// columns leave; pterm draws a cell with line breaks on several lines.
// Cells that already fit are left alone, colour codes and all.
func wrapLastColumn(rows [][]string, width int) [][]string {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return rows
	}
	last := len(rows[0]) - 1
	used := 0
	for col := range last {
		colWidth := 0
		for _, r := range rows {
			colWidth = max(colWidth, VisibleWidth(r[col]))
		}
		used += colWidth + runewidth.StringWidth(separator)
	}
	room := width - used
	for _, r := range rows {
		if VisibleWidth(r[last]) > room {
			r[last] = strings.Join(textwrap.Lines(Strip(r[last]), room), "\n")
		}
	}
	return rows
}

// withoutColumns copies rows without the columns in drop.
func withoutColumns(rows [][]string, drop []int) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = []string{}
		for j, cell := range row {
			if !slices.Contains(drop, j) {
				out[i] = append(out[i], cell)
			}
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
