package port

import (
	"fmt"
	"strings"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/tablefit"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// Columns of a range's table a narrow terminal can do without: IANA's
// range says more than the notes' class, and the notes under the table
// give the ephemeral range.
const (
	rangeColClass     = 2
	rangeColEphemeral = 4
	rangeColPrivilege = 5
)

// rangeTable shows the ports of one range argument one row each, then the
// explanations that apply to every row once.
func rangeTable(tr *i18n.Catalog, width int, group []ports.Report, explain bool) (string, error) {
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
	table, err := tablefit.Render(rows, width, rangeColClass, rangeColPrivilege, rangeColEphemeral)
	if err != nil {
		return "", err
	}
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
	return pterm.DefaultSection.Sprint(title) + "\n" + table + "\n" + renderFacts(notes, width), nil
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
