package ip

import (
	"fmt"
	"io"
	"strings"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/netinfo/iface"
)

func explainRun(opts *Options, targets []target, ifaces []iface.Interface) error {
	exps := make([]iface.Explanation, len(targets))
	for i, t := range targets {
		exps[i] = explainTarget(t, ifaces)
	}
	tr := opts.F.Tr
	return cmdutil.Render(opts.F, opts.JSON, exps, cmdutil.Renderers[[]iface.Explanation]{
		Terminal: func(w io.Writer, es []iface.Explanation) error {
			return renderExplanations(w, tr, es, opts.F.IO.TerminalWidth(), opts.F.IO.ColorEnabled(), opts.OS)
		},
		Plain: func(w io.Writer, es []iface.Explanation) error {
			return renderExplanations(w, tr, es, 0, false, opts.OS)
		},
	})
}

// explainTarget explains one typed address. When no prefix was typed but
// the address is one of this machine's, the interface's own prefix is the
// one that matters, so it is used (and the output says so).
func explainTarget(t target, ifaces []iface.Interface) iface.Explanation {
	e := iface.Explain(t.input, t.addr, t.prefixLen, t.hasPrefix, ifaces)
	if t.hasPrefix || !e.Mine {
		return e
	}
	for _, ifc := range ifaces {
		for _, a := range ifc.Addrs {
			if ifc.Name == e.MineInterface && a.Address.WithZone("") == t.addr.Unmap().WithZone("") {
				return iface.Explain(t.input, t.addr, a.PrefixLen, false, ifaces)
			}
		}
	}
	return e
}

// renderExplanations prints label/value lines. With colour the network
// bits are coloured apart from the host bits, without it a "|" marks the
// split. On a terminal (width > 0) long values wrap; piped (width 0) every
// fact stays on one greppable line.
func renderExplanations(w io.Writer, tr *i18n.Catalog, es []iface.Explanation, width int, color bool, goos string) error {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, kv := range explanationLines(tr, e, color, goos) {
			fmt.Fprintf(&b, "%s\t%s\n", kv[0], kv[1])
		}
	}
	_, err := io.WriteString(w, alignLabels(b.String(), width))
	return err
}

func explanationLines(tr *i18n.Catalog, e iface.Explanation, styled bool, goos string) [][2]string {
	label := func(key string) string { return tr.T("ip.explain." + key) }
	lines := [][2]string{
		{label("address"), e.Address.String()},
		{label("family"), tr.T("ip.explain.family_" + string(e.Family))},
		{label("kind"), kindLegend(tr, e.Kind) + " — " + tr.T("ip.kind_help."+string(e.Kind))},
	}
	if e.MappedV4.IsValid() {
		lines = append(lines, [2]string{label("mapped"), tr.T("ip.explain.mapped_value", "ipv4", e.MappedV4)})
	}
	lines = append(lines, [2]string{label("binary"), splitBinary(e, styled)})
	if !e.HasPrefix && !e.Mine {
		lines = append(lines, [2]string{label("prefix"), tr.T("ip.explain.no_prefix", "bits", e.PrefixLen)})
	} else {
		if !e.HasPrefix {
			lines = append(lines, [2]string{label("prefix"), tr.T("ip.explain.prefix_from", "len", e.PrefixLen, "interface", e.MineInterface)})
		}
		lines = append(lines, networkLines(tr, e)...)
	}
	lines = append(lines, [2]string{label("mine"), mineText(tr, e)})
	if goos == "linux" && (e.Kind == iface.KindPrivate || e.Kind == iface.KindUniqueLocal) {
		lines = append(lines, [2]string{label("note"), tr.T("ip.scope_note")})
	}
	return lines
}

func networkLines(tr *i18n.Catalog, e iface.Explanation) [][2]string {
	label := func(key string) string { return tr.T("ip.explain." + key) }
	lines := [][2]string{
		{label("network_part"), tr.T("ip.explain.bits_value", "bits", len(e.NetBits), "value", e.Network)},
		{label("host_part"), tr.T("ip.explain.bits_value", "bits", len(e.HostBits), "value", e.HostPart)},
	}
	if e.Family == iface.IPv4 {
		lines = append(lines,
			[2]string{label("netmask"), e.Netmask},
			[2]string{label("broadcast"), e.Broadcast.String()},
			[2]string{label("hosts"), tr.T("ip.explain.hosts_range", "first", e.FirstHost, "last", e.LastHost, "count", e.Hosts)})
	} else {
		lines = append(lines, [2]string{label("hosts"), tr.T("ip.explain.hosts_v6", "count", e.Hosts)})
	}
	return lines
}

func mineText(tr *i18n.Catalog, e iface.Explanation) string {
	switch {
	case e.Mine:
		return tr.T("ip.explain.mine_yes", "interface", e.MineInterface)
	case e.SameNetworkAs != "":
		return tr.T("ip.explain.mine_same_network", "interface", e.SameNetworkAs)
	}
	return tr.T("ip.explain.mine_no")
}

// splitBinary writes the binary form with the network bits set apart from
// the host bits: by colour on a terminal, by a "|" otherwise.
func splitBinary(e iface.Explanation, styled bool) string {
	// Find where, in the grouped text, the PrefixLen-th bit ends.
	cut, bits := len(e.Binary), 0
	for i, r := range e.Binary {
		if bits == len(e.NetBits) {
			cut = i
			break
		}
		if r == '0' || r == '1' {
			bits++
		}
	}
	net, host := e.Binary[:cut], e.Binary[cut:]
	if styled {
		return pterm.Cyan(net) + pterm.Yellow(host)
	}
	if host == "" || net == "" {
		return e.Binary
	}
	// At a group boundary the "|" takes the place of the dot or colon.
	return net + "|" + strings.TrimLeft(host, ".:")
}

// alignLabels pads the tab-separated label column so values line up, using
// display width (Chinese labels are two columns per character), and wraps
// values to width when it is not 0.
func alignLabels(text string, width int) string {
	lines := strings.Split(text, "\n")
	labelWidth := 0
	for _, l := range lines {
		if label, _, ok := strings.Cut(l, "\t"); ok {
			labelWidth = max(labelWidth, displayWidth(label))
		}
	}
	for i, l := range lines {
		if label, value, ok := strings.Cut(l, "\t"); ok {
			lines[i] = textwrap.Pad(label, labelWidth+2) + value
			if width > 0 {
				lines[i] = textwrap.Hang(lines[i], width, strings.Repeat(" ", labelWidth+2))
			}
		}
	}
	return strings.Join(lines, "\n")
}
