package ip

import (
	"fmt"
	"io"
	"strconv"
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
			return renderExplanations(w, tr, es, opts.F.IO.TerminalWidth(), opts.F.IO.ColorEnabled())
		},
		Plain: func(w io.Writer, es []iface.Explanation) error { return renderExplanations(w, tr, es, 0, false) },
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
func renderExplanations(w io.Writer, tr *i18n.Catalog, es []iface.Explanation, width int, color bool) error {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, kv := range explanationLines(tr, e, color) {
			fmt.Fprintf(&b, "%s\t%s\n", kv[0], kv[1])
		}
	}
	_, err := io.WriteString(w, alignLabels(b.String(), width))
	return err
}

func explanationLines(tr *i18n.Catalog, e iface.Explanation, styled bool) [][2]string {
	label := func(key string) string { return tr.T("ip.explain." + key) }
	lines := [][2]string{
		{label("address"), e.Address.String()},
		{label("family"), tr.T("ip.explain.family_" + string(e.Family))},
		{label("kind"), string(e.Kind) + " — " + tr.T("ip.kind_help."+string(e.Kind))},
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
	if e.Kind == iface.KindPrivate || e.Kind == iface.KindUniqueLocal {
		lines = append(lines, [2]string{label("note"), tr.T("ip.scope_note")})
	}
	return lines
}

func networkLines(tr *i18n.Catalog, e iface.Explanation) [][2]string {
	label := func(key string) string { return tr.T("ip.explain." + key) }
	lines := [][2]string{
		{label("network_part"), tr.N("ip.explain.bits_value", len(e.NetBits), "bits", len(e.NetBits), "value", e.Network)},
		{label("host_part"), tr.N("ip.explain.bits_value", len(e.HostBits), "bits", len(e.HostBits), "value", e.HostPart)},
	}
	if e.Family == iface.IPv4 {
		lines = append(lines,
			[2]string{label("netmask"), e.Netmask},
			[2]string{label("broadcast"), broadcastText(tr, e)},
			[2]string{label("hosts"), hostsText(tr, e)})
	} else {
		lines = append(lines, [2]string{label("hosts"), tr.N("ip.explain.hosts_v6", hostCount(e), "count", e.Hosts)})
	}
	return lines
}

// broadcastText is the broadcast address, or why there is none.
func broadcastText(tr *i18n.Catalog, e iface.Explanation) string {
	if !e.Broadcast.IsValid() {
		return tr.T("ip.explain.no_broadcast_" + strconv.Itoa(e.PrefixLen))
	}
	return e.Broadcast.String()
}

// hostCount is e.Hosts as an int when it is small, for choosing a plural.
func hostCount(e iface.Explanation) int {
	n, err := strconv.Atoi(e.Hosts)
	if err != nil {
		return -1 // more than an int holds
	}
	return n
}

func hostsText(tr *i18n.Catalog, e iface.Explanation) string {
	if e.FirstHost == e.LastHost {
		return tr.T("ip.explain.hosts_single", "host", e.FirstHost)
	}
	return tr.T("ip.explain.hosts_range", "first", e.FirstHost, "last", e.LastHost, "count", e.Hosts)
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
