package port_test

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd"
	"github.com/netlearn/netlearn/cmd/iostreams"
)

func run(t *testing.T, lang string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	env := map[string]string{"NETLEARN_LANG": lang}
	code = cmd.Run(context.Background(), args, ios, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

// TestBadInputExitsTwoWithOneLine covers the bad-input list: each
// gets exit 2 and a single translated line naming what is valid.
func TestBadInputExitsTwoWithOneLine(t *testing.T) {
	cases := []struct {
		args   []string
		en, zh string
	}{
		{[]string{"port", "abc-no-such-service"}, `"abc-no-such-service" is not a service name known here`, "不是本机已知的服务名"},
		{[]string{"port", "-1"}, `"-1" is not a port: port numbers run from 0 to 65535`, "端口号的范围是 0 到 65535"},
		{[]string{"port", "-80x"}, `"-80x" is not a port number`, "不是端口号"},
		{[]string{"port", "--", "-1"}, `"-1" is not a port: port numbers run from 0 to 65535`, "端口号的范围是 0 到 65535"},
		{[]string{"port", "65536"}, `"65536" is not a port: port numbers run from 0 to 65535`, "端口号的范围是 0 到 65535"},
		{[]string{"port", "99999"}, `"99999" is not a port`, "不是端口"},
		{[]string{"port", "80x"}, `"80x" is not a port number: write the port in decimal digits`, "请用十进制数字写端口"},
		{[]string{"port", "0x50"}, `"0x50" is not a port number`, "不是端口号"},
		{[]string{"port", ""}, "an empty argument names no port", "空参数不代表任何端口"},
		{[]string{"port", "9000-8000"}, `the range "9000-8000" runs backwards`, "写反了"},
		{[]string{"port", "1-2000"}, `holds more than 1024 ports`, "一次最多查询 1024 个"},
		{[]string{"port"}, "name at least one port", "请至少给出一个端口号"},
		{[]string{"port", "--list", "80"}, `--list takes no arguments, but got "80"`, "--list 不接受参数"},
		{[]string{"port", "80", "--bogus"}, "unknown flag --bogus", "未知选项 --bogus"},
		{[]string{"port", "--json", "-1"}, `"-1" is not a port`, "端口号的范围是 0 到 65535"},
		{[]string{"port", "--json", "abc"}, `"abc" is not a service name`, "不是本机已知的服务名"},
		{[]string{"port", "1-65536"}, `"1-65536" is not a port`, "端口号的范围是 0 到 65535"},
		{[]string{"port", "99999999999999999999999"}, `"99999999999999999999999" is not a port`, "端口号的范围是 0 到 65535"},
		// What the user typed is repeated escaped and cut short: one line,
		// and no escape sequence reaches the terminal.
		{[]string{"port", "80\nerror: fake"}, `"80\nerror: fake" is not a port number`, "不是端口号"},
		{[]string{"port", "\x1b[31mred"}, `"\x1b[31mred" is not a service name`, "不是本机已知的服务名"},
		{[]string{"port", strings.Repeat("a", 5000)}, `"` + strings.Repeat("a", 40) + `…" is not a service name`, "不是本机已知的服务名"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"en": c.en, "zh": c.zh} {
			code, out, errOut := run(t, lang, c.args...)
			if code != 2 {
				t.Errorf("%s %q: exit %d, want 2 (stderr %q)", lang, c.args, code, errOut)
			}
			if !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "netlearn port --help") {
				t.Errorf("%s %q: stderr %q, want one line with %q and the --help hint", lang, c.args, errOut, want)
			}
			if out != "" {
				t.Errorf("%s %q: bad input printed to stdout: %q", lang, c.args, out)
			}
		}
	}
}

func TestLookupsExitZero(t *testing.T) {
	for _, args := range [][]string{
		{"port", "80"}, {"port", "http"}, {"port", "54321", "8888", "--json"}, {"port", "--list"},
		{"port", "8000-8010"}, {"port", "--list", "--json"}, {"port", "65535", "0"},
	} {
		if code, _, errOut := run(t, "en", args...); code != 0 {
			t.Errorf("%q: exit %d (stderr %q)", args, code, errOut)
		}
	}
}

func TestJSONIsOneObjectPerPort(t *testing.T) {
	code, out, _ := run(t, "en", "port", "54321", "8888", "7000-7002", "--json")
	var got []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("exit %d, output %q", code, out)
	}
	want := []float64{54321, 8888, 7000, 7001, 7002}
	if len(got) != len(want) {
		t.Fatalf("%d objects, want %d", len(got), len(want))
	}
	fields := []string{"port", "class", "iana_range", "services", "ephemeral_range", "in_ephemeral_range", "needs_privilege", "listening"}
	for i, obj := range got {
		if obj["port"] != want[i] {
			t.Errorf("object %d: port %v, want %v", i, obj["port"], want[i])
		}
		for _, f := range fields {
			if _, ok := obj[f]; !ok {
				t.Errorf("object %d lacks %q", i, f)
			}
		}
	}
}

// TestListeningFlagIsACheck: --listening exits 0 while something listens
// and 1 (with one line) once it is gone.
func TestListeningFlagIsACheck(t *testing.T) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no IPv4 loopback: %v", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	code, out, errOut := run(t, "en", "port", port, "--listening")
	if code != 0 || !strings.Contains(out, "listening\t"+port+"\tprotocol=tcp\tfamily=ipv4\taddress=127.0.0.1\tpid="+strconv.Itoa(os.Getpid())) {
		t.Errorf("while listening: exit %d\n%s%s", code, out, errOut)
	}
	l.Close()
	code, _, errOut = run(t, "en", "port", port, "--listening")
	if code != 1 || errOut != "nothing listens on "+port+"\n" {
		t.Errorf("after close: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := run(t, "en", "port", port); code != 0 {
		t.Errorf("a plain lookup of a silent port exits %d, want 0", code)
	}
}
