package ping

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

// run is one invocation of the ping command with fakes wired in.
type run struct {
	args   []string
	tty    bool
	lang   i18n.Lang
	pinger probe.Pinger
	ctx    context.Context
	adjust func(*Options)
	width  int // of the terminal; 80 when 0
}

type outcome struct {
	code        int
	out, errOut string
	err         error
}

func (r run) do(t *testing.T) outcome {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(false, r.tty, false)
	ios.SetTerminalWidth(cmp.Or(r.width, 80))
	lang := r.lang
	if lang == "" {
		lang = i18n.EN
	}
	opts := fakeOptions(cmdutil.NewFactory(ios, lang), r.pinger)
	if r.adjust != nil {
		r.adjust(opts)
	}
	c := newCmdPing(opts, nil)
	c.SilenceUsage, c.SilenceErrors = true, true // as under the root command
	c.SetArgs(r.args)
	c.SetOut(out)
	c.SetErr(errOut)
	ctx := r.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	err := c.ExecuteContext(ctx)
	return outcome{cmdutil.ExitCode(err), out.String(), errOut.String(), err}
}

// fakeOptions wires every dependency to a fake: nothing leaves the process.
func fakeOptions(f *cmdutil.Factory, p probe.Pinger) *Options {
	o := defaultOptions(f)
	o.Resolver = &probetest.Resolver{Addrs: map[string][]netip.Addr{
		"lo.test": {netip.MustParseAddr("127.0.0.1")},
	}}
	if p == nil {
		p = &probetest.Pinger{}
	}
	o.NewPinger = func(uint16) probe.Pinger { return p }
	o.Privileged = func() bool { return true }
	o.FindLAN = func() (netip.Addr, error) { return netip.MustParseAddr("127.0.0.2"), nil }
	o.FindGateway = func() (netip.Addr, error) { return netip.MustParseAddr("127.0.0.3"), nil }
	o.GroupRange = func() (int, int, error) { return 1, 0, nil }
	o.GID = func() int { return 1000 }
	return o
}

// lossy is the fake run the rendering tests share: four requests, the
// second lost, the third answered twice.
func lossy() *probetest.Pinger {
	return &probetest.Pinger{
		Lost: map[int]bool{1: true},
		Dups: map[int]int{2: 1},
		RTTs: []time.Duration{1200 * time.Microsecond, 0, 2500 * time.Microsecond, 1800 * time.Microsecond},
	}
}

var lossyArgs = []string{"-c", "4", "-i", "0.001", "-W", "0.3", "lo.test"}

func TestPlainLossyRunIsStableLines(t *testing.T) {
	o := run{args: lossyArgs, pinger: lossy()}.do(t)
	if o.code != cmdutil.ExitOK {
		t.Fatalf("exit %d, want 0 (some replies): %v", o.code, o.err)
	}
	want := []string{
		"dns\thost=lo.test\taddress=127.0.0.1\tfrom_dns=true\ttime_ms=",
		"start\tmode=unprivileged\tsize=56",
		"reply\tseq=1\tbytes=64\tttl=64\ttime_ms=1.200",
		"reply\tseq=3\tbytes=64\tttl=64\ttime_ms=2.500",
		"duplicate\tseq=3\tbytes=64\tttl=64\ttime_ms=2.500",
		"reply\tseq=4\tbytes=64\tttl=64\ttime_ms=1.800",
		"lost\tseq=2\ttimeout_ms=300.000",
		"summary\thost=lo.test\taddress=127.0.0.1\tmode=unprivileged\tsent=4\treceived=3\tduplicates=1\terrors=0\tloss_percent=25\ttime_ms=",
		"rtt\tmin_ms=1.200\tavg_ms=2.000\tmax_ms=2.500\tmdev_ms=0.543",
		"verdict\tsome_loss\tthe host is reachable, but 25% of the requests",
		"note\tduplicates\tsome requests were answered twice",
	}
	expectLinePrefixes(t, o.out, want)
	if strings.ContainsRune(o.out, '\x1b') {
		t.Error("escape bytes in piped output")
	}
}

// Where the OS does not report the TTL (Windows' IPv6 replies and raw
// sockets), it is "?" once explained on a terminal, and left out of the
// piped lines and of --json, never a made-up number.
func TestUnknownTTLIsExplainedOnceAndLeftOut(t *testing.T) {
	args := []string{"-c", "3", "-i", "0.001", "lo.test"}
	term := run{args: args, pinger: &probetest.Pinger{TTL: -1}, tty: true}.do(t)
	if n := strings.Count(term.out, "ttl=?"); n != 4 { // three replies and the note
		t.Errorf("%d times ttl=? on the terminal, want 4:\n%s", n, term.out)
	}
	if n := strings.Count(term.out, "does not hand netlearn the TTL"); n != 1 {
		t.Errorf("the note came %d times, want once:\n%s", n, term.out)
	}
	plain := run{args: args, pinger: &probetest.Pinger{TTL: -1}}.do(t)
	if strings.Contains(plain.out, "ttl=") || !strings.Contains(plain.out, "reply\tseq=1\tbytes=64\ttime_ms=") {
		t.Errorf("piped output:\n%s", plain.out)
	}
	js := run{args: append(args, "--json"), pinger: &probetest.Pinger{TTL: -1}}.do(t)
	if strings.Contains(js.out, "ttl") || strings.Contains(js.out, "-1") {
		t.Errorf("JSON mentions a TTL:\n%s", js.out)
	}
}

