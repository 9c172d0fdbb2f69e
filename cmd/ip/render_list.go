package ip

import (
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/iface"
)

// renderTable is the terminal look: one table row per address, then the
// gateway, DNS and LAN facts, then what the kinds on screen mean.
// Long explanations are wrapped to the layer's width.
func renderTable(l *output.Layer, tr *i18n.Catalog, r Report) error {
	cs := l.ColorScheme()
	var b strings.Builder
	b.WriteString(cs.Bold(tr.T("ip.title", "up", upCount(r.Interfaces), "total", len(r.Interfaces))) + "\n\n")
	table, err := addressTable(l, tr, r.Interfaces).Render()
	if err != nil {
		return err
	}
	b.WriteString(strings.TrimRight(table, "\n") + "\n\n")
	for _, line := range factLines(cs, tr, r) {
		b.WriteString(l.Wrap(line, "    ") + "\n")
	}
	b.WriteString("\n" + cs.Bold(tr.T("ip.kinds_heading")) + "\n")
	shown := kindsShown(r.Interfaces)
	kindWidth := 0 // the legend's explanations line up after the longest kind shown
	for _, k := range shown {
		kindWidth = max(kindWidth, displayWidth(kindLegend(tr, k)))
	}
	for _, k := range shown {
		name := kindLegend(tr, k)
		line := "  " + textwrap.Pad(name, kindWidth) + "  " + tr.T("ip.kind_help."+string(k))
		wrapped := l.Wrap(line, strings.Repeat(" ", kindWidth+4))
		b.WriteString(strings.Replace(wrapped, name, cs.Paint(kindColor(k), name), 1) + "\n")
	}
	if r.OS == "linux" { // the note is about Linux's `ip addr`
		b.WriteString("\n" + l.Wrap(tr.T("ip.note_line", "text", tr.T("ip.scope_note")), "") + "\n")
	}
	_, err = io.WriteString(l.Writer(), b.String())
	return err
}

func addressTable(l *output.Layer, tr *i18n.Catalog, ifaces []iface.Interface) *output.Table {
	cs := l.ColorScheme()
	t := l.NewTable("address",
		tr.T("ip.col_name"), tr.T("ip.col_state"), tr.T("ip.col_mtu"), tr.T("ip.col_mac"),
		tr.T("ip.col_address"), tr.T("ip.col_netmask"), tr.T("ip.col_kind"),
	).Expendable(colMAC, colNetmask, colMTU)
	text := output.Text
	for _, ifc := range ifaces {
		head := []output.Cell{text(ifc.Name), text(stateWord(cs, tr, ifc.Up)), text(mtuText(ifc.MTU)), text(dash(ifc.MAC))}
		if len(ifc.Addrs) == 0 {
			t.AddRow(append(head, text(cs.Gray(tr.T("ip.no_address"))), text(""), text(""))...)
			continue
		}
		for i, a := range ifc.Addrs {
			if i > 0 {
				head = []output.Cell{text(""), text(""), text(""), text("")}
			}
			t.AddRow(append(head, text(cidr(a)), text(a.Netmask), text(cs.Paint(kindColor(a.Kind), kindName(tr, a.Kind))))...)
		}
	}
	return t
}

// Columns a narrow terminal can do without, most expendable first: the
// MAC address, the netmask (the prefix length says the same), the MTU.
const (
	colMTU     = 2
	colMAC     = 3
	colNetmask = 5
)

// factLines are the gateway, DNS and LAN lines shared by the terminal look.
func factLines(cs output.ColorScheme, tr *i18n.Catalog, r Report) []string {
	var lines []string
	switch {
	case len(r.Gateways) == 0 && r.GatewayErr != nil:
		lines = append(lines, tr.T("ip.gateway_unreadable"))
	case len(r.Gateways) == 0:
		lines = append(lines, tr.T("ip.no_gateway"))
	default:
		via := make([]string, len(r.Gateways))
		for i, g := range r.Gateways {
			via[i] = tr.T("ip.gateway_via", "address", g.Address, "interface", dash(g.Interface))
		}
		lines = append(lines, tr.T("ip.gateway_line", "gateways", cmdutil.JoinList(tr, via)), "  "+tr.T("ip.gateway_why"))
	}
	lines = append(lines, dnsLines(tr, r.DNS)...)
	if r.LAN != nil {
		lines = append(lines,
			tr.T("ip.lan_line", "address", cs.Green(r.LAN.Address.String()), "interface", r.LAN.Interface),
			"  "+tr.T("ip.lan_why", "interface", r.LAN.Interface))
	}
	return lines
}

func dnsLines(tr *i18n.Catalog, d iface.DNS) []string {
	if len(d.Servers) == 0 {
		return []string{tr.T("ip.no_dns", "source", d.Source)}
	}
	lines := []string{tr.T("ip.dns_line", "servers", joinAddrs(tr, d.Servers), "source", d.Source)}
	if d.Stub {
		lines = append(lines, "  "+tr.T("ip.dns_stub"))
		if len(d.Upstreams) > 0 {
			lines = append(lines, "  "+tr.T("ip.dns_upstreams", "servers", joinAddrs(tr, d.Upstreams), "source", d.UpstreamSource))
		}
	}
	return lines
}

