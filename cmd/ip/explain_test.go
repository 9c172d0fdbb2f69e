package ip

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/iface"
)

func TestExplainTerminal(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.EN, true, "192.168.1.77/20")
	want := []string{
		"Address       192.168.1.77",
		"Kind          private — for homes and offices",
		"Binary        11000000.10101000.0000|0001.01001101",
		"Network part  20 bits: 192.168.0.0/20",
		"Host part     12 bits: 0.0.1.77",
		"Netmask       255.255.240.0",
		"Broadcast     192.168.15.255",
		"Hosts         192.168.0.1 to 192.168.15.254 (4094 usable)",
		"This machine  no, but it is in the same network as wlp2s0",
		`Note          ` + "`ip addr`",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
}

func TestExplainOwnAddressTakesInterfacePrefix(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.ZH, true, "192.168.1.23")
	for _, w := range []string{"前缀      /24，取自本机使用这个地址的网卡 wlp2s0", "是否本机  是，这是本机网卡 wlp2s0 上的地址", "广播地址  192.168.1.255"} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
}

func TestExplainWithoutPrefix(t *testing.T) {
	got := mustRun(t, linuxMachine(), i18n.EN, true, "8.8.8.8")
	if !strings.Contains(got, "none given, so it stands alone (/32)") || strings.Contains(got, "Broadcast") {
		t.Errorf("%s", got)
	}
	if strings.Contains(got, "|") {
		t.Errorf("no split without a prefix: %s", got)
	}
}

// TestExplainPlainIsOneRecordPerAddress: piped, each address is an
// "explain" record of key=value fields named as in the JSON, in any language.
func TestExplainPlainIsOneRecordPerAddress(t *testing.T) {
	for _, lang := range i18n.Langs {
		got := mustRun(t, linuxMachine(), lang, false, "192.168.1.77/20", "2001:db8::1/64")
		want := "explain\t192.168.1.77/20\taddress=192.168.1.77\tfamily=ipv4\tkind=private\tprefix_len=20\thas_prefix=true\t" +
			"binary=11000000.10101000.0000|0001.01001101\tnetwork=192.168.0.0/20\thost_part=0.0.1.77\tnetmask=255.255.240.0\t" +
			"broadcast=192.168.15.255\tfirst_host=192.168.0.1\tlast_host=192.168.15.254\thosts=4094\tmine=false\tsame_network_as=wlp2s0\n" +
			"explain\t2001:db8::1/64\taddress=2001:db8::1\tfamily=ipv6\tkind=documentation\tprefix_len=64\thas_prefix=true\t"
		if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 2 || strings.Contains(got, "netmask=\t") {
			t.Errorf("%s: plain output\n%q\nwant it to start\n%q", lang, got, want)
		}
	}
}

func TestExplainSeveralAndJSON(t *testing.T) {
	out := mustRun(t, windowsMachine(), i18n.EN, false, "--json", "::ffff:10.1.2.3", "2001:db8::1/64")
	var got []iface.Explanation
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) != 2 || got[0].Kind != iface.KindPrivate || got[0].MappedV4.String() != "10.1.2.3" ||
		got[1].Network.String() != "2001:db8::/64" || got[1].Kind != iface.KindDocumentation {
		t.Errorf("%+v", got)
	}
	for _, field := range []string{`"binary"`, `"network_bits"`, `"host_bits"`, `"mine": false`, `"hosts": "18446744073709551616"`} {
		if !strings.Contains(out, field) {
			t.Errorf("JSON lacks %s", field)
		}
	}
}

func TestSplitBinary(t *testing.T) {
	e := iface.Explain("", mustAddr("10.0.0.1"), 8, true, nil)
	if got := splitBinary(output.ColorScheme{}, e); got != "00001010|00000000.00000000.00000001" {
		t.Errorf("plain split %q", got)
	}
	if got := splitBinary(output.ColorScheme{}, iface.Explain("", mustAddr("10.0.0.1"), 12, true, nil)); got != "00001010.0000|0000.00000000.00000001" {
		t.Errorf("mid-octet split %q", got)
	}
}
