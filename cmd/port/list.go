package port

import (
	"fmt"
	"io"
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// ListRow is one line of `netlearn port --list`.
type ListRow struct {
	Port        int      `json:"port"`
	Name        string   `json:"name"`
	Protocols   []string `json:"protocols"`
	Aliases     []string `json:"aliases"`
	Class       string   `json:"class"`
	IANARange   string   `json:"iana_range"`
	Description string   `json:"description"`
}

// listRun prints netlearn's built-in table of common ports.
func listRun(opts *Options) error {
	tr := opts.F.Tr
	lang := tr.Lang()
	var rows []ListRow
	for _, k := range ports.KnownPorts() {
		rows = append(rows, ListRow{
			Port: k.Port, Name: k.Name, Protocols: k.Protocols, Aliases: append([]string{}, k.Aliases...),
			Class: ports.NotesClass(k.Port), IANARange: ports.IANARange(k.Port), Description: k.Description(lang),
		})
	}
	return output.Render(opts.F.IO.Output().WithJSON(opts.JSON), rows,
		func(l *output.Layer, rs []ListRow) error { return listTerminal(l, tr, rs) },
		func(l *output.Layer, rs []ListRow) error { return listPlain(l, tr, rs) })
}

// Columns of the --list table a narrow terminal can do without: the class
// follows from the port number, the protocols matter least to a learner.
const (
	listColProtocols = 1
	listColClass     = 3
)

// listTable is the list in both looks: on a terminal a table that fits,
// piped one "port" record per row (number, protocols, name, class, then
// the description), the same in every language but the description.
func listTable(l *output.Layer, tr *i18n.Catalog, rows []ListRow) *output.Table {
	t := l.NewTable("port", tr.T("port.col.port"), tr.T("port.col.protocols"), tr.T("port.col.name"),
		tr.T("port.col.class"), tr.T("port.col.description")).Expendable(listColClass, listColProtocols)
	for _, r := range rows {
		t.AddRow(output.Text(fmt.Sprint(r.Port)),
			output.Value(strings.Join(r.Protocols, "/"), strings.Join(r.Protocols, ",")),
			output.Text(r.Name), output.Value(tr.T("port.class_short."+r.Class), r.Class), output.Text(r.Description))
	}
	return t
}

func listTerminal(l *output.Layer, tr *i18n.Catalog, rows []ListRow) error {
	table, err := listTable(l, tr, rows).Render()
	if err != nil {
		return err
	}
	notes := []fact{{
		label:   tr.T("port.label.notes"),
		values:  []string{tr.T("port.list_scope")},
		explain: []string{tr.T("port.explain.class"), tr.T("port.list_more", "path", ports.SystemServicesPath())},
	}}
	_, err = io.WriteString(l.Writer(), l.ColorScheme().Section(1, tr.T("port.list_title"))+"\n"+table+"\n"+renderFacts(l, notes))
	return err
}

func listPlain(l *output.Layer, tr *i18n.Catalog, rows []ListRow) error {
	table, err := listTable(l, tr, rows).Render()
	if err != nil {
		return err
	}
	_, err = io.WriteString(l.Writer(), table)
	return err
}
