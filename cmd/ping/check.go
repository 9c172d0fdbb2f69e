package ping

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// checkRun climbs the diagnosis ladder, showing each step as it ends.
func checkRun(opts *Options) error {
	tr := opts.F.Tr
	out := opts.F.IO.Out
	term := !opts.JSON && opts.F.IO.IsStdoutTTY()
	if term {
		intro := tr.T("ping.check_intro", "budget", seconds(probe.DefaultBudget))
		fmt.Fprintln(out, pterm.Bold.Sprint(textwrap.Hang(intro, opts.F.IO.TerminalWidth(), "")))
	}
	n := 0
	rep := probe.Check(opts.Ctx, probe.CheckOptions{
		LAN: opts.Local, Gateway: opts.Gateway, InternetHost: opts.InternetHost,
		FindLAN: opts.FindLAN, FindGateway: opts.FindGateway,
		Resolver: opts.Resolver, Pinger: opts.NewPinger(0),
		OnStep: func(s probe.Step) {
			n++
			switch {
			case opts.JSON:
			case term:
				fmt.Fprint(out, stepTerminal(tr, n, s, opts.F.IO.TerminalWidth()))
			default:
				fmt.Fprintln(out, stepPlain(tr, n, s))
			}
		},
	})
	if err := writeCheckVerdict(opts, rep); err != nil {
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
	Steps       []checkStepJSON `json:"steps"`
	OK          bool            `json:"ok"`
	FailedAt    probe.StepName  `json:"failed_at,omitempty"`
	ElapsedMs   float64         `json:"elapsed_ms"`
	Interrupted bool            `json:"interrupted"`
	Verdict     string          `json:"verdict"`
}

type checkStepJSON struct {
	probe.Step
	Detail string `json:"detail"`
}

func writeCheckVerdict(opts *Options, rep probe.CheckReport) error {
	tr := opts.F.Tr
	verdict := checkVerdict(tr, rep)
	if opts.JSON {
		doc := checkJSON{OK: rep.OK, FailedAt: rep.FailedAt, ElapsedMs: rep.ElapsedMs,
			Interrupted: rep.Interrupted, Verdict: verdict}
		for _, s := range rep.Steps {
			doc.Steps = append(doc.Steps, checkStepJSON{Step: s, Detail: stepDetail(tr, s)})
		}
		return cmdutil.WriteJSON(opts.F.IO.Out, doc)
	}
	if opts.F.IO.IsStdoutTTY() {
		style := pterm.FgGreen
		if !rep.OK {
			style = pterm.FgRed
		}
		line := textwrap.Hang(tr.T("ping.verdict_line", "text", verdict), opts.F.IO.TerminalWidth(), "")
		_, err := fmt.Fprintln(opts.F.IO.Out, "\n"+style.Sprint(line))
		return err
	}
	status := "ok"
	if !rep.OK {
		status = "failed"
	}
	_, err := fmt.Fprintln(opts.F.IO.Out, strings.Join([]string{"verdict", status, verdict}, "\t"))
	return err
}

func checkVerdict(tr *i18n.Catalog, rep probe.CheckReport) string {
	switch {
	case rep.Interrupted:
		return tr.T("ping.check_verdict_interrupted")
	case rep.OK:
		return tr.T("ping.check_verdict_ok")
	}
	return tr.T("ping.check_verdict_fail", "step", stepName(tr, rep.FailedAt))
}

// targetColumn fits an IPv4 address; longer targets push the result right.
const targetColumn = 15

// stepIndent lines the detail up under the step's name.
const stepIndent = "     "

func stepTerminal(tr *i18n.Catalog, n int, s probe.Step, width int) string {
	mark, style := "✓", pterm.FgGreen
	switch {
	case s.Skipped:
		mark, style = "–", pterm.FgGray
	case !s.OK:
		mark, style = "✗", pterm.FgRed
	}
	nameWidth := 0
	for _, name := range probe.LadderSteps() {
		nameWidth = max(nameWidth, runewidth.StringWidth(stepName(tr, name)))
	}
	head := tr.T("ping.step_line", "mark", mark, "n", n,
		"name", runewidth.FillRight(stepName(tr, s.Name), nameWidth),
		"target", runewidth.FillRight(stepTarget(tr, s), targetColumn), "result", stepResult(tr, s))
	return style.Sprint(head) + "\n" + textwrap.Hang(stepIndent+stepDetail(tr, s), width, stepIndent) + "\n"
}

func stepPlain(tr *i18n.Catalog, n int, s probe.Step) string {
	status := "ok"
	switch {
	case s.Skipped:
		status = "skipped"
	case !s.OK:
		status = "failed"
	}
	return strings.Join([]string{"step", strconv.Itoa(n), string(s.Name), s.Target, status,
		string(s.Reason), stepDetail(tr, s)}, "\t")
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
