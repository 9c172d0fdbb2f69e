package port

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// groupTableMin is the number of ports from one argument (a range) from
// which the terminal shows one compact table instead of a section per port.
const groupTableMin = 3

func render(opts *Options, reports []ports.Report) error {
	tr := opts.F.Tr
	return output.Render(opts.F.IO.Output().WithJSON(opts.JSON), reports,
		func(l *output.Layer, rs []ports.Report) error { return renderTerminal(l, tr, rs) },
		func(l *output.Layer, rs []ports.Report) error { return renderPlain(l, tr, rs) })
}

// renderTerminal shows one section per port, or one table per range.
func renderTerminal(l *output.Layer, tr *i18n.Catalog, reports []ports.Report) error {
	var b strings.Builder
	explained := false // explanations are the same for every port: say them once
	for _, group := range byArgument(reports) {
		if len(group) >= groupTableMin {
			table, err := rangeTable(l, tr, group, !explained)
			if err != nil {
				return err
			}
			b.WriteString(table)
			explained = true
			continue
		}
		for _, r := range group {
			b.WriteString(portSection(l, tr, r, !explained))
			explained = true
		}
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

// byArgument splits reports into runs that came from the same argument.
func byArgument(reports []ports.Report) [][]ports.Report {
	var groups [][]ports.Report
	for i, r := range reports {
		if i == 0 || r.Arg != reports[i-1].Arg {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], r)
	}
	return groups
}

// fact is one line of a port's section: a label, its value(s), and a
// short explanation shown dimmed underneath.
type fact struct {
	label   string
	values  []string
	explain []string
}

func portSection(l *output.Layer, tr *i18n.Catalog, r ports.Report, explain bool) string {
	title := tr.T("port.title", "port", r.Port)
	if r.Arg != fmt.Sprint(r.Port) {
		title = tr.T("port.title_arg", "port", r.Port, "arg", r.Arg)
	}
	facts := []fact{
		{tr.T("port.label.class"), []string{tr.T("port.class." + r.Class)}, []string{tr.T("port.explain.class")}},
		{tr.T("port.label.iana"), []string{tr.T("port.iana." + r.IANARange)}, []string{tr.T("port.explain.iana")}},
		servicesFact(tr, r),
		ephemeralFact(tr, r),
		privilegeFact(tr, r),
		listeningFact(tr, r),
	}
	if !explain {
		for i := range facts {
			facts[i].explain = nil
		}
	}
	return l.ColorScheme().Section(1, title) + "\n" + renderFacts(l, facts)
}

func servicesFact(tr *i18n.Catalog, r ports.Report) fact {
	f := fact{label: tr.T("port.label.services"), explain: []string{tr.T("port.explain.services", "path", ports.SystemServicesPath())}}
	for _, s := range r.Services {
		v := s.Name + "/" + s.Protocol
		if len(s.Aliases) > 0 {
			v += " (" + strings.Join(s.Aliases, ", ") + ")"
		}
		if s.Description != "" {
			v += " — " + s.Description
		}
		f.values = append(f.values, v)
	}
	if len(f.values) == 0 {
		f.values = []string{tr.T("port.services.none")}
	}
	return f
}

func ephemeralFact(tr *i18n.Catalog, r ports.Report) fact {
	e := r.EphemeralRange
	key := "port.ephemeral.outside"
	if r.InEphemeralRange {
		key = "port.ephemeral.inside"
	}
	f := fact{
		label:   tr.T("port.label.ephemeral"),
		values:  []string{tr.T(key, "low", e.Low, "high", e.High, "port", r.Port)},
		explain: []string{tr.T("port.explain.ephemeral." + r.EphemeralSource)},
	}
	if ports.IANARange(e.Low) == ports.IANAUser {
		f.explain = append(f.explain, tr.T("port.ephemeral.starts_in_user", "low", e.Low))
	}
	return f
}

func privilegeFact(tr *i18n.Catalog, r ports.Report) fact {
	p := r.Privilege
	value := tr.T("port.privilege.free")
	switch {
	case p.Rule == ports.RuleAnyPort:
		value = tr.T("port.privilege.any")
	case p.Needed:
		value = tr.T("port.privilege.needed", "start", p.UnprivilegedStart)
		if p.Have {
			value += tr.T("port.privilege.have") // carries its own separator
		}
	}
	return fact{
		label:   tr.T("port.label.privilege"),
		values:  []string{value},
		explain: []string{tr.T("port.explain.privilege."+p.Rule, "start", p.UnprivilegedStart)},
	}
}

func listeningFact(tr *i18n.Catalog, r ports.Report) fact {
	f := fact{label: tr.T("port.label.listening"), explain: []string{tr.T("port.explain.listening")}}
	for _, l := range r.Listening {
		f.values = append(f.values, listenerText(tr, l))
	}
	if len(f.values) == 0 {
		f.values = []string{listeningStatusText(tr, r)}
	}
	return f
}

// listeningStatusText is what to say when no listener is shown.
func listeningStatusText(tr *i18n.Catalog, r ports.Report) string {
	switch r.ListeningStatus {
	case ports.ListeningUnavailable:
		return tr.T("port.listening.unavailable")
	case ports.ListeningFailed:
		return tr.T("port.listening.failed", "err", r.ListeningError)
	}
	return tr.T("port.listening.none")
}

func listenerText(tr *i18n.Catalog, l ports.Listener) string {
	addr := l.Address
	if l.Family == "ipv6" {
		addr = "[" + addr + "]"
	}
	owner := tr.T("port.listener.hidden")
	if l.PID > 0 {
		owner = tr.T("port.listener.owner", "pid", l.PID, "process", l.Process)
	}
	return fmt.Sprintf("%s %s:%d  %s", l.Protocol, addr, l.Port, owner)
}

// renderFacts lays facts out as label, value, and a dimmed explanation
// under the value, values and explanations wrapped to the terminal width.
func renderFacts(l *output.Layer, facts []fact) string {
	cs, width := l.ColorScheme(), l.Width()
	labelWidth := 0
	for _, f := range facts {
		labelWidth = max(labelWidth, runewidth.StringWidth(f.label))
	}
	indent := strings.Repeat(" ", labelWidth+4)
	var b strings.Builder
	for _, f := range facts {
		pad := strings.Repeat(" ", labelWidth-runewidth.StringWidth(f.label))
		head := "  " + cs.Bold(f.label) + pad + "  " // the first line starts after the label
		for _, v := range f.values {
			for _, line := range textwrap.Lines(v, width-len(indent)) {
				fmt.Fprintf(&b, "%s%s\n", head, cs.Cyan(line))
				head = indent
			}
		}
		for _, e := range f.explain {
			for _, line := range textwrap.Lines(e, width-len(indent)) {
				fmt.Fprintf(&b, "%s%s\n", indent, cs.Gray(line))
			}
		}
	}
	return b.String()
}
