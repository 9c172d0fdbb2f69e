package ip

import (
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/iface"
)

func explainRun(opts *Options, targets []target, ifaces []iface.Interface) error {
	exps := make([]iface.Explanation, len(targets))
	for i, t := range targets {
		exps[i] = explainTarget(t, ifaces)
	}
	return output.Render(opts.F.IO.Output().WithJSON(opts.JSON), exps,
		func(l *output.Layer, es []iface.Explanation) error {
			return renderExplanations(l, opts.F.Tr, es, opts.OS)
		},
		renderExplanationsPlain)
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

// renderExplanations prints label/value lines for the terminal. With
// colour the network bits are coloured apart from the host bits, without it
// a "|" marks the split. Long values wrap. The note on `ip addr` is for
// Linux (goos) only.
func renderExplanations(l *output.Layer, tr *i18n.Catalog, es []iface.Explanation, goos string) error {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, kv := range explanationLines(l.ColorScheme(), tr, e, goos) {
			fmt.Fprintf(&b, "%s\t%s\n", kv[0], kv[1])
		}
	}
	_, err := io.WriteString(l.Writer(), alignLabels(l, b.String()))
	return err
}

// renderExplanationsPlain writes one "explain" record per address: the
// input, then key=value fields named as in the JSON. Fields that do not
// apply (a netmask for IPv6) are left out.
func renderExplanationsPlain(l *output.Layer, es []iface.Explanation) error {
	var b strings.Builder
	kv := output.KV
	for _, e := range es {
		f := []string{kv("address", e.Address), kv("family", e.Family), kv("kind", e.Kind)}
		if e.MappedV4.IsValid() {
			f = append(f, kv("mapped_ipv4", e.MappedV4))
		}
		f = append(f, kv("prefix_len", e.PrefixLen), kv("has_prefix", e.HasPrefix),
			kv("binary", splitBinary(output.ColorScheme{}, e)), kv("network", e.Network), kv("host_part", e.HostPart))
		for _, opt := range [][2]string{{"netmask", e.Netmask}, {"broadcast", addrOrEmpty(e.Broadcast)},
			{"first_host", addrOrEmpty(e.FirstHost)}, {"last_host", addrOrEmpty(e.LastHost)}} {
			if opt[1] != "" {
				f = append(f, kv(opt[0], opt[1]))
			}
		}
		f = append(f, kv("hosts", e.Hosts), kv("mine", e.Mine))
		if e.MineInterface != "" {
			f = append(f, kv("mine_interface", e.MineInterface))
		}
		if e.SameNetworkAs != "" {
			f = append(f, kv("same_network_as", e.SameNetworkAs))
		}
		b.WriteString(output.PlainLine("explain", append([]string{e.Input}, f...), ""))
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

func addrOrEmpty(a netip.Addr) string {
	if !a.IsValid() {
		return ""
	}
	return a.String()
}

func explanationLines(cs output.ColorScheme, tr *i18n.Catalog, e iface.Explanation, goos string) [][2]string {
	lines := [][2]string{
		{tr.T("ip.explain.address"), e.Address.String()},
		{tr.T("ip.explain.family"), tr.T("ip.explain.family_" + string(e.Family))},
		{tr.T("ip.explain.kind"), kindLegend(tr, e.Kind) + " — " + tr.T("ip.kind_help."+string(e.Kind))},
	}
	if e.MappedV4.IsValid() {
		lines = append(lines, [2]string{tr.T("ip.explain.mapped"), tr.T("ip.explain.mapped_value", "ipv4", e.MappedV4)})
	}
	lines = append(lines, [2]string{tr.T("ip.explain.binary"), splitBinary(cs, e)})
	if !e.HasPrefix && !e.Mine {
		lines = append(lines, [2]string{tr.T("ip.explain.prefix"), tr.T("ip.explain.no_prefix", "bits", e.PrefixLen)})
	} else {
		if !e.HasPrefix {
			lines = append(lines, [2]string{tr.T("ip.explain.prefix"), tr.T("ip.explain.prefix_from", "len", e.PrefixLen, "interface", e.MineInterface)})
		}
		lines = append(lines, networkLines(tr, e)...)
	}
	lines = append(lines, [2]string{tr.T("ip.explain.mine"), mineText(tr, e)})
	if goos == "linux" && (e.Kind == iface.KindPrivate || e.Kind == iface.KindUniqueLocal) {
		lines = append(lines, [2]string{tr.T("ip.explain.note"), tr.T("ip.scope_note")})
	}
	return lines
}

func networkLines(tr *i18n.Catalog, e iface.Explanation) [][2]string {
	lines := [][2]string{
		{tr.T("ip.explain.network_part"), tr.N("ip.explain.bits_value", len(e.NetBits), "bits", len(e.NetBits), "value", e.Network)},
		{tr.T("ip.explain.host_part"), tr.N("ip.explain.bits_value", len(e.HostBits), "bits", len(e.HostBits), "value", e.HostPart)},
	}
	if e.Family == iface.IPv4 {
		lines = append(lines,
			[2]string{tr.T("ip.explain.netmask"), e.Netmask},
			[2]string{tr.T("ip.explain.broadcast"), broadcastText(tr, e)},
			[2]string{tr.T("ip.explain.hosts"), hostsText(tr, e)})
	} else {
		lines = append(lines, [2]string{tr.T("ip.explain.hosts"), tr.N("ip.explain.hosts_v6", hostCount(e), "count", e.Hosts)})
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
func splitBinary(cs output.ColorScheme, e iface.Explanation) string {
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
	if cs.Enabled() {
		return cs.Cyan(net) + cs.Yellow(host)
	}
	if host == "" || net == "" {
		return e.Binary
	}
	// At a group boundary the "|" takes the place of the dot or colon.
	return net + "|" + strings.TrimLeft(host, ".:")
}

// alignLabels pads the tab-separated label column so values line up, using
// display width (Chinese labels are two columns per character), and wraps
// values on a terminal.
func alignLabels(l *output.Layer, text string) string {
	lines := strings.Split(text, "\n")
	labelWidth := 0
	for _, line := range lines {
		if label, _, ok := strings.Cut(line, "\t"); ok {
			labelWidth = max(labelWidth, displayWidth(label))
		}
	}
	for i, line := range lines {
		if label, value, ok := strings.Cut(line, "\t"); ok {
			lines[i] = l.Wrap(textwrap.Pad(label, labelWidth+2)+value, strings.Repeat(" ", labelWidth+2))
		}
	}
	return strings.Join(lines, "\n")
}
