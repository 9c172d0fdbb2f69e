package ip

import (
	"bytes"
	"errors"
	"net/netip"
	"strings"

	"github.com/mattn/go-runewidth"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/iface/ifacetest"
)

// machine is one fake computer: interfaces plus routing and DNS facts.
type machine struct {
	src  iface.Source
	gws  []iface.Gateway
	dns  iface.DNS
	gErr error
	os   string
}

func linuxMachine() machine {
	return machine{
		os:  "linux",
		src: ifacetest.FakeLinux(),
		gws: []iface.Gateway{{Address: netip.MustParseAddr("192.168.1.1"), Interface: "wlp2s0"}},
		dns: iface.DNS{Servers: []netip.Addr{netip.MustParseAddr("127.0.0.53")}, Source: "/etc/resolv.conf", Stub: true,
			Upstreams: []netip.Addr{netip.MustParseAddr("192.168.1.1")}, UpstreamSource: "/run/systemd/resolve/resolv.conf",
			Search: []string{"lan"}},
	}
}

func macMachine() machine {
	return machine{
		os:  "darwin",
		src: ifacetest.FakeMacOS(),
		gws: []iface.Gateway{{Address: netip.MustParseAddr("100.72.0.1")}}, // no interface name given: it is found from the addresses
		dns: iface.DNS{Servers: []netip.Addr{netip.MustParseAddr("100.72.0.1")}, Source: "/etc/resolv.conf"},
	}
}

func windowsMachine() machine {
	return machine{
		os:  "windows",
		src: ifacetest.FakeWindows(),
		gws: []iface.Gateway{{Address: netip.MustParseAddr("172.20.0.1")}, {Address: netip.MustParseAddr("fe80::1")}},
		dns: iface.DNS{Servers: []netip.Addr{netip.MustParseAddr("172.20.0.53")}, Source: "GetAdaptersAddresses",
			PerInterface: map[string][]netip.Addr{"以太网": {netip.MustParseAddr("172.20.0.53"), netip.MustParseAddr("2001:db8::53")}},
			Search:       []string{"corp.example"}},
	}
}

// runIP runs `netlearn ip ARGS` against a fake machine through the real
// command constructor, as a terminal (tty) or a pipe.
func runIP(t *testing.T, m machine, lang i18n.Lang, tty bool, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(false, tty, false)
	ios.SetTerminalWidth(200)
	f := &cmdutil.Factory{IO: ios, Tr: i18n.For(lang)}
	c := NewCmdIP(f, func(o *Options) error {
		o.Source = m.src
		o.Gateways = func([]iface.Interface) ([]iface.Gateway, error) { return m.gws, m.gErr }
		o.DNS = func() (iface.DNS, error) { return m.dns, nil }
		o.OS = m.os
		return ipRun(o)
	})
	c.SetArgs(args)
	c.SetOut(&bytes.Buffer{})
	c.SetErr(&bytes.Buffer{})
	err = c.Execute()
	return out.String(), errOut.String(), err
}

func mustRun(t *testing.T, m machine, lang i18n.Lang, tty bool, args ...string) string {
	t.Helper()
	out, _, err := runIP(t, m, lang, tty, args...)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return out
}