// expectLinePrefixes checks out line by line: exactly as many lines as
// want, each starting with its entry.
func expectLinePrefixes(t *testing.T, out string, want []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i, lines[i], w)
		}
	}
}

var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]|\r")

// terminalScreen replays output the way a terminal shows it: output.ClearLine
// erases the line the cursor is on.
func terminalScreen(out string) string {
	var screen strings.Builder
	for i, part := range strings.Split(out, output.ClearLine) {
		if i > 0 {
			kept := screen.String()
			screen.Reset()
			screen.WriteString(kept[:strings.LastIndex(kept, "\n")+1])
		}
		screen.WriteString(part)
	}
	return ansiRE.ReplaceAllString(screen.String(), "")
}

func TestTerminalLossyRunRendersLiveAndSummary(t *testing.T) {
	o := run{args: lossyArgs, pinger: lossy(), tty: true}.do(t)
	raw := ansiRE.ReplaceAllString(o.out, "")
	screen := terminalScreen(o.out)
	t.Logf("terminal screen after a lossy run:\n%s", screen)
	// The picture is redrawn after each event and erased before the summary.
	for _, want := range []string{"rtt ▁  last 1.200 ms", "rtt ▁██▄x  last lost"} {
		if !strings.Contains(raw, want) {
			t.Errorf("the live picture never showed %q", want)
		}
	}
	if strings.Contains(screen, "last lost") {
		t.Error("the live picture was left on the screen")
	}
	for _, want := range []string{
		"DNS  lo.test → 127.0.0.1",
		"PING lo.test (127.0.0.1): 56 data bytes, unprivileged ICMP (ping socket)",
		"64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=1.200 ms",
		"64 bytes from 127.0.0.1: icmp_seq=3 ttl=64 time=2.500 ms (DUP!)",
		"icmp_seq=2: lost, no reply within 0.3 s",
		"--- lo.test ping statistics ---",
		"4 packets transmitted, 3 received, +1 duplicates, 25% packet loss, time ",
		"rtt min/avg/max/mdev = 1.200/2.000/2.500/0.543 ms",
		"rtt picture ▁x█▄  (x = lost)",
		"Verdict: the host is reachable, but 25% of the requests got no reply.",
		"  • some requests were answered twice",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
}

// TestVerdictAndNotesFitANarrowTerminal: the verdict wraps at the
// terminal's edge, and each note hangs under its bullet, in both languages.
func TestVerdictAndNotesFitANarrowTerminal(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		o := run{args: lossyArgs, pinger: lossy(), tty: true, lang: lang, width: 40}.do(t)
		screen := terminalScreen(o.out)
		verdict := screen[strings.LastIndex(screen, "\n\n")+2:]
		lines := strings.Split(strings.TrimRight(verdict, "\n"), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: verdict and notes in %d lines, want them wrapped:\n%s", lang, len(lines), verdict)
		}
		for i, line := range lines {
			if w := runewidth.StringWidth(line); w > 40 {
				t.Errorf("%s: line %q is %d columns wide, the terminal 40", lang, line, w)
			}
			if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  • ") && !strings.HasPrefix(line, "    ") {
				t.Errorf("%s: note line %d %q neither starts a bullet nor hangs under one", lang, i, line)
			}
		}
	}
}

func TestTerminalRunInChinese(t *testing.T) {
	o := run{args: lossyArgs, pinger: lossy(), tty: true, lang: i18n.ZH}.do(t)
	for _, want := range []string{"来自 127.0.0.1 的 64 字节", "丢失", "丢包率 25%", "结论："} {
		if !strings.Contains(o.out, want) {
			t.Errorf("zh output lacks %q:\n%s", want, o.out)
		}
	}
}

