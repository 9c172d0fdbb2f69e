package ping

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// live shows a run's events as they happen, through the output stream:
// nothing for --json (the summary is the document), one line per event,
// and on a terminal a picture of the recent round trips on a status line
// redrawn after every event.
type live struct {
	l       *output.Layer
	s       *output.Stream
	tr      *i18n.Catalog
	opts    *Options
	addr    netip.Addr
	window  []float64
	lastRTT string
	// ttlTold is set once the first reply without a TTL has been explained.
	ttlTold bool
}

func newLive(opts *Options, l *output.Layer) *live {
	return &live{l: l, s: l.Stream(), tr: opts.F.Tr, opts: opts}
}

func (v *live) event(ev probe.Event) {
	if ev.Kind == probe.EventResolved {
		v.addr = ev.Resolution.Address
	}
	if ev.Window != nil {
		v.window = ev.Window
		v.lastRTT = lastRTT(v.tr, ev)
	}
	rec := plainRecord(v.opts, v.addr, ev)
	rec.Terminal = v.line(ev)
	if len(v.window) > 0 {
		rec.Status = v.picture()
	}
	v.s.Emit(rec)
}

// done ends the live part; the summary follows.
func (v *live) done() error { return v.s.End() }

func (v *live) line(ev probe.Event) string {
	tr, cs := v.tr, v.l.ColorScheme()
	// Long lines wrap at the terminal's edge, between words, each part
	// after the first indented.
	wrap := func(s string) string { return v.l.Wrap(s, "    ") }
	switch ev.Kind {
	case probe.EventResolved:
		return wrap(dnsLine(tr, ev.Resolution))
	case probe.EventReady:
		return cs.Bold(wrap(headerLine(tr, v.opts, v.addr, ev.Mode)))
	case probe.EventReply:
		return wrap(replyLine(tr, v.opts, v.addr, ev.Reply)) + v.ttlNote(ev.Reply)
	case probe.EventDuplicate:
		return cs.Yellow(wrap(tr.T("ping.duplicate", "line", replyLine(tr, v.opts, v.addr, ev.Reply))))
	case probe.EventLate:
		return cs.Yellow(wrap(tr.T("ping.late", "line", replyLine(tr, v.opts, v.addr, ev.Reply))))
	case probe.EventLost:
		return cs.Red(wrap(tr.T("ping.lost", "seq", seqLabel(v.opts, ev.Seq), "timeout", seconds(v.opts.Timeout))))
	case probe.EventError:
		return cs.Red(wrap(errorLine(tr, v.opts, v.addr, ev)))
	}
	return ""
}

func (v *live) picture() string {
	room := max(v.l.Width()-runewidth.StringWidth(v.tr.T("ping.picture", "spark", "", "last", v.lastRTT))-1, 8)
	return v.l.ColorScheme().Cyan(v.tr.T("ping.picture", "spark", sparkline(v.window, room), "last", v.lastRTT))
}

func lastRTT(tr *i18n.Catalog, ev probe.Event) string {
	if ev.Kind == probe.EventLost {
		return tr.T("ping.picture_lost")
	}
	return tr.T("ping.rtt_ms", "rtt", ms(ev.Reply.RTTMs))
}

func dnsLine(tr *i18n.Catalog, r probe.Resolution) string {
	if !r.FromDNS {
		return tr.T("ping.dns_literal", "host", r.Host)
	}
	return tr.T("ping.dns_resolved", "host", r.Host, "addr", r.Address, "ms", ms(probe.Millis(r.Took)))
}

func headerLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, m probe.Mode) string {
	if m == probe.ModeTCP {
		return tr.T("ping.header_tcp", "host", opts.Host, "addr", addr, "port", opts.TCPPort)
	}
	return tr.T("ping.header", "host", opts.Host, "addr", addr, "size", opts.Size,
		"mode", tr.T("ping.mode_"+string(m)))
}

// ttlNote explains, under the first ICMP reply whose TTL is unknown, why
// it shows as "?".
func (v *live) ttlNote(r probe.Reply) string {
	if v.ttlTold || r.TTL != 0 || v.opts.TCPPort != 0 {
		return ""
	}
	v.ttlTold = true
	return "\n" + v.l.ColorScheme().Gray(v.l.Wrap(v.tr.T("ping.ttl_unknown"), ""))
}

func replyLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, r probe.Reply) string {
	if opts.TCPPort != 0 {
		return tr.T("ping.reply_tcp", "addr", addr, "port", opts.TCPPort, "seq", r.Seq, "rtt", ms(r.RTTMs))
	}
	return tr.T("ping.reply", "bytes", r.Bytes, "addr", addr, "seq", r.Seq, "ttl", ttlText(r.TTL), "rtt", ms(r.RTTMs))
}