func TestPlainLinux(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.EN, false)
	want := "interface\tlo\t1\tup\t65536\t\tup,loopback,running\n" +
		"address\tlo\t127.0.0.1/8\tipv4\tloopback\t255.0.0.0\n" +
		"address\tlo\t::1/128\tipv6\tloopback\t\n" +
		"interface\tenp3s0\t2\tdown\t1500\t3c:52:82:aa:bb:01\tbroadcast,multicast\n" +
		"interface\twlp2s0\t3\tup\t1500\ta4:c3:f0:12:34:56\tup,broadcast,multicast,running\n" +
		"address\twlp2s0\t192.168.1.23/24\tipv4\tprivate\t255.255.255.0\n" +
		"address\twlp2s0\tfd12:3456:789a::23/64\tipv6\tunique-local\t\n" +
		"address\twlp2s0\tfe80::a6c3:f0ff:fe12:3456/64\tipv6\tlink-local\t\n" +
		"gateway\t192.168.1.1\twlp2s0\n" +
		"dns\t127.0.0.53\t/etc/resolv.conf\n" +
		"dns-upstream\t192.168.1.1\t/run/systemd/resolve/resolv.conf\n" +
		"lan\t192.168.1.23\twlp2s0\n"
	if got != want {
		t.Errorf("plain output\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTerminalTableWindows(t *testing.T) {
	got := mustRun(t, windowsMachine(), i18n.EN, true)
	for _, want := range []string{
		"Network interfaces on this machine (2 of 3 up)",
		"Loopback Pseudo-Interface 1", "以太网", "Wi-Fi",
		"172.20.5.14/20", "255.255.240.0", "2001:db8:abcd::14/128",
		"Default gateway:  172.20.0.1 via 以太网",
		"DNS servers:      172.20.0.53 (from GetAdaptersAddresses)",
		"Your LAN address: 172.20.5.14 on 以太网",
		"(no address)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "scope global") {
		t.Errorf("the note on Linux's `ip addr` shows on Windows:\n%s", got)
	}
	// MTU -1 is "unknown", not a number to show.
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "Loopback Pseudo") && (strings.Contains(line, "-1") || !strings.Contains(line, " - ")) {
			t.Errorf("loopback MTU shown as %q", line)
		}
	}
	// Only the kinds on screen are explained.
	if !strings.Contains(got, "documentation  reserved for examples") || strings.Contains(got, "shared  ") {
		t.Errorf("kind legend wrong:\n%s", got)
	}
}

func TestTerminalTableLinuxStubAndZH(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.ZH, true)
	for _, want := range []string{"本机的网卡（共 3 块，2 块已启用）", "未启用", "127.0.0.53 是本机上的 systemd-resolved",
		"它转发给：192.168.1.1", "本机局域网地址：192.168.1.23，在 wlp2s0 上", "scope global",
		// The kinds in Chinese, as the zh lessons name them; the legend adds the English word.
		"│ 环回", "│ 私有", "│ 链路本地", "│ 唯一本地", "环回（loopback）  ", "链路本地（link-local）", "本地链接"} {
		if !strings.Contains(got, want) {
			t.Errorf("zh table lacks %q:\n%s", want, got)
		}
	}
	// Piped output keeps the English kinds whatever the language.
	if plain := mustRun(t, linuxMachine(), i18n.ZH, false); !strings.Contains(plain, "\tloopback\t") || strings.Contains(plain, "环回") {
		t.Errorf("zh piped output should keep English kinds:\n%s", plain)
	}
}

func TestTerminalNoGatewayAndProblems(t *testing.T) {
	m := macMachine()
	m.gws, m.gErr = nil, errors.New("netstat failed")
	out, errOut, err := runIP(t, m, i18n.EN, true)
	if err != nil {
		t.Fatal(err)
	}
	// An unreadable table is not "no gateway".
	if !strings.Contains(out, "Default gateway:  unknown (the routing table could not be read") ||
		strings.Contains(out, "Default gateway:  none") || strings.Contains(out, "Your LAN address") {
		t.Errorf("unreadable-table output:\n%s", out)
	}
	if errOut != "note: could not read the default gateway: netstat failed\n" {
		t.Errorf("stderr %q", errOut)
	}
	out, errOut, err = runIP(t, m, i18n.EN, false, "--json")
	if err != nil || !strings.Contains(errOut, "netstat failed") || !strings.Contains(out, `"gateways": []`) ||
		!strings.Contains(out, `"gateway_error": "netstat failed"`) {
		t.Errorf("--json: err %v, stderr %q, stdout:\n%s", err, errOut, out)
	}
	m.gErr = nil
	out, errOut, _ = runIP(t, m, i18n.EN, true)
	if !strings.Contains(out, "Default gateway:  none") || errOut != "" {
		t.Errorf("no-gateway output (stderr %q):\n%s", errOut, out)
	}
	if out, _, _ = runIP(t, m, i18n.EN, false, "--json"); strings.Contains(out, "gateway_error") {
		t.Errorf("--json without a problem names one:\n%s", out)
	}
}

