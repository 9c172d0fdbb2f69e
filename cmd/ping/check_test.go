package ping

import (
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

var loopbackOverrides = []string{"--check", "--local", "127.0.0.2", "--gateway", "127.0.0.3", "--internet-host", "lo.test"}

func TestCheckAllStepsPass(t *testing.T) {
	o := run{args: loopbackOverrides}.do(t)
	if o.code != cmdutil.ExitOK {
		t.Fatalf("exit %d: %v\n%s", o.code, o.err, o.out)
	}
	want := []string{
		"step\t1\tloopback\t127.0.0.1\tok\t\tProves: the IP stack on this machine",
		"step\t2\tlan_address\t127.0.0.2\tok\t\tProves: your network interface",
		"step\t3\tgateway\t127.0.0.3\tok\t\tProves: the local network works",
		"step\t4\tdns\tlo.test\tok\t\tProves: names turn into addresses",
		"step\t5\tinternet\t127.0.0.1\tok\t\tProves: packets get out",
		"verdict\tok\tevery step works",
	}
	expectLinePrefixes(t, o.out, want)
}

// TestCheckDetailsHangUnderTheStep: on a narrow terminal each step's
// explanation wraps, every line of it indented under the step's name.
func TestCheckDetailsHangUnderTheStep(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		o := run{args: loopbackOverrides, tty: true, lang: lang, width: 40}.do(t)
		details := 0
		for _, line := range strings.Split(terminalScreen(o.out), "\n") {
			if !strings.HasPrefix(line, " ") {
				continue // the intro, a step's own line, the verdict
			}
			details++
			if !strings.HasPrefix(line, stepIndent) || runewidth.StringWidth(line) > 40 {
				t.Errorf("%s: detail line %q is not indented by %d or is wider than 40", lang, line, len(stepIndent))
			}
		}
		if details <= 5 {
			t.Errorf("%s: %d detail lines for 5 steps, want them wrapped:\n%s", lang, details, o.out)
		}
	}
}

