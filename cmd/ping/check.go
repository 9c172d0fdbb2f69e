package ping

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// checkRun climbs the diagnosis ladder, showing each step as it ends.
func checkRun(opts *Options) error {
	tr := opts.F.Tr
	l := opts.F.IO.Output().WithJSON(opts.JSON)
	stream := l.Stream()
	intro := tr.T("ping.check_intro", "budget", seconds(probe.DefaultBudget))
	stream.Emit(output.Record{Terminal: l.ColorScheme().Bold(l.Wrap(intro, ""))})
	n := 0
	rep := probe.Check(opts.Ctx, probe.CheckOptions{
		LAN: opts.Local, Gateway: opts.Gateway, InternetHost: opts.InternetHost,
		FindLAN: opts.FindLAN, FindGateway: opts.FindGateway,
		Resolver: opts.Resolver, Pinger: opts.NewPinger(0),
		OnStep: func(s probe.Step) {
			n++
			stream.Emit(stepRecord(l, tr, n, s))
		},
	})
	if err := stream.End(); err != nil {
		return err
	}
	if err := writeCheckVerdict(l, opts, rep); err != nil {
		return err
	}
	switch {
	case rep.Interrupted:
		return cmdutil.ErrInterrupted
	case rep.Permission():
		return &cmdutil.PermissionError{Msg: permissionMessage(opts, permissionOf(rep))}
	case !rep.OK:
		return &cmdutil.FailedError{}
	}
	return nil
}

func permissionOf(rep probe.CheckReport) *probe.PermissionError {
	for _, s := range rep.Steps {
		var pe *probe.PermissionError
		if errors.As(s.Err, &pe) {
			return pe
		}
	}
	return &probe.PermissionError{}
}

// checkJSON is the --json document of a check: the report with each step's
// detail in the chosen language and the verdict sentence.
type checkJSON struct {
	Steps       []checkStepJSON  `json:"steps"`
	OK          bool             `json:"ok"`
	FailedAt    probe.StepName   `json:"failed_at,omitempty"`
	ElapsedMs   float64          `json:"elapsed_ms"`
	Interrupted bool             `json:"interrupted"`
	Verdict     checkVerdictJSON `json:"verdict"`
}

// checkVerdictJSON is an object with a code, as a ping's verdict is.
type checkVerdictJSON struct {
	Code probe.CheckVerdict `json:"code"`
	Text string             `json:"text"`
}

type checkStepJSON struct {
	probe.Step
	Detail string `json:"detail"`
}

func writeCheckVerdict(l *output.Layer, opts *Options, rep probe.CheckReport) error {
	tr := opts.F.Tr
	doc := checkJSON{OK: rep.OK, FailedAt: rep.FailedAt, ElapsedMs: rep.ElapsedMs,
		Interrupted: rep.Interrupted, Verdict: checkVerdictJSON{Code: rep.Verdict, Text: checkVerdict(tr, rep)}}
	for _, s := range rep.Steps {
		doc.Steps = append(doc.Steps, checkStepJSON{Step: s, Detail: stepDetail(tr, s)})
	}
	return output.Render(l, doc, func(l *output.Layer, d checkJSON) error {
		color := output.Green
		if !d.OK {
			color = output.Red
		}
		line := l.Wrap(tr.T("ping.verdict_line", "text", d.Verdict.Text), "")
		_, err := fmt.Fprintln(l.Writer(), "\n"+l.ColorScheme().Paint(color, line))
		return err
	}, func(l *output.Layer, d checkJSON) error {
		_, err := io.WriteString(l.Writer(), output.PlainLine("verdict", []string{string(d.Verdict.Code)}, d.Verdict.Text))
		return err
	})
}

// dnsSkipped reports whether the internet host was an address, so the
// ladder never asked DNS anything.
func dnsSkipped(rep probe.CheckReport) bool {
	for _, s := range rep.Steps {
		if s.Name == probe.StepDNS && s.Reason == probe.ReasonNoName {
			return true
		}
	}
	return false
}

