package port

import (
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// rangeTable shows the ports of one range argument one row each, then the
// explanations that apply to every row once.
func rangeTable(tr *i18n.Catalog, width int, group []ports.Report, explain bool) string {
	rows := [][]string{{
		tr.T("port.col.port"), tr.T("port.col.services"), tr.T("port.col.class"), tr.T("port.col.iana"),
		tr.T("port.col.ephemeral"), tr.T("port.col.privilege"), tr.T("port.col.listening"),
	}}
	for _, r := range group {
		rows = append(rows, []string{
			fmt.Sprint(r.Port), serviceNames(r.Services), tr.T("port.class_short." + r.Class), tr.T("port.iana_short." + r.IANARange),
			yesNo(tr, r.InEphemeralRange), yesNo(tr, r.NeedsPrivilege), listeningCell(tr, r),
		})
	}
	table, _ := pterm.DefaultTable.WithHasHeader().WithData(fitLastColumn(rows, width)).Srender()
	first, last := group[0], group[len(group)-1]
	title := tr.T("port.range_title", "arg", first.Arg, "low", first.Port, "high", last.Port)
	e := first.EphemeralRange
	notes := []fact{{
		label:  tr.T("port.label.notes"),
		values: []string{tr.T("port.ephemeral.range", "low", e.Low, "high", e.High)},
	}}
	if explain {
		notes[0].explain = []string{tr.T("port.explain.iana"), tr.T("port.explain.ephemeral." + first.EphemeralSource)}
	}
	return pterm.DefaultSection.Sprint(title) + "\n" + table + "\n" + renderFacts(notes, width)
}

func serviceNames(services []ports.Service) string {
	var names []string
	for _, s := range services {
		names = append(names, s.Name+"/"+s.Protocol)
	}
	if len(names) == 0 {
		return "-"
	}
	return strings.Join(names, " ")
}

func listeningCell(tr *i18n.Catalog, r ports.Report) string {
	if len(r.Listening) == 0 {
		if r.ListeningStatus == ports.ListeningChecked {
			return "-"
		}
		return "?"
	}
	var cells []string
	for _, l := range r.Listening {
		cells = append(cells, listenerText(tr, l))
	}
	return strings.Join(cells, "; ")
}

func yesNo(tr *i18n.Catalog, b bool) string {
	if b {
		return tr.T("port.yes")
	}
	return tr.T("port.no")
}

// fitLastColumn wraps the cells of the last column so that a table of
// rows stays within width columns; pterm draws multi-line cells.
func fitLastColumn(rows [][]string, width int) [][]string {
	if len(rows) == 0 {
		return rows
	}
	last := len(rows[0]) - 1
	used := 0
	for col := 0; col < last; col++ {
		colWidth := 0
		for _, r := range rows {
			colWidth = max(colWidth, runewidth.StringWidth(r[col]))
		}
		used += colWidth + len(" │ ")
	}
	for _, r := range rows {
		r[last] = strings.Join(textwrap.Lines(r[last], width-used-1), "\n")
	}
	return rows
}