// renderPlain is the piped look: tab-separated records whose first field
// says what the line is, so `grep ^address` or `cut -f3` just work.
func renderPlain(l *output.Layer, r Report) error {
	var b strings.Builder
	for _, ifc := range r.Interfaces {
		state := "down"
		if ifc.Up {
			state = "up"
		}
		fmt.Fprintf(&b, "interface\t%s\t%d\t%s\t%s\t%s\t%s\n",
			ifc.Name, ifc.Index, state, mtuText(ifc.MTU), ifc.MAC, strings.Join(ifc.Flags, ","))
		for _, a := range ifc.Addrs {
			fmt.Fprintf(&b, "address\t%s\t%s\t%s\t%s\t%s\n", ifc.Name, cidr(a), a.Family, a.Kind, a.Netmask)
		}
	}
	for _, g := range r.Gateways {
		fmt.Fprintf(&b, "gateway\t%s\t%s\n", g.Address, g.Interface)
	}
	for _, s := range r.DNS.Servers {
		fmt.Fprintf(&b, "dns\t%s\t%s\n", s, r.DNS.Source)
	}
	for _, s := range r.DNS.Upstreams {
		fmt.Fprintf(&b, "dns-upstream\t%s\t%s\n", s, r.DNS.UpstreamSource)
	}
	if r.LAN != nil {
		fmt.Fprintf(&b, "lan\t%s\t%s\n", r.LAN.Address, r.LAN.Interface)
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

// renderBrief prints one line per interface, like `ip -brief addr`.
// Columns are padded by display width: Windows names its cards in
// Chinese (以太网), and tabwriter would count each character as one column.
func renderBrief(l *output.Layer, tr *i18n.Catalog, r Report) error {
	cs := l.ColorScheme()
	rows := make([][3]string, len(r.Interfaces))
	nameWidth, stateWidth := 0, 0
	for i, ifc := range r.Interfaces {
		addrs := make([]string, len(ifc.Addrs))
		for j, a := range ifc.Addrs {
			addrs[j] = cidr(a)
		}
		rows[i] = [3]string{ifc.Name, stateWord(output.ColorScheme{}, tr, ifc.Up), strings.Join(addrs, " ")}
		nameWidth = max(nameWidth, displayWidth(ifc.Name))
		stateWidth = max(stateWidth, displayWidth(rows[i][1]))
	}
	var b strings.Builder
	for i, row := range rows {
		// The colour is added after padding: escape codes take no columns.
		state := textwrap.Pad(row[1], stateWidth)
		state = strings.Replace(state, row[1], stateWord(cs, tr, r.Interfaces[i].Up), 1)
		line := textwrap.Pad(row[0], nameWidth) + "  " + state + "  " + row[2]
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

func stateWord(cs output.ColorScheme, tr *i18n.Catalog, up bool) string {
	if up {
		return cs.Green(tr.T("ip.state_up"))
	}
	return cs.Red(tr.T("ip.state_down"))
}

func upCount(ifaces []iface.Interface) int {
	n := 0
	for _, ifc := range ifaces {
		if ifc.Up {
			n++
		}
	}
	return n
}

// kindsShown lists the kinds present, in iface.AllKinds order.
func kindsShown(ifaces []iface.Interface) []iface.Kind {
	seen := map[iface.Kind]bool{}
	for _, ifc := range ifaces {
		for _, a := range ifc.Addrs {
			seen[a.Kind] = true
		}
	}
	var out []iface.Kind
	for _, k := range iface.AllKinds {
		if seen[k] {
			out = append(out, k)
		}
	}
	return out
}

// kindName is a kind in the reader's language, for terminal views only:
// JSON and piped output keep the English identifier (iface.Kind).
func kindName(tr *i18n.Catalog, k iface.Kind) string { return tr.T("ip.kind." + string(k)) }

// kindLegend is kindName with, in Chinese, the English word after it, as
// other tools and search results use it.
func kindLegend(tr *i18n.Catalog, k iface.Kind) string { return tr.T("ip.kind_legend." + string(k)) }

func kindColor(k iface.Kind) output.Color {
	switch k {
	case iface.KindGlobal:
		return output.Yellow
	case iface.KindPrivate, iface.KindUniqueLocal, iface.KindShared:
		return output.Green
	case iface.KindLoopback:
		return output.Cyan
	}
	return output.Gray
}

// cidr writes an address with its prefix length, keeping the zone of a
// link-local IPv6 address (fe80::1%eth0/64) as `ip addr` readers expect.
func cidr(a iface.Addr) string {
	return a.Address.String() + "/" + strconv.Itoa(a.PrefixLen)
}

// mtuText shows an MTU the OS did not report (Windows says -1 for its
// loopback pseudo-interface) as "-".
func mtuText(mtu int) string {
	if mtu <= 0 {
		return "-"
	}
	return strconv.Itoa(mtu)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func joinAddrs(tr *i18n.Catalog, as []netip.Addr) string {
	return cmdutil.JoinList(tr, addrStrings(as))
}