func TestBrief(t *testing.T) {
	got := mustRun(t, macMachine(), i18n.EN, false, "--brief")
	want := "lo0    up  127.0.0.1/8 ::1/128 fe80::1/64\n" +
		"en0    up  fe80::1c2d:3e4f:5a6b:7c8d/64 100.72.10.5/16\n" +
		"utun0  up  fe80::ce81:b1c:bd2c:69e/64\n"
	if got != want {
		t.Errorf("brief\n got:\n%s\nwant:\n%s", got, want)
	}
	// Chinese names and states are two columns a character: the address
	// column still starts at the same place on every line.
	zh := mustRun(t, windowsMachine(), i18n.ZH, false, "--brief")
	want = "以太网                       已启用  fe80::9d4c:1a2b:3c4d:5e6f/64 172.20.5.14/20 2001:db8:abcd::14/128\n" +
		"Wi-Fi                        未启用\n" +
		"Loopback Pseudo-Interface 1  已启用  ::1/128 127.0.0.1/8\n"
	if zh != want {
		t.Errorf("zh brief\n got:\n%s\nwant:\n%s", zh, want)
	}
}

func TestIfconfigLinux(t *testing.T) {
	r := report(t, linuxMachine(), "wlp2s0", "lo")
	var b strings.Builder
	if err := writeIfconfig(&b, r, ifconfigLinux); err != nil {
		t.Fatal(err)
	}
	want := `wlp2s0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
        inet 192.168.1.23  netmask 255.255.255.0  broadcast 192.168.1.255
        inet6 fd12:3456:789a::23  prefixlen 64  scopeid 0x0<global>
        inet6 fe80::a6c3:f0ff:fe12:3456  prefixlen 64  scopeid 0x20<link>
        ether a4:c3:f0:12:34:56  (Ethernet)

lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
        inet 127.0.0.1  netmask 255.0.0.0
        inet6 ::1  prefixlen 128  scopeid 0x10<host>
        loop  (Local Loopback)

`
	if b.String() != want {
		t.Errorf("ifconfig\n got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestIfconfigMacOS(t *testing.T) {
	r := report(t, macMachine(), "en0")
	var b strings.Builder
	if err := writeIfconfig(&b, r, ifconfigBSD); err != nil {
		t.Fatal(err)
	}
	want := "en0: flags=1043<UP,BROADCAST,RUNNING,MULTICAST> mtu 1500\n" +
		"\tether f0:18:98:00:00:0e\n" +
		"\tinet6 fe80::1c2d:3e4f:5a6b:7c8d%en0 prefixlen 64 scopeid 0xe\n" +
		"\tinet 100.72.10.5 netmask 0xffff0000 broadcast 100.72.255.255\n" +
		"\tstatus: active\n"
	if b.String() != want {
		t.Errorf("BSD ifconfig\n got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestIfconfigWindowsData(t *testing.T) {
	got := mustRun(t, windowsMachine(), i18n.ZH, false, "--style", "ifconfig", "Loopback Pseudo-Interface 1")
	if !strings.HasPrefix(got, "Loopback Pseudo-Interface 1: flags=") || !strings.Contains(got, "mtu -\n") {
		t.Errorf("ifconfig of Windows loopback:\n%s", got)
	}
}

func TestIpconfigChineseWindows(t *testing.T) {
	got := mustRun(t, windowsMachine(), i18n.ZH, false, "--style", "ipconfig")
	want := `
Windows IP 配置


以太网适配器 以太网:

   连接特定的 DNS 后缀 . . . . . . . : corp.example
   物理地址. . . . . . . . . . . . . : 00-15-5D-01-02-03
   IPv6 地址 . . . . . . . . . . . . : 2001:db8:abcd::14
   本地链接 IPv6 地址. . . . . . . . : fe80::9d4c:1a2b:3c4d:5e6f%12
   IPv4 地址 . . . . . . . . . . . . : 172.20.5.14
   子网掩码. . . . . . . . . . . . . : 255.255.240.0
   默认网关. . . . . . . . . . . . . : 172.20.0.1
                                       fe80::1
   DNS 服务器. . . . . . . . . . . . : 172.20.0.53
                                       2001:db8::53

无线局域网适配器 Wi-Fi:

   媒体状态. . . . . . . . . . . . . : 媒体已断开连接
   连接特定的 DNS 后缀 . . . . . . . :
`
	if got != want {
		t.Errorf("ipconfig zh\n got:\n%s\nwant:\n%s", got, want)
	}
}

func TestIpconfigEnglishLinuxAndLoopbackByName(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.EN, false, "--style", "ipconfig")
	for _, want := range []string{
		"Windows IP Configuration",
		"Wireless LAN adapter wlp2s0:",
		"Ethernet adapter enp3s0:",
		"   Connection-specific DNS Suffix. . : lan\n",
		"   IPv4 Address. . . . . . . . . . . : 192.168.1.23\n",
		"   Subnet Mask . . . . . . . . . . . : 255.255.255.0\n",
		"   Default Gateway . . . . . . . . . : 192.168.1.1\n",
		"   DNS Servers . . . . . . . . . . . : 127.0.0.53\n",
		"   Media State . . . . . . . . . . . : Media disconnected\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("ipconfig lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "adapter lo:") {
		t.Errorf("ipconfig lists loopback like Windows never does:\n%s", got)
	}
	named := mustRun(t, linuxMachine(), i18n.EN, false, "--style", "ipconfig", "lo")
	if !strings.Contains(named, "Unknown adapter lo:") {
		t.Errorf("a named loopback is shown:\n%s", named)
	}
}

func TestIpconfigColonsLineUp(t *testing.T) {
	for _, lang := range i18n.Langs {
		got := mustRun(t, windowsMachine(), lang, false, "--style", "ipconfig")
		for _, line := range strings.Split(got, "\n") {
			label, _, ok := strings.Cut(line, ": ")
			if !ok || !strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "    ") {
				continue
			}
			if w := displayWidth(label); w != 3+ipconfigLabelWidth {
				t.Errorf("%s: colon at column %d in %q", lang, w, line)
			}
		}
	}
}

func TestFilterByName(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.EN, false, "wlp2s0")
	if strings.Contains(got, "\tlo\t") || !strings.Contains(got, "gateway\t192.168.1.1") || !strings.Contains(got, "lan\t") {
		t.Errorf("filtered to wlp2s0:\n%s", got)
	}
	twice := mustRun(t, linuxMachine(), i18n.EN, false, "wlp2s0", "wlp2s0")
	if n := strings.Count(twice, "interface\twlp2s0"); n != 1 {
		t.Errorf("a name given twice is shown %d times:\n%s", n, twice)
	}
	lo := mustRun(t, linuxMachine(), i18n.EN, false, "lo")
	if strings.Contains(lo, "gateway") || strings.Contains(lo, "lan\t") || !strings.Contains(lo, "dns\t") {
		t.Errorf("filtered to lo: gateway and LAN belong to wlp2s0, DNS is machine-wide:\n%s", lo)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"eth9"}, `no interface named "eth9"; it has: lo, enp3s0, wlp2s0`},
		{[]string{"300.1.2.3"}, `"300.1.2.3" is not an IP address`},
		{[]string{"10.0.0.1/33"}, "from 0 to 32"},
		{[]string{"::1/200"}, "from 0 to 128"},
		{[]string{"lo", "10.0.0.1"}, "not both"},
		{[]string{"--style", "netstat"}, "--style \"netstat\" is not a layout"},
		{[]string{"--json", "--brief"}, "choose one of"},
		{[]string{"--brief", "--style", "ifconfig"}, "choose one of"},
		{[]string{"--brief", "10.0.0.1"}, "not for explaining"},
		{[]string{"999.1.1.1"}, `"999.1.1.1" is not an IP address`},
		{[]string{"::ffff:10.0.0.1/200"}, "from 0 to 128"},
		{[]string{"1.2.3.4/99999999999999999999"}, "from 0 to 32"},
		{[]string{""}, "an empty argument is neither an interface name nor an address"},
		{[]string{" "}, "an empty argument"},
		{[]string{"--style", ""}, `--style "" is not a layout`},
		// What the user typed is repeated escaped: no second line, no
		// escape sequence reaching the terminal.
		{[]string{"a\nb"}, `no interface named "a\nb"`},
		{[]string{"\x1b[31m"}, `no interface named "\x1b[31m"`},
	}
	for _, c := range cases {
		_, _, err := runIP(t, linuxMachine(), i18n.EN, false, c.args...)
		var usage *cmdutil.UsageError
		if !errors.As(err, &usage) || !strings.Contains(usage.Msg, c.want) {
			t.Errorf("%v: err %v, want usage error with %q", c.args, err, c.want)
		}
	}
}

