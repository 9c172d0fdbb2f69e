package ping

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/netinfo/ping"
)

// liveView shows a run's events as they happen.
type liveView interface {
	event(ping.Event)
	// done ends the live part; the summary follows.
	done()
}

// newLiveView picks the look: none for --json, redrawing on a terminal,
// stable lines otherwise.
func newLiveView(opts *Options) liveView {
	switch {
	case opts.JSON:
		return quietView{}
	case opts.F.IO.IsStdoutTTY():
		return &termView{w: opts.F.IO.Out, tr: opts.F.Tr, opts: opts, width: opts.F.IO.TerminalWidth()}
	}
	return &plainView{w: opts.F.IO.Out, opts: opts}
}

type quietView struct{}

func (quietView) event(ping.Event) {}
func (quietView) done()            {}

// termView prints one line per event and keeps a picture of the recent
// round trips on the last line, redrawn after every event.
type termView struct {
	w       io.Writer
	tr      *i18n.Catalog
	opts    *Options
	width   int
	addr    netip.Addr
	window  []float64
	drawn   bool // the picture line is on screen
	lastRTT string
	// ttlTold is set once the first reply without a TTL has been explained.
	ttlTold bool
}

// clearLine erases the picture line so that a normal line can take its place.
const clearLine = "\r\x1b[2K"

func (v *termView) event(ev ping.Event) {
	if v.drawn {
		fmt.Fprint(v.w, clearLine)
		v.drawn = false
	}
	if line := v.line(ev); line != "" {
		fmt.Fprintln(v.w, line)
	}
	if ev.Window != nil {
		v.window = ev.Window
		v.lastRTT = lastRTT(v.tr, ev)
	}
	if len(v.window) > 0 {
		fmt.Fprint(v.w, v.picture())
		v.drawn = true
	}
}

func (v *termView) done() {
	if v.drawn {
		fmt.Fprint(v.w, clearLine)
		v.drawn = false
	}
}

func (v *termView) line(ev ping.Event) string {
	tr := v.tr
	switch ev.Kind {
	case ping.EventResolved:
		v.addr = ev.Resolution.Address
		return dnsLine(tr, ev.Resolution)
	case ping.EventReady:
		return pterm.Bold.Sprint(headerLine(tr, v.opts, v.addr, ev.Mode))
	case ping.EventReply:
		return replyLine(tr, v.opts, v.addr, ev.Reply) + v.ttlNote(ev.Reply)
	case ping.EventDuplicate:
		return pterm.FgYellow.Sprint(tr.T("ping.duplicate", "line", replyLine(tr, v.opts, v.addr, ev.Reply)))
	case ping.EventLate:
		return pterm.FgYellow.Sprint(tr.T("ping.late", "line", replyLine(tr, v.opts, v.addr, ev.Reply)))
	case ping.EventLost:
		return pterm.FgRed.Sprint(tr.T("ping.lost", "seq", ev.Seq, "timeout", seconds(v.opts.Timeout)))
	case ping.EventError:
		return pterm.FgRed.Sprint(errorLine(tr, v.opts, v.addr, ev))
	}
	return ""
}

func (v *termView) picture() string {
	room := max(v.width-runewidth.StringWidth(v.tr.T("ping.picture", "spark", "", "last", v.lastRTT))-1, 8)
	return pterm.FgCyan.Sprint(v.tr.T("ping.picture", "spark", sparkline(v.window, room), "last", v.lastRTT))
}

func lastRTT(tr *i18n.Catalog, ev ping.Event) string {
	if ev.Kind == ping.EventLost {
		return tr.T("ping.picture_lost")
	}
	return ms(ev.Reply.RTTMs)
}

func dnsLine(tr *i18n.Catalog, r ping.Resolution) string {
	if !r.FromDNS {
		return tr.T("ping.dns_literal", "host", r.Host)
	}
	return tr.T("ping.dns_resolved", "host", r.Host, "addr", r.Address, "ms", ms(ping.Millis(r.Took)))
}

func headerLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, m ping.Mode) string {
	if m == ping.ModeTCP {
		return tr.T("ping.header_tcp", "host", opts.Host, "addr", addr, "port", opts.TCPPort)
	}
	return tr.T("ping.header", "host", opts.Host, "addr", addr, "size", opts.Size,
		"mode", tr.T("ping.mode_"+string(m)))
}

// ttlNote explains, under the first ICMP reply whose TTL is unknown, why
// it shows as "?".
func (v *termView) ttlNote(r ping.Reply) string {
	if v.ttlTold || r.TTL != 0 || v.opts.TCPPort != 0 {
		return ""
	}
	v.ttlTold = true
	return "\n" + pterm.FgGray.Sprint(v.tr.T("ping.ttl_unknown"))
}

func replyLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, r ping.Reply) string {
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

func errorLine(tr *i18n.Catalog, opts *Options, addr netip.Addr, ev ping.Event) string {
	if errors.Is(ev.Err, ping.ErrRefused) {
		return tr.T("ping.refused", "seq", ev.Seq, "addr", addr, "port", opts.TCPPort)
	}
	return tr.T("ping.send_error", "seq", ev.Seq, "err", ev.Err)
}

// plainView prints stable tab-separated lines for scripts: a fixed first
// word, then key=value fields.
type plainView struct {
	w    io.Writer
	opts *Options
}

func (v *plainView) event(ev ping.Event) {
	var f []string
	switch ev.Kind {
	case ping.EventResolved:
		r := ev.Resolution
		f = []string{"dns", kv("host", r.Host), kv("address", r.Address), kv("from_dns", r.FromDNS)}
		if r.FromDNS {
			f = append(f, kv("time_ms", ms(ping.Millis(r.Took))))
		}
	case ping.EventReady:
		f = []string{"start", kv("mode", ev.Mode), kv("size", v.opts.Size)}
		if v.opts.TCPPort != 0 {
			f = []string{"start", kv("mode", ev.Mode), kv("port", v.opts.TCPPort)}
		}
	case ping.EventReply, ping.EventDuplicate, ping.EventLate:
		r := ev.Reply
		f = []string{string(ev.Kind), kv("seq", r.Seq), kv("bytes", r.Bytes)}
		if r.TTL != 0 { // unknown: left out, as in --json
			f = append(f, kv("ttl", r.TTL))
		}
		f = append(f, kv("time_ms", ms(r.RTTMs)))
	case ping.EventLost:
		f = []string{"lost", kv("seq", ev.Seq), kv("timeout_ms", ms(ping.Millis(v.opts.Timeout)))}
	case ping.EventError:
		reason := "error"
		if errors.Is(ev.Err, ping.ErrRefused) {
			reason = "refused"
		}
		f = []string{"error", kv("seq", ev.Seq), kv("reason", reason), kv("detail", oneLine(ev.Err.Error()))}
	}
	if f != nil {
		fmt.Fprintln(v.w, strings.Join(f, "\t"))
	}
}

func (v *plainView) done() {}

func kv(k string, v any) string { return k + "=" + fmt.Sprint(v) }

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