// ttlText shows an unknown TTL (0) as "?", never as a number it is not.
func ttlText(ttl int) string {
	if ttl == 0 {
		return "?"
	}
	return strconv.Itoa(ttl)
}

func errorLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, ev probe.Event) string {
	seq := seqLabel(opts, ev.Seq)
	if errors.Is(ev.Err, probe.ErrRefused) {
		return tr.T("ping.refused", "seq", seq, "addr", addr, "port", opts.TCPPort)
	}
	return tr.T("ping.send_error", "seq", seq, "err", errorDetail(tr, addr, ev.Err))
}

// errorDetail says why a request failed: in the learner's words when the
// reason is a common one, else as the system put it.
func errorDetail(tr *i18n.Catalog, addr netip.Addr, err error) string {
	if probe.IsNoRoute(err) {
		return tr.T("ping.no_route", "addr", addr)
	}
	return oneLine(err.Error())
}

// errorReason is the plain output's one-word reason for a failed request.
func errorReason(err error) string {
	switch {
	case errors.Is(err, probe.ErrRefused):
		return "refused"
	case probe.IsNoRoute(err):
		return "no_route"
	}
	return "error"
}

// seqLabel names a request as the tool learners compare with does:
// iputils' "icmp_seq=1", or "seq=1" for a TCP connect.
func seqLabel(opts *Options, seq int) string {
	if opts.TCPPort != 0 {
		return "seq=" + strconv.Itoa(seq)
	}
	return "icmp_seq=" + strconv.Itoa(seq)
}

// plainRecord is an event as a plain record: a fixed first word, then
// key=value fields, so scripts read it in any language. addr is the
// address pinged, which an error's detail names.
func plainRecord(opts *Options, addr netip.Addr, ev probe.Event) output.Record {
	kv := output.KV
	switch ev.Kind {
	case probe.EventResolved:
		r := ev.Resolution
		f := []string{kv("host", r.Host), kv("address", r.Address), kv("from_dns", r.FromDNS)}
		if r.FromDNS {
			f = append(f, kv("time_ms", ms(probe.Millis(r.Took))))
		}
		return output.Record{Type: "dns", Values: f}
	case probe.EventReady:
		if opts.TCPPort != 0 {
			return output.Record{Type: "start", Values: []string{kv("mode", ev.Mode), kv("port", opts.TCPPort)}}
		}
		return output.Record{Type: "start", Values: []string{kv("mode", ev.Mode), kv("size", opts.Size)}}
	case probe.EventReply, probe.EventDuplicate, probe.EventLate:
		r := ev.Reply
		f := []string{kv("seq", r.Seq), kv("bytes", r.Bytes)}
		if r.TTL != 0 { // unknown: left out, as in --json
			f = append(f, kv("ttl", r.TTL))
		}
		return output.Record{Type: string(ev.Kind), Values: append(f, kv("time_ms", ms(r.RTTMs)))}
	case probe.EventLost:
		return output.Record{Type: "lost", Values: []string{kv("seq", ev.Seq), kv("timeout_ms", ms(probe.Millis(opts.Timeout)))}}
	case probe.EventError:
		return output.Record{Type: "error", Values: []string{kv("seq", ev.Seq), kv("reason", errorReason(ev.Err)),
			kv("detail", errorDetail(opts.F.Tr, addr, ev.Err))}}
	}
	return output.Record{}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ms formats milliseconds as iputils does: three decimals.
func ms(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// sparkBars draw a round trip between the window's fastest and slowest.
var sparkBars = []rune("▁▂▃▄▅▆▇█")

// sparkLost marks a lost request in the picture.
const sparkLost = 'x'

// sparkline draws the last width values, lost ones (negative) as x.
func sparkline(window []float64, width int) string {
	if width <= 0 {
		return ""
	}
	if len(window) > width {
		window = window[len(window)-width:]
	}
	lo, hi := -1.0, -1.0
	for _, v := range window {
		if v >= 0 {
			if lo < 0 || v < lo {
				lo = v
			}
			hi = max(hi, v)
		}
	}
	var b strings.Builder
	for _, v := range window {
		switch {
		case v < 0:
			b.WriteRune(sparkLost)
		case hi <= lo:
			b.WriteRune(sparkBars[0])
		default:
			i := int((v - lo) / (hi - lo) * float64(len(sparkBars)-1))
			b.WriteRune(sparkBars[min(max(i, 0), len(sparkBars)-1)])
		}
	}
	return b.String()
}