func TestUsageErrorTranslated(t *testing.T) {
	_, _, err := runIP(t, linuxMachine(), i18n.ZH, false, "eth9")
	if err == nil || !strings.Contains(err.Error(), "本机没有名为“eth9”的网卡") {
		t.Errorf("err %v", err)
	}
}

// report builds the Report for a fake machine, keeping only names (if any).
func report(t *testing.T, m machine, names ...string) Report {
	t.Helper()
	ifaces, err := iface.Collect(m.src)
	if err != nil {
		t.Fatal(err)
	}
	opts := &Options{
		Gateways: func([]iface.Interface) ([]iface.Gateway, error) { return m.gws, m.gErr },
		DNS:      func() (iface.DNS, error) { return m.dns, nil },
	}
	r := gather(opts, ifaces)
	if len(names) == 0 {
		return r
	}
	return r.only(names)
}

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

func TestNarrowTerminalDropsColumns(t *testing.T) {
	r := report(t, linuxMachine())
	for _, c := range []struct {
		width        int
		mac, netmask bool
	}{{200, true, true}, {90, false, true}, {60, false, false}} {
		var b strings.Builder
		if err := renderTable(output.New(&b, output.Terminal, false, c.width), i18n.For(i18n.EN), r); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "a4:c3:f0:12:34:56") != c.mac || strings.Contains(out, "NETMASK") != c.netmask {
			t.Errorf("width %d: MAC shown %v, netmask shown %v\n%s", c.width,
				strings.Contains(out, "a4:c3"), strings.Contains(out, "NETMASK"), out)
		}
	}
}