func checkVerdict(tr *i18n.Catalog, rep probe.CheckReport) string {
	switch {
	case rep.Verdict == probe.CheckOK && dnsSkipped(rep):
		return tr.T("ping.check_verdict_ok_no_dns")
	case rep.Verdict == probe.CheckOK:
		return tr.T("ping.check_verdict_ok")
	case rep.Verdict == probe.CheckGatewayIgnoresPing:
		return tr.T("ping.check_verdict_gateway_ignores_ping")
	case rep.Verdict == probe.CheckInterrupted:
		return tr.T("ping.check_verdict_interrupted")
	case rep.FailedAt == probe.LadderSteps()[0]:
		// Nothing comes before the first step to vouch for.
		return tr.T("ping.check_verdict_fail_first", "step", stepName(tr, rep.FailedAt))
	}
	return tr.T("ping.check_verdict_fail", "step", stepName(tr, rep.FailedAt))
}

// targetColumn fits an IPv4 address; longer targets push the result right.
const targetColumn = 15

// stepIndent lines the detail up under the step's name.
const stepIndent = "     "

// stepRecord is one step of the ladder in every look: on a terminal a
// marked, aligned line with what it means below; piped, a "step" record.
func stepRecord(l *output.Layer, tr *i18n.Catalog, n int, s probe.Step) output.Record {
	mark, color, status := "✓", output.Green, "ok"
	switch {
	case s.Skipped:
		mark, color, status = "–", output.Gray, "skipped"
	case !s.OK:
		mark, color, status = "✗", output.Red, "failed"
	}
	nameWidth := 0
	for _, name := range probe.LadderSteps() {
		nameWidth = max(nameWidth, runewidth.StringWidth(stepName(tr, name)))
	}
	head := tr.T("ping.step_line", "mark", mark, "n", n,
		"name", runewidth.FillRight(stepName(tr, s.Name), nameWidth),
		"target", runewidth.FillRight(stepTarget(tr, s), targetColumn), "result", stepResult(tr, s))
	detail := stepDetail(tr, s)
	return output.Record{
		Type:     "step",
		Values:   []string{strconv.Itoa(n), string(s.Name), s.Target, status, string(s.Reason)},
		Text:     detail,
		Terminal: l.ColorScheme().Paint(color, head) + "\n" + l.Wrap(stepIndent+detail, stepIndent),
	}
}

func stepName(tr *i18n.Catalog, name probe.StepName) string {
	return tr.T("ping.step_name_" + string(name))
}

func stepTarget(tr *i18n.Catalog, s probe.Step) string {
	if s.Reason == probe.ReasonNotFound {
		return tr.T("ping.target_unknown")
	}
	return s.Target
}

// stepResult is the short outcome: a time, an address, or why not.
func stepResult(tr *i18n.Catalog, s probe.Step) string {
	switch {
	case s.OK && s.Name == probe.StepDNS:
		return tr.T("ping.result_dns", "addr", s.Address, "ms", ms(s.DNSMs))
	case s.OK:
		return tr.T("ping.result_rtt", "rtt", ms(s.RTTMs))
	case s.Skipped:
		return tr.T("ping.result_skipped")
	}
	return tr.T("ping.reason_"+string(s.Reason), "err", s.Err, "budget", seconds(probe.DefaultBudget))
}

// stepDetail says what a passed step proves, or what a failed one likely
// means and what to try next.
func stepDetail(tr *i18n.Catalog, s probe.Step) string {
	switch {
	case s.Skipped:
		return tr.T("ping.skipped_" + string(s.Reason))
	case s.OK:
		return tr.T("ping.step_proves_" + string(s.Name))
	case s.Reason == probe.ReasonPermission:
		return tr.T("ping.step_fail_permission")
	}
	return tr.T("ping.step_fail_" + string(s.Name))
}
