package cmd

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/netinfo/iface"
)

// loopbackName is this OS's name for the interface holding 127.0.0.1:
// lo on Linux, lo0 on macOS, "Loopback Pseudo-Interface 1" on Windows.
func loopbackName(t *testing.T) string {
	t.Helper()
	ifaces, err := iface.Collect(iface.System{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ifc := range ifaces {
		for _, a := range ifc.Addrs {
			if a.Address == netip.MustParseAddr("127.0.0.1") {
				return ifc.Name
			}
		}
	}
	t.Skip("no interface holds 127.0.0.1 here")
	return ""
}

func TestIPExitCodes(t *testing.T) {
	lo := loopbackName(t)
	cases := []struct {
		args   []string
		code   int
		errHas string
		outHas string
	}{
		{[]string{"ip"}, 0, "", "127.0.0.1/8"},
		{[]string{"ip", lo}, 0, "", "address\t" + lo + "\t127.0.0.1/8"},
		{[]string{"ip", "127.0.0.1"}, 0, "", "\tmine=true\tmine_interface=" + lo},
		{[]string{"ip", "--json", lo}, 0, "", `"kind": "loopback"`},
		{[]string{"ip", "nosuch0"}, 2, `error: this machine has no interface named "nosuch0"`, ""},
		{[]string{"ip", "300.1.2.3"}, 2, `"300.1.2.3" is not an IP address`, ""},
		{[]string{"ip", "10.0.0.1/33"}, 2, "from 0 to 32", ""},
		{[]string{"ip", "--style", "xml"}, 2, "--style \"xml\" is not a layout", ""},
		{[]string{"ip", "--json", "--brief"}, 2, "choose one of --json, --brief and --style", ""},
		{[]string{"ip", "--lang", "zh", "nosuch0"}, 2, "错误：本机没有名为“nosuch0”的网卡", ""},
		{[]string{"ip", "999.1.1.1"}, 2, `"999.1.1.1" is not an IP address`, ""},
		{[]string{"ip", "--json", "999.1.1.1"}, 2, `"999.1.1.1" is not an IP address`, ""},
		{[]string{"ip", "::ffff:10.0.0.1/200"}, 2, "from 0 to 128", ""},
		{[]string{"ip", ""}, 2, "an empty argument is neither", ""},
		{[]string{"ip", "--lang", "zh", ""}, 2, "错误：空参数既不是网卡名也不是地址", ""},
		{[]string{"ip", "eth0\nerror: fake"}, 2, `"eth0\nerror: fake"`, ""},
		{[]string{"ip", "--", "-1"}, 2, `no interface named "-1"`, ""},
		{[]string{"ip", "-1"}, 2, "unknown flag -1", ""},
	}
	for _, c := range cases {
		code, out, errOut := run(t, nil, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.code, errOut)
		}
		if !strings.Contains(errOut, c.errHas) || !strings.Contains(out, c.outHas) {
			t.Errorf("%v:\nstdout %q\nstderr %q", c.args, out, errOut)
		}
		if c.code == 2 && (strings.Count(errOut, "\n") != 1 || out != "") {
			t.Errorf("%v: bad input must give one line on stderr and nothing on stdout: %q %q", c.args, out, errOut)
		}
	}
}