// Keys built at run time escape the catalogue test's search for literal
// keys, so check them here: every kind and family has text in both languages.
func TestDynamicKeysExist(t *testing.T) {
	var keys []string
	for _, k := range iface.AllKinds {
		keys = append(keys, "ip.kind_help."+string(k), "ip.kind."+string(k), "ip.kind_legend."+string(k))
	}
	for _, f := range iface.AllFamilies {
		keys = append(keys, "ip.explain.family_"+string(f))
	}
	for _, lang := range i18n.Langs {
		for _, k := range keys {
			if !i18n.For(lang).Has(k) {
				t.Errorf("%s: no %s", lang, k)
			}
		}
	}
}

// TestChineseFactLinesAreAligned: the gateway, DNS and LAN values start in
// one column in Chinese too, and a list of gateways is separated by "，".
func TestChineseFactLinesAreAligned(t *testing.T) {
	m := linuxMachine()
	m.gws = append(m.gws, iface.Gateway{Address: netip.MustParseAddr("fe80::1"), Interface: "wlp2s0"})
	got := mustRun(t, m, i18n.ZH, true)
	starts := map[string]int{}
	for _, line := range strings.Split(got, "\n") {
		for _, label := range []string{"默认网关：", "DNS 服务器：", "本机局域网地址："} {
			if rest, ok := strings.CutPrefix(line, label); ok {
				starts[label] = runewidth.StringWidth(label) + len(rest) - len(strings.TrimLeft(rest, " "))
			}
		}
	}
	if len(starts) != 3 || starts["默认网关："] != starts["DNS 服务器："] || starts["DNS 服务器："] != starts["本机局域网地址："] {
		t.Errorf("values start at %v:\n%s", starts, got)
	}
	if strings.Contains(got, "）, ") {
		t.Errorf("a Chinese list separated by \", \":\n%s", got)
	}
}