func TestJSONHasTheDocumentedFields(t *testing.T) {
	o := run{args: append([]string{"--json"}, lossyArgs...), pinger: lossy()}.do(t)
	var doc map[string]any
	if err := json.Unmarshal([]byte(o.out), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, o.out)
	}
	for _, k := range []string{"host", "address", "mode", "sent", "received", "loss_percent",
		"rtt_min_ms", "rtt_avg_ms", "rtt_max_ms", "rtt_mdev_ms", "replies", "duplicates", "lost", "verdict"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if doc["mode"] != "unprivileged" || doc["loss_percent"] != 25.0 || doc["host"] != "lo.test" {
		t.Errorf("mode %v loss %v host %v", doc["mode"], doc["loss_percent"], doc["host"])
	}
	first := doc["replies"].([]any)[0].(map[string]any)
	if first["seq"] != 1.0 || first["ttl"] != 64.0 || first["rtt_ms"] != 1.2 {
		t.Errorf("first reply %v", first)
	}
}

// deniedBothModes is what ICMP reports on Linux when neither the ping
// socket nor a raw socket is allowed.
func deniedBothModes() *probe.PermissionError {
	return &probe.PermissionError{
		Tried: []probe.Mode{probe.ModeUnprivileged, probe.ModePrivileged},
		Err:   errors.New("socket: operation not permitted"),
	}
}

func TestExitCodes(t *testing.T) {
	denied := deniedBothModes()
	allLost := &probetest.Pinger{Lost: map[int]bool{0: true, 1: true}}
	cases := []struct {
		name   string
		args   []string
		pinger probe.Pinger
		code   int
		errHas string
	}{
		{"replies", []string{"-c", "2", "-i", "0.01", "127.0.0.1"}, nil, 0, ""},
		{"no reply", []string{"-c", "2", "-i", "0.01", "-W", "0.05", "127.0.0.1"}, allLost, 1, ""},
		{"dns failure", []string{"nowhere.invalid"}, nil, 2, "DNS failed: the name nowhere.invalid does not exist"},
		{"dns missing name", []string{"missing.test"}, nil, 2, "does not exist"},
		{"permission", []string{"127.0.0.1"}, &probetest.Pinger{Err: denied}, 4, ""},
		{"tcp refused", []string{"--tcp", "80", "-c", "1", "127.0.0.1"}, &probetest.Pinger{Refused: map[int]bool{0: true}}, 1, ""},
		{"send error", []string{"-c", "1", "127.0.0.1"}, &probetest.Pinger{SendFail: map[int]bool{0: true}}, 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := run{args: c.args, pinger: c.pinger}.do(t)
			if o.code != c.code {
				t.Errorf("exit %d, want %d (err %v)", o.code, c.code, o.err)
			}
			if c.errHas != "" && (o.err == nil || !strings.Contains(o.err.Error(), c.errHas)) {
				t.Errorf("error %v, want it to say %q", o.err, c.errHas)
			}
		})
	}
}

func TestPermissionExplanation(t *testing.T) {
	denied := deniedBothModes()
	o := run{args: []string{"127.0.0.1"}, pinger: &probetest.Pinger{Err: denied}}.do(t)
	var perm *cmdutil.PermissionError
	if !errors.As(o.err, &perm) {
		t.Fatalf("err %v, want a PermissionError", o.err)
	}
	t.Logf("permission explanation:\n%s", perm.Msg)
	wants := []string{"unprivileged ICMP (ping socket), privileged ICMP (raw socket)", "--tcp 443 127.0.0.1"}
	if runtime.GOOS == "linux" {
		wants = append(wants, `now "1 0", and your group 1000 is not one of them`,
			"net.ipv4.ping_group_range", "setcap cap_net_raw+ep")
	}
	for _, want := range wants {
		if !strings.Contains(perm.Msg, want) {
			t.Errorf("explanation lacks %q", want)
		}
	}
}

// cancelAfter wraps a pinger and cancels the run after n replies, as a
// Ctrl-C would.
type cancelAfter struct {
	inner  probe.Pinger
	n      int32
	cancel context.CancelFunc
}

func (c *cancelAfter) Ping(ctx context.Context, req probe.Request, h probe.Hooks) (probe.Mode, error) {
	var got atomic.Int32
	reply := h.Reply
	h.Reply = func(r probe.Reply) {
		reply(r)
		if got.Add(1) == c.n {
			c.cancel()
		}
	}
	return c.inner.Ping(ctx, req, h)
}

