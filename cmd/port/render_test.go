package port

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/ports"
)

func sampleReports() []ports.Report {
	eph := ports.Range{Low: 32768, High: 60999}
	priv := ports.Privilege{Needed: true, UnprivilegedStart: 1024, Have: true, Rule: ports.RuleLinux}
	web := ports.Listener{Protocol: "tcp", Family: "ipv6", Address: "::", Port: 80, PID: 42, Process: "nginx"}
	hidden := ports.Listener{Protocol: "udp", Family: "ipv4", Address: "127.0.0.1", Port: 80}
	return []ports.Report{{
		Arg: "http", Port: 80, Class: ports.ClassWellKnown, IANARange: ports.IANASystem,
		Services:       []ports.Service{{Name: "http", Protocol: "tcp", Aliases: []string{"www"}, Description: "the web", Source: ports.FromBoth}},
		EphemeralRange: eph, EphemeralSource: ports.SourceLinuxSysctl, NeedsPrivilege: true, Privilege: priv,
		Listening: []ports.Listener{web, hidden}, ListeningStatus: ports.ListeningChecked,
	}, {
		Arg: "40000", Port: 40000, Class: ports.ClassDynamic, IANARange: ports.IANAUser, Services: []ports.Service{},
		EphemeralRange: eph, EphemeralSource: ports.SourceLinuxSysctl, InEphemeralRange: true,
		Privilege: ports.Privilege{UnprivilegedStart: 1024, Rule: ports.RuleLinux}, Listening: []ports.Listener{},
		ListeningStatus: ports.ListeningUnavailable,
	}}
}

func TestPlainIsOneRecordPerFact(t *testing.T) {
	for _, lang := range i18n.Langs {
		var b strings.Builder
		if err := renderPlain(output.New(&b, output.Plain, false, 0), i18n.For(lang), sampleReports()); err != nil {
			t.Fatal(err)
		}
		want := "port\t80\targ=http\tclass=well-known\tiana_range=system\tephemeral_range=32768-60999\t" +
			"in_ephemeral_range=false\tneeds_privilege=true\tlistening_status=checked\n" +
			"service\t80\tname=http\tprotocol=tcp\taliases=www\tsource=both\tthe web\n" +
			"listening\t80\tprotocol=tcp\tfamily=ipv6\taddress=::\tpid=42\tprocess=nginx\n" +
			"listening\t80\tprotocol=udp\tfamily=ipv4\taddress=127.0.0.1\tpid=0\tprocess=\n" +
			"port\t40000\targ=40000\tclass=dynamic\tiana_range=user\tephemeral_range=32768-60999\t" +
			"in_ephemeral_range=true\tneeds_privilege=false\tlistening_status=unavailable\n"
		if b.String() != want {
			t.Errorf("%s: plain output:\n%s\nwant:\n%s", lang, b.String(), want)
		}
	}
}

func TestTerminalExplainsEachFactOnceInEitherLanguage(t *testing.T) {
	cases := map[i18n.Lang][]string{
		i18n.EN: {"Port 80 (http)", "well-known (0–1023)", "The notes simplify", "http/tcp (www) — the web",
			"32768–60999: 80 is outside it", "Note: this OS starts its range at 32768", "needs privilege (ports below 1024)",
			"tcp [::]:80  pid 42 (nginx)", "udp 127.0.0.1:80  owner hidden", "Port 40000",
			"none registered", "listing sockets is not available on this OS"},
		i18n.ZH: {"端口 80（http）", "知名端口（0–1023）", "笔记做了简化", "32768–60999：80 不在其中",
			"需要特权（1024 以下的端口）", "进程 42（nginx）", "没有登记的服务"},
	}
	for lang, wants := range cases {
		var b strings.Builder
		if err := renderTerminal(output.New(&b, output.Terminal, false, 80), i18n.For(lang), sampleReports()); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: terminal output lacks %q:\n%s", lang, w, out)
			}
		}
		if n := strings.Count(out, i18n.For(lang).T("port.explain.class")[:20]); n != 1 {
			t.Errorf("%s: class explained %d times, want once", lang, n)
		}
		// Values wrap too, not only explanations: a narrow terminal must
		// not fold a line the renderer thought fitted.
		for _, width := range []int{80, 50} {
			var b strings.Builder
			if err := renderTerminal(output.New(&b, output.Terminal, false, width), i18n.For(lang), sampleReports()); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if runewidth.StringWidth(line) > width {
					t.Errorf("%s: line wider than %d columns: %q", lang, width, line)
				}
			}
		}
	}
}

func TestRangeShowsOneTable(t *testing.T) {
	var rs []ports.Report
	for p := 8000; p <= 8003; p++ {
		r := sampleReports()[1]
		r.Arg, r.Port, r.InEphemeralRange = "8000-8003", p, false
		rs = append(rs, r)
	}
	var b strings.Builder
	if err := renderTerminal(output.New(&b, output.Terminal, false, 80), i18n.For(i18n.EN), rs); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Ports 8000–8003 (8000-8003)") || strings.Count(out, "\n800") != 4 || strings.Contains(out, "Port 8001") {
		t.Errorf("range table:\n%s", out)
	}
}

// TestEveryComputedKeyExists checks the keys built from data values, which
// the catalogue test cannot see in the source.
func TestEveryComputedKeyExists(t *testing.T) {
	var keys []string
	for _, c := range ports.AllClasses() {
		keys = append(keys, "port.class."+c, "port.class_short."+c)
	}
	for _, r := range ports.AllIANARanges() {
		keys = append(keys, "port.iana."+r, "port.iana_short."+r)
	}
	for _, k := range ports.AllBadKinds() {
		keys = append(keys, "port.bad."+k)
	}
	for _, r := range ports.AllRules() {
		keys = append(keys, "port.explain.privilege."+r)
	}
	for _, s := range ports.AllEphemeralSources() {
		keys = append(keys, "port.explain.ephemeral."+s)
	}
	keys = append(keys, "port.ephemeral.inside", "port.ephemeral.outside")
	for _, lang := range i18n.Langs {
		for _, k := range keys {
			if !i18n.For(lang).Has(k) {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
	}
}

func TestFlagsReachOptions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IO: ios, Tr: i18n.For(i18n.EN)}
	var got *Options
	c := NewCmdPort(f, func(o *Options) error { got = o; return nil })
	c.SetArgs([]string{"80", "ssh", "--json", "--listening"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.JSON || !got.Listening || got.List || strings.Join(got.Args, " ") != "80 ssh" {
		t.Errorf("options %+v", got)
	}
}
