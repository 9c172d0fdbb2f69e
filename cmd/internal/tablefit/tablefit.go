// Package tablefit draws pterm tables that fit the terminal: the last
// column's text wraps inside its cells, and when that is not enough the
// columns a command calls expendable are left out, one by one.
package tablefit

import (
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
)

// separator is what pterm draws between two cells.
const separator = " │ "

// Render draws rows (the first is the header) as a pterm table at most
// width columns wide. expendable lists column indexes, the most expendable
// first; they are dropped in that order until the table fits. When even
// the smallest table is too wide, it is returned as it is: the terminal
// folds it, but nothing is lost.
func Render(rows [][]string, width int, expendable ...int) (string, error) {
	var table string
	for n := 0; n <= len(expendable); n++ {
		kept := wrapLastColumn(withoutColumns(rows, expendable[:n]), width)
		var err error
		table, err = pterm.DefaultTable.WithHasHeader().WithData(kept).Srender()
		if err != nil || visibleWidth(firstLine(table)) <= width {
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
			colWidth = max(colWidth, visibleWidth(r[col]))
		}
		used += colWidth + runewidth.StringWidth(separator)
	}
	room := width - used
	for _, r := range rows {
		if visibleWidth(r[last]) > room {
			r[last] = strings.Join(textwrap.Lines(pterm.RemoveColorFromString(r[last]), room), "\n")
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

// visibleWidth is how many columns s takes on screen: colour codes take
// none and a Chinese character takes two.
func visibleWidth(s string) int {
	return runewidth.StringWidth(pterm.RemoveColorFromString(s))
}
