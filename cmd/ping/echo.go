package ping

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// echoRun pings one host: live lines while it runs, then the summary and
// the verdict, then the exit code iputils would give.
func echoRun(opts *Options) error {
	layer := opts.F.IO.Output().WithJSON(opts.JSON)
	view := newLive(opts, layer)
	res, err := probe.Run(opts.Ctx, probe.Options{
		Host: opts.Host, Family: opts.Family, Count: opts.Count,
		Interval: opts.Interval, Timeout: opts.Timeout, Deadline: opts.Deadline,
		Size: opts.Size, TTL: opts.TTL,
		Resolver: opts.Resolver, Pinger: opts.NewPinger(opts.TCPPort), OnEvent: view.event,
	})
	if werr := view.done(); werr != nil {
		return werr
	}
	if err != nil && res.Sent == 0 {
		return runError(opts, err)
	}
	if opts.TCPPort != 0 {
		res.Port, res.Size = int(opts.TCPPort), 0
	}
	res.Verdict.Text = verdictText(opts, res)
	if rerr := output.Render(layer, res,
		func(l *output.Layer, r probe.Result) error { return writeSummaryTerminal(l, opts, r) },
		func(l *output.Layer, r probe.Result) error { return writeSummaryPlain(l, opts, r) },
	); rerr != nil {
		return rerr
	}
	switch {
	case res.Interrupted:
		return cmdutil.ErrInterrupted
	case err != nil:
		return runError(opts, err)
	case res.Received == 0:
		return &cmdutil.FailedError{} // the verdict has said it
	}
	return nil
}

// runError turns what stopped a run into the error that sets the exit code.
func runError(opts *Options, err error) error {
	tr := opts.F.Tr
	var resolve *probe.ResolveError
	var perm *probe.PermissionError
	var fw *probe.FirewallError
	switch {
	case opts.Ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.As(err, &resolve):
		return &cmdutil.UsageError{Msg: resolveMessage(tr, resolve), Unresolved: true}
	case errors.As(err, &perm):
		return &cmdutil.PermissionError{Msg: permissionMessage(opts, perm)}
	case errors.As(err, &fw):
		return &cmdutil.FailedError{Msg: tr.T("ping.firewall", "err", fw.Err)}
	}
	return &cmdutil.FailedError{Msg: tr.T("ping.failed", "err", err)}
}

func resolveMessage(tr *i18n.Catalog, e *probe.ResolveError) string {
	switch {
	case e.Timeout:
		return tr.T("ping.dns_timeout", "host", e.Host)
	case e.NotFound:
		return tr.T("ping.dns_not_found", "host", e.Host)
	}
	return tr.T("ping.dns_failed", "host", e.Host, "err", e.Err)
}

// summaryFacts are the iputils summary figures, formatted once for both looks.
type summaryFacts struct {
	loss, elapsed string
	rtt           [4]string
}

func factsOf(r probe.Result) summaryFacts {
	return summaryFacts{
		loss:    strconv.FormatFloat(r.LossPercent, 'g', 6, 64),
		elapsed: strconv.FormatFloat(r.ElapsedMs, 'f', 0, 64),
		rtt:     [4]string{ms(r.MinMs), ms(r.AvgMs), ms(r.MaxMs), ms(r.MdevMs)},
	}
}