func TestCheckWithFailingDNS(t *testing.T) {
	args := append(append([]string{}, loopbackOverrides[:5]...), "--internet-host", "something.invalid")
	o := run{args: args, tty: true}.do(t)
	t.Logf("terminal screen of the ladder with DNS failing:\n%s", o.out)
	if o.code != cmdutil.ExitFailed {
		t.Errorf("exit %d, want 1", o.code)
	}
	for _, want := range []string{
		"✓ 3. default gateway  127.0.0.3",
		"✗ 4. DNS lookup       something.invalid  the name does not resolve",
		"Likely cause: the DNS server is unreachable",
		"– 5. internet host",
		"skipped: a step before it failed",
		`Verdict: it breaks at "DNS lookup"`,
	} {
		if !strings.Contains(o.out, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
}

func TestCheckPastAGatewayThatIgnoresPing(t *testing.T) {
	silentGateway := &probetest.Pinger{Silent: []netip.Addr{netip.MustParseAddr("127.0.0.3")}}
	o := run{args: loopbackOverrides, pinger: silentGateway}.do(t)
	if o.code != cmdutil.ExitOK {
		t.Errorf("exit %d, want 0: the internet works (%v)", o.code, o.err)
	}
	expectLinePrefixes(t, o.out, []string{
		"step\t1\tloopback", "step\t2\tlan_address",
		"step\t3\tgateway\t127.0.0.3\tfailed\tno_reply\t",
		"step\t4\tdns\tlo.test\tok", "step\t5\tinternet\t127.0.0.1\tok",
		"verdict\tgateway_ignores_ping\tthe gateway does not answer ping, but the internet does",
	})
}

// TestCheckFailingAtTheFirstStep: nothing comes before step 1, so its
// verdict cannot say "everything before that step works".
func TestCheckFailingAtTheFirstStep(t *testing.T) {
	silent := &probetest.Pinger{Silent: []netip.Addr{probe.DefaultLoopback}}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		o := run{args: loopbackOverrides, pinger: silent, lang: lang}.do(t)
		verdict := o.out[strings.LastIndex(o.out, "verdict\t"):]
		if !strings.HasPrefix(verdict, "verdict\tfailed\t") || strings.Contains(verdict, "before that step") ||
			strings.Contains(verdict, "之前的步骤") {
			t.Errorf("%s: %q", lang, verdict)
		}
	}
}

// TestCheckVerdictIsAnObjectLikePings: --json gives the verdict as an
// object with a code in both ping and ping --check.
func TestCheckVerdictIsAnObjectLikePings(t *testing.T) {
	for _, args := range [][]string{append([]string{"--json"}, loopbackOverrides...), {"--json", "-c", "1", "127.0.0.1"}} {
		o := run{args: args}.do(t)
		var doc struct {
			Verdict struct{ Code, Text string }
		}
		if err := json.Unmarshal([]byte(o.out), &doc); err != nil {
			t.Fatalf("%q: %v\n%s", args, err, o.out)
		}
		if doc.Verdict.Code != "ok" || doc.Verdict.Text == "" {
			t.Errorf("%q: verdict %+v, want code ok and a text", args, doc.Verdict)
		}
	}
}

func TestCheckDiscoversTargetsWhenNotGiven(t *testing.T) {
	o := run{args: []string{"--check", "--internet-host", "lo.test", "--json"}, adjust: func(o *Options) {
		o.FindGateway = func() (netip.Addr, error) { return netip.Addr{}, errNoGateway }
	}}.do(t)
	var doc struct {
		Steps []struct {
			Name, Target, Reason, Detail string
			OK, Skipped                  bool
		}
		OK       bool   `json:"ok"`
		FailedAt string `json:"failed_at"`
		Verdict  struct{ Code, Text string }
	}
	if err := json.Unmarshal([]byte(o.out), &doc); err != nil {
		t.Fatalf("%v (%v)\n%s", err, o.err, o.out)
	}
	if doc.Steps[1].Target != "127.0.0.2" || !doc.Steps[1].OK {
		t.Errorf("LAN step %+v", doc.Steps[1])
	}
	if s := doc.Steps[2]; s.Reason != "not_found" || s.OK || s.Skipped || !strings.Contains(s.Detail, "Likely cause") {
		t.Errorf("gateway step %+v", s)
	}
	if doc.OK || doc.FailedAt != "gateway" || o.code != cmdutil.ExitFailed || doc.Verdict.Code != "failed" || doc.Verdict.Text == "" {
		t.Errorf("ok %v failed at %q exit %d verdict %+v", doc.OK, doc.FailedAt, o.code, doc.Verdict)
	}
}

func TestCheckWithoutPermissionExits4(t *testing.T) {
	denied := &probe.PermissionError{Tried: []probe.Mode{probe.ModePrivileged}, Err: errors.New("socket: permission denied")}
	o := run{args: loopbackOverrides, pinger: &probetest.Pinger{Err: denied}, lang: i18n.ZH}.do(t)
	var perm *cmdutil.PermissionError
	if o.code != cmdutil.ExitPermission || !errors.As(o.err, &perm) || !strings.Contains(perm.Msg, "--tcp 443") {
		t.Errorf("exit %d err %v", o.code, o.err)
	}
	if !strings.Contains(o.out, "当前用户不能发送 ICMP") {
		t.Errorf("zh ladder lacks the permission step:\n%s", o.out)
	}
}

// TestEveryComputedKeyExists covers the keys built from data (modes,
// reasons, step names, verdicts, notes), which the catalogue test cannot
// see in the source.
func TestEveryComputedKeyExists(t *testing.T) {
	var keys []string
	for _, m := range probe.AllModes() {
		keys = append(keys, "ping.mode_"+string(m))
	}
	for _, s := range probe.LadderSteps() {
		keys = append(keys, "ping.step_name_"+string(s), "ping.step_proves_"+string(s), "ping.step_fail_"+string(s))
	}
	for _, r := range probe.FailureReasons() {
		keys = append(keys, "ping.reason_"+string(r))
	}
	for _, r := range probe.SkipReasons() {
		keys = append(keys, "ping.skipped_"+string(r))
	}
	for _, s := range probe.AllScopes() {
		keys = append(keys, "ping.verdict_ok_"+string(s))
	}
	for _, n := range probe.AllNotes() {
		keys = append(keys, "ping.note_"+string(n))
	}
	for _, v := range []probe.CheckVerdict{probe.CheckOK, probe.CheckGatewayIgnoresPing, probe.CheckInterrupted} {
		keys = append(keys, "ping.check_verdict_"+string(v))
	}
	for _, lang := range i18n.Langs {
		for _, k := range keys {
			if !i18n.For(lang).Has(k) {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
	}
}
