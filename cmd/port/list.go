package port

import (
	"fmt"
	"io"
	"strings"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/tablefit"
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
	tr, width := opts.F.Tr, opts.F.IO.TerminalWidth()
	lang := string(tr.Lang())
	var rows []ListRow
	for _, k := range ports.KnownPorts() {
		rows = append(rows, ListRow{
			Port: k.Port, Name: k.Name, Protocols: k.Protocols, Aliases: append([]string{}, k.Aliases...),
			Class: ports.NotesClass(k.Port), IANARange: ports.IANARange(k.Port), Description: k.Description(lang),
		})
	}
	return cmdutil.Render(opts.F, opts.JSON, rows, cmdutil.Renderers[[]ListRow]{
		Terminal: func(w io.Writer, rs []ListRow) error { return listTerminal(w, tr, width, rs) },
		Plain:    listPlain,
	})
}

// Columns of the --list table a narrow terminal can do without: the class
// follows from the port number, the protocols matter least to a learner.
const (
	listColProtocols = 1
	listColClass     = 3
)

func listTerminal(w io.Writer, tr *i18n.Catalog, width int, rows []ListRow) error {
	data := [][]string{{tr.T("port.col.port"), tr.T("port.col.protocols"), tr.T("port.col.name"), tr.T("port.col.class"), tr.T("port.col.description")}}
	for _, r := range rows {
		data = append(data, []string{fmt.Sprint(r.Port), strings.Join(r.Protocols, "/"), r.Name, tr.T("port.class_short." + r.Class), r.Description})
	}
	table, err := tablefit.Render(data, width, listColClass, listColProtocols)
	if err != nil {
		return err
	}
	notes := []fact{{
		label:   tr.T("port.label.notes"),
		values:  []string{tr.T("port.list_scope")},
		explain: []string{tr.T("port.explain.class"), tr.T("port.list_more", "path", ports.SystemServicesPath())},
	}}
	_, err = io.WriteString(w, pterm.DefaultSection.Sprint(tr.T("port.list_title"))+"\n"+table+"\n"+renderFacts(notes, width))
	return err
}

// listPlain writes one tab-separated line per row:
// port, protocols, name, class, description.
func listPlain(w io.Writer, rows []ListRow) error {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\n", r.Port, strings.Join(r.Protocols, ","), r.Name, r.Class, r.Description)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
