package port

import (
	"fmt"
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
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
func rangeTable(l *output.Layer, tr *i18n.Catalog, group []ports.Report, explain bool) (string, error) {
	t := l.NewTable("port",
		tr.T("port.col.port"), tr.T("port.col.services"), tr.T("port.col.class"), tr.T("port.col.iana"),
		tr.T("port.col.ephemeral"), tr.T("port.col.privilege"), tr.T("port.col.listening"),
	).Expendable(rangeColClass, rangeColPrivilege, rangeColEphemeral)
	text := output.Text
	for _, r := range group {
		t.AddRow(text(fmt.Sprint(r.Port)), text(serviceNames(r.Services)), text(tr.T("port.class_short."+r.Class)),
			text(tr.T("port.iana_short."+r.IANARange)), text(yesNo(tr, r.InEphemeralRange)),
			text(yesNo(tr, r.NeedsPrivilege)), text(listeningCell(tr, r)))
	}
	table, err := t.Render()
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
	return l.ColorScheme().Section(1, title) + "\n" + table + "\n" + renderFacts(l, notes), nil
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
