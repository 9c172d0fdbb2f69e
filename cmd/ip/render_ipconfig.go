package ip

import (
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/netinfo/iface"
)

// ipconfigLabelWidth is where Windows puts the colon: labels are padded
// with ". " leaders to 34 display columns (a Chinese character takes two).
const ipconfigLabelWidth = 34

// renderIpconfig imitates `ipconfig` (with the /all lines a learner asks
// about: physical address and DNS servers) in the catalogue's language,
// whose zh labels are the ones Chinese Windows prints. Windows does not
// list its loopback pseudo-interface, so neither does this look unless the
// user names it.
func renderIpconfig(w io.Writer, tr *i18n.Catalog, r Report, named bool) error {
	var b strings.Builder
	b.WriteString("\n" + tr.T("ip.ipconfig.title") + "\n\n")
	for _, ifc := range r.Interfaces {
		loop := hasFlag(ifc, "loopback")
		if loop && !named {
			continue
		}
		b.WriteString("\n" + tr.T(adapterKey(ifc), "name", ifc.Name) + "\n\n")
		ipconfigBody(&b, tr, r, ifc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// adapterKey picks the heading Windows would print. Wi-Fi is guessed from
// the name (Linux wl*, Windows "Wi-Fi"/"WLAN"); macOS's en0 can be either,
// so it is called Ethernet like any other card.
func adapterKey(ifc iface.Interface) string {
	lower := strings.ToLower(ifc.Name)
	switch {
	case hasFlag(ifc, "loopback"):
		return "ip.ipconfig.unknown_adapter"
	case strings.HasPrefix(lower, "wl") || strings.Contains(lower, "wi-fi") || strings.Contains(lower, "wireless") ||
		strings.Contains(ifc.Name, "无线"):
		return "ip.ipconfig.wireless_adapter"
	}
	return "ip.ipconfig.ethernet_adapter"
}

func ipconfigBody(b *strings.Builder, tr *i18n.Catalog, r Report, ifc iface.Interface) {
	line := func(key, value string) { b.WriteString(ipconfigLine(tr.T(key), value)) }
	if !ifc.Up {
		line("ip.ipconfig.media_state", tr.T("ip.ipconfig.media_disconnected"))
		line("ip.ipconfig.dns_suffix", "")
		return
	}
	servers, suffix := adapterDNS(r, ifc.Name)
	line("ip.ipconfig.dns_suffix", suffix)
	if ifc.MAC != "" {
		line("ip.ipconfig.physical_address", strings.ToUpper(strings.ReplaceAll(ifc.MAC, ":", "-")))
	}
	for _, a := range ifc.Addrs {
		if a.Family == iface.IPv6 && a.Kind != iface.KindLinkLocal {
			line("ip.ipconfig.ipv6_address", a.Address.String())
		}
	}
	for _, a := range ifc.Addrs {
		if a.Family == iface.IPv6 && a.Kind == iface.KindLinkLocal {
			// Windows names the link by its interface number: fe80::1%11.
			line("ip.ipconfig.link_local_ipv6", a.Address.WithZone(strconv.Itoa(ifc.Index)).String())
		}
	}
	for _, a := range ifc.Addrs {
		if a.Family == iface.IPv4 {
			line("ip.ipconfig.ipv4_address", a.Address.String())
			line("ip.ipconfig.subnet_mask", a.Netmask)
		}
	}
	multiLine(b, tr.T("ip.ipconfig.default_gateway"), gatewaysOf(r, ifc.Name))
	if len(servers) > 0 {
		multiLine(b, tr.T("ip.ipconfig.dns_servers"), servers)
	}
}

// adapterDNS gives an adapter's DNS servers and suffix: its own list where
// the OS keeps one per adapter (Windows), otherwise the machine-wide list
// shown on the adapter that carries the default route, where it is used.
func adapterDNS(r Report, name string) ([]string, string) {
	if own, ok := r.DNS.PerInterface[name]; ok {
		return addrStrings(own), firstOf(r.DNS.Search)
	}
	if r.DNS.PerInterface != nil || !carriesDefault(r, name) {
		return nil, ""
	}
	return addrStrings(r.DNS.Servers), firstOf(r.DNS.Search)
}

func carriesDefault(r Report, name string) bool {
	for _, g := range r.Gateways {
		if g.Interface == name {
			return true
		}
	}
	return false
}

func gatewaysOf(r Report, name string) []string {
	var out []string
	for _, g := range r.Gateways {
		if g.Interface == name {
			out = append(out, g.Address.String())
		}
	}
	return out
}

// multiLine writes the first value after the label and the others below
// it, aligned under the first, as ipconfig does for several gateways.
func multiLine(b *strings.Builder, label string, values []string) {
	if len(values) == 0 {
		b.WriteString(ipconfigLine(label, ""))
		return
	}
	b.WriteString(ipconfigLine(label, values[0]))
	for _, v := range values[1:] {
		b.WriteString(strings.Repeat(" ", 3+ipconfigLabelWidth+2) + v + "\n")
	}
}

// ipconfigLine writes "   Label . . . . : value". Windows puts a dot on
// every even column after the label and a space on every odd one, so the
// leaders line up down the screen whatever the label's length.
func ipconfigLine(label, value string) string {
	var b strings.Builder
	b.WriteString("   " + label)
	for col := displayWidth(label); col < ipconfigLabelWidth; col++ {
		if col%2 == 0 {
			b.WriteByte('.')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteString(": " + value)
	return strings.TrimRight(b.String(), " ") + "\n"
}

func addrStrings(as []netip.Addr) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}

func firstOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

func displayWidth(s string) int { return runewidth.StringWidth(s) }
