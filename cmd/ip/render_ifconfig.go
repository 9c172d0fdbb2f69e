package ip

import (
	"fmt"
	"io"
	"net"
	"net/netip"
	"runtime"
	"slices"
	"strings"

	"github.com/netlearn/netlearn/netinfo/iface"
)

// ifconfig prints English keywords on every system (it is not translated),
// so this look keeps them: the point is to match what a classmate sees.
// macOS and the BSDs print their own variant; everything else gets the
// Linux net-tools one.
type ifconfigVariant int

const (
	ifconfigLinux ifconfigVariant = iota
	ifconfigBSD
)

func hostIfconfigVariant() ifconfigVariant {
	if runtime.GOOS == "darwin" || strings.HasSuffix(runtime.GOOS, "bsd") {
		return ifconfigBSD
	}
	return ifconfigLinux
}

func renderIfconfig(w io.Writer, r Report) error {
	return writeIfconfig(w, r, hostIfconfigVariant())
}

func writeIfconfig(w io.Writer, r Report, v ifconfigVariant) error {
	var b strings.Builder
	for _, ifc := range r.Interfaces {
		if v == ifconfigBSD {
			bsdBlock(&b, ifc)
		} else {
			linuxBlock(&b, ifc)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// linuxBlock imitates net-tools 2.10:
//
//	eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
//	        inet 192.168.1.5  netmask 255.255.255.0  broadcast 192.168.1.255
func linuxBlock(b *strings.Builder, ifc iface.Interface) {
	fmt.Fprintf(b, "%s: flags=%d<%s>  mtu %s\n", ifc.Name, kernelFlags(ifc.Flags), flagList(ifc.Flags), mtuText(ifc.MTU))
	const indent = "        "
	for _, a := range ifc.Addrs {
		if a.Family == iface.IPv4 {
			fmt.Fprintf(b, "%sinet %s  netmask %s", indent, a.Address, a.Netmask)
			if bc, ok := broadcastOf(ifc, a); ok {
				fmt.Fprintf(b, "  broadcast %s", bc)
			}
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(b, "%sinet6 %s  prefixlen %d  scopeid %s\n", indent, a.Address.WithZone(""), a.PrefixLen, linuxScope(a.Address))
	}
	switch {
	case hasFlag(ifc, "loopback"):
		fmt.Fprintf(b, "%sloop  (Local Loopback)\n", indent)
	case ifc.MAC != "":
		fmt.Fprintf(b, "%sether %s  (Ethernet)\n", indent, ifc.MAC)
	}
	b.WriteString("\n")
}

// bsdBlock imitates macOS ifconfig: tab indent, hexadecimal netmask.
func bsdBlock(b *strings.Builder, ifc iface.Interface) {
	fmt.Fprintf(b, "%s: flags=%x<%s> mtu %s\n", ifc.Name, kernelFlags(ifc.Flags), flagList(ifc.Flags), mtuText(ifc.MTU))
	if ifc.MAC != "" {
		fmt.Fprintf(b, "\tether %s\n", ifc.MAC)
	}
	for _, a := range ifc.Addrs {
		if a.Family == iface.IPv4 {
			fmt.Fprintf(b, "\tinet %s netmask 0x%s", a.Address, net.CIDRMask(a.PrefixLen, 32).String())
			if bc, ok := broadcastOf(ifc, a); ok {
				fmt.Fprintf(b, " broadcast %s", bc)
			}
			b.WriteString("\n")
			continue
		}
		addr := a.Address
		if addr.IsLinkLocalUnicast() {
			addr = addr.WithZone(ifc.Name) // macOS shows fe80::1%en0
		}
		fmt.Fprintf(b, "\tinet6 %s prefixlen %d scopeid 0x%x\n", addr, a.PrefixLen, bsdScopeID(ifc, a.Address))
	}
	status := "inactive"
	if ifc.Up {
		status = "active"
	}
	fmt.Fprintf(b, "\tstatus: %s\n", status)
}

// kernelFlags turns flag words back into the IFF_* bits ifconfig prints
// as a number (4163 = UP|BROADCAST|RUNNING|MULTICAST).
func kernelFlags(flags []string) int {
	bits := map[string]int{"up": 0x1, "broadcast": 0x2, "loopback": 0x8, "pointtopoint": 0x10, "running": 0x40, "multicast": 0x1000}
	n := 0
	for _, f := range flags {
		n |= bits[f]
	}
	return n
}

func flagList(flags []string) string {
	order := []string{"up", "broadcast", "loopback", "pointtopoint", "running", "multicast"}
	var out []string
	for _, f := range order {
		if slices.Contains(flags, f) {
			out = append(out, strings.ToUpper(f))
		}
	}
	return strings.Join(out, ",")
}

func hasFlag(ifc iface.Interface, f string) bool { return slices.Contains(ifc.Flags, f) }

// broadcastOf is the IPv4 broadcast address of the address's network, for
// interfaces that can broadcast and networks large enough to have one.
func broadcastOf(ifc iface.Interface, a iface.Addr) (netip.Addr, bool) {
	if !hasFlag(ifc, "broadcast") || a.PrefixLen >= 31 {
		return netip.Addr{}, false
	}
	return iface.Explain("", a.Address, a.PrefixLen, true, nil).Broadcast, true
}

// linuxScope is the kernel's scope as net-tools prints it. Note that a
// unique-local (private) IPv6 address is "global" here too.
func linuxScope(a netip.Addr) string {
	switch {
	case a.IsLoopback():
		return "0x10<host>"
	case a.IsLinkLocalUnicast():
		return "0x20<link>"
	}
	return "0x0<global>"
}

func bsdScopeID(ifc iface.Interface, a netip.Addr) int {
	if a.IsLinkLocalUnicast() {
		return ifc.Index
	}
	return 0
}