func TestCtrlCPrintsTheSummaryAndExits130(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &cancelAfter{inner: &probetest.Pinger{}, n: 3, cancel: cancel}
	o := run{args: []string{"-c", "0", "-i", "0.005", "127.0.0.1"}, pinger: p, ctx: ctx}.do(t)
	if o.code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want 130", o.code)
	}
	if !strings.Contains(o.out, "summary\t") || !strings.Contains(o.out, "verdict\tok") {
		t.Errorf("no summary after Ctrl-C:\n%s", o.out)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		has  string
	}{
		{nil, "which host?"},
		{[]string{"a.test", "b.test"}, `got another: "b.test"`},
		{[]string{"-c", "-1", "x.test"}, "cannot be negative"},
		{[]string{"-i", "soon", "x.test"}, "--interval soon is not a time"},
		{[]string{"-W", "0", "x.test"}, "--timeout 0 is not a time"},
		{[]string{"-w", "-3", "x.test"}, "--deadline -3 is not a time"},
		{[]string{"-s", "8", "x.test"}, "between 24 and 65507"},
		{[]string{"--ttl", "0", "x.test"}, "between 1 and 255"},
		{[]string{"-4", "-6", "x.test"}, "exclude each other"},
		{[]string{"-6", "127.0.0.1"}, "not an IPv6 address"},
		{[]string{"-4", "::1"}, "not an IPv4 address"},
		{[]string{"https://www.baidu.com/"}, "is a URL"},
		{[]string{"x.test:80"}, "has a port"},
		{[]string{"127.0.0.1/8"}, `"127.0.0.1/8" is a network prefix, not one host`},
		{[]string{"--tcp", "0", "x.test"}, "from 1 to 65535"},
		{[]string{"--tcp", "80", "-s", "100", "x.test"}, "do not apply to --tcp"},
		{[]string{"--local", "127.0.0.1", "x.test"}, "--local only makes sense with --check"},
		{[]string{"--check", "x.test"}, "--check picks its own targets"},
		{[]string{"--check", "--tcp", "80"}, "cannot be combined with --tcp"},
		{[]string{"--check", "--gateway", "router"}, "--gateway router is not an IP address"},
		{[]string{"--check", "--internet-host", "http://x/"}, "is a URL"},
		{[]string{"256.1.1.1"}, `"256.1.1.1" is not an IPv4 address: that is four numbers from 0 to 255`},
		{[]string{strings.Repeat("a", 300)}, "too long (300 characters)"},
		{[]string{"--check", "--internet-host", strings.Repeat("b", 64) + ".test"}, "too long (69 characters)"},
		{[]string{"[]"}, "which host?"},
		{[]string{""}, "which host?"},
		{[]string{"--check", "-c", "5"}, "--count does not apply to --check"},
		{[]string{"--check", "-4"}, "--ipv4 does not apply to --check"},
		{[]string{"--check", "-W", "1"}, "--timeout does not apply to --check"},
	}
	for _, c := range cases {
		resolver := &probetest.Resolver{}
		o := run{args: c.args, adjust: func(o *Options) { o.Resolver = resolver }}.do(t)
		if calls := resolver.Calls(); len(calls) > 0 {
			t.Errorf("%q: bad input was looked up in DNS: %q", c.args, calls)
		}
		var usage *cmdutil.UsageError
		if o.code != cmdutil.ExitUsage || !errors.As(o.err, &usage) || !strings.Contains(usage.Msg, c.has) {
			t.Errorf("%q: exit %d err %v, want 2 and %q", c.args, o.code, o.err, c.has)
		}
	}
}

// TestFastIntervalNeedsPrivilege follows iputils: an ordinary user may
// ping every 2 ms ("minimal interval allowed for user is 2ms"); faster is a
// flood and needs privilege.
func TestFastIntervalNeedsPrivilege(t *testing.T) {
	for _, c := range []struct {
		interval   string
		privileged bool
		want       int
	}{
		{"0.1", false, cmdutil.ExitOK},
		{"0.002", false, cmdutil.ExitOK},
		{"2ms", false, cmdutil.ExitOK},
		{"0.0019", false, cmdutil.ExitUsage},
		{"1ms", false, cmdutil.ExitUsage},
		{"1ms", true, cmdutil.ExitOK},
	} {
		o := run{args: []string{"-c", "1", "-i", c.interval, "127.0.0.1"},
			adjust: func(o *Options) { o.Privileged = func() bool { return c.privileged } }}.do(t)
		if o.code != c.want {
			t.Errorf("-i %s privileged=%v: exit %d, want %d (%v)", c.interval, c.privileged, o.code, c.want, o.err)
		}
		if o.code == cmdutil.ExitUsage && !strings.Contains(o.err.Error(), "below 0.002 s") {
			t.Errorf("-i %s: %v", c.interval, o.err)
		}
	}
}

// TestHeaderAndSummaryFitSixtyColumns: the PING header and the statistics
// wrap at the terminal's edge, in both languages, instead of being cut
// mid-word by the terminal.
func TestHeaderAndSummaryFitSixtyColumns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		o := run{args: lossyArgs, pinger: lossy(), tty: true, lang: lang, width: 60}.do(t)
		for _, line := range strings.Split(terminalScreen(o.out), "\n") {
			if w := runewidth.StringWidth(line); w > 60 {
				t.Errorf("%s: %q is %d columns wide, the terminal 60", lang, line, w)
			}
		}
	}
}