func writeSummaryTerminal(l *output.Layer, opts *Options, r probe.Result) error {
	tr, cs := opts.F.Tr, l.ColorScheme()
	f := factsOf(r)
	var b strings.Builder
	b.WriteString("\n" + cs.Bold(tr.T("ping.stats_title", "host", r.Host)) + "\n")
	extra := ""
	if r.Duplicates > 0 {
		extra += tr.T("ping.stats_dups", "n", r.Duplicates)
	}
	if r.Errors > 0 {
		extra += tr.T("ping.stats_errors", "n", r.Errors)
	}
	b.WriteString(l.Wrap(tr.T("ping.stats_line", "sent", r.Sent, "received", r.Received, "extra", extra,
		"loss", f.loss, "time", f.elapsed), "    ") + "\n")
	if r.Received+r.Duplicates > 0 {
		b.WriteString(l.Wrap(tr.T("ping.stats_rtt", "min", f.rtt[0], "avg", f.rtt[1], "max", f.rtt[2], "mdev", f.rtt[3]), "    ") + "\n")
	}
	if pic := resultWindow(r); len(pic) > 1 {
		line := tr.T("ping.picture_final", "spark", sparkline(pic, max(l.Width()-20, 8)))
		if len(r.Lost) > 0 {
			line += tr.T("ping.picture_legend")
		}
		b.WriteString(cs.Cyan(line) + "\n")
	}
	verdict := l.Wrap(tr.T("ping.verdict_line", "text", verdictText(opts, r)), "")
	b.WriteString("\n" + cs.Paint(verdictColor(r.Verdict.Code), verdict) + "\n")
	for _, n := range r.Verdict.Notes {
		// A four-space hanging indent: "  • text" over "    more text".
		b.WriteString(l.Wrap("  • "+noteText(opts, r, n), "    ") + "\n")
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}

func writeSummaryPlain(l *output.Layer, opts *Options, r probe.Result) error {
	f := factsOf(r)
	kv := output.KV
	lines := []string{
		output.PlainLine("summary", []string{kv("host", r.Host), kv("address", r.Address), kv("mode", r.Mode),
			kv("sent", r.Sent), kv("received", r.Received), kv("duplicates", r.Duplicates),
			kv("errors", r.Errors), kv("loss_percent", f.loss), kv("time_ms", f.elapsed)}, ""),
		output.PlainLine("rtt", []string{kv("min_ms", f.rtt[0]), kv("avg_ms", f.rtt[1]), kv("max_ms", f.rtt[2]),
			kv("mdev_ms", f.rtt[3])}, ""),
		output.PlainLine("verdict", []string{string(r.Verdict.Code)}, verdictText(opts, r)),
	}
	for _, n := range r.Verdict.Notes {
		lines = append(lines, output.PlainLine("note", []string{string(n)}, noteText(opts, r, n)))
	}
	_, err := io.WriteString(l.Writer(), strings.Join(lines, ""))
	return err
}

// resultWindow rebuilds the round-trip picture of the whole run, in
// sequence order, with lost requests marked.
func resultWindow(r probe.Result) []float64 {
	bySeq := map[int]float64{}
	last := -1
	for _, rep := range r.Replies {
		bySeq[rep.Seq] = rep.RTTMs
		last = max(last, rep.Seq)
	}
	for _, seq := range r.Lost {
		bySeq[seq] = -1
		last = max(last, seq)
	}
	var out []float64
	for seq := 0; seq <= last; seq++ {
		if v, ok := bySeq[seq]; ok {
			out = append(out, v)
		}
	}
	return out
}

func verdictColor(c probe.VerdictCode) output.Color {
	switch c {
	case probe.VerdictOK:
		return output.Green
	case probe.VerdictSomeLoss, probe.VerdictPortClosed:
		return output.Yellow
	}
	return output.Red
}

// verdictText says in plain words what the run showed. An answer means
// something different for loopback, the LAN and the internet.
func verdictText(opts *Options, r probe.Result) string {
	tr := opts.F.Tr
	switch r.Verdict.Code {
	case probe.VerdictOK:
		return tr.T("ping.verdict_ok_"+string(r.Verdict.Scope), "host", r.Host, "avg", ms(r.AvgMs))
	case probe.VerdictSomeLoss:
		return tr.T("ping.verdict_some_loss", "loss", factsOf(r).loss)
	case probe.VerdictPortClosed:
		return tr.T("ping.verdict_port_closed", "host", r.Host, "port", opts.TCPPort)
	case probe.VerdictUnreachable:
		return tr.T("ping.verdict_unreachable", "host", r.Host)
	case probe.VerdictNothingSent:
		return tr.T("ping.verdict_nothing_sent")
	}
	if opts.TCPPort != 0 {
		return tr.T("ping.verdict_no_reply_tcp", "host", r.Host, "port", opts.TCPPort)
	}
	return tr.T("ping.verdict_no_reply", "host", r.Host)
}

func noteText(opts *Options, r probe.Result, n probe.Note) string {
	return opts.F.Tr.T("ping.note_"+string(n), "timeout", seconds(opts.Timeout),
		"mdev", ms(r.MdevMs), "avg", ms(r.AvgMs))
}
