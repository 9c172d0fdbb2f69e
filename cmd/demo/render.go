package demo

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/sockdemo"
)

// lessonStep is the step whose explanation and code an event shares: a
// wait is the first half of the call it waits in.
func lessonStep(s sockdemo.Step) sockdemo.Step {
	switch s {
	case sockdemo.StepAcceptWait:
		return sockdemo.StepAccept
	case sockdemo.StepRecvWait:
		return sockdemo.StepRecv
	}
	return s
}

// explained lists the steps that come with a what/Python/Go explanation.
var explained = map[sockdemo.Side][]sockdemo.Step{
	sockdemo.SideServer: {sockdemo.StepSocket, sockdemo.StepBind, sockdemo.StepListen, sockdemo.StepAccept,
		sockdemo.StepRecv, sockdemo.StepSend, sockdemo.StepClose, sockdemo.StepShutdown},
	sockdemo.SideClient: {sockdemo.StepSocket, sockdemo.StepConnect, sockdemo.StepSend, sockdemo.StepRecv, sockdemo.StepClose},
}

// codeContext fills the Python lines with this run's real values.
type codeContext struct {
	Host     string
	Port     int
	ReadSize int
	Backlog  int
	Echo     bool
	Reply    string
}

// describer turns events into translated lines. It explains each kind of
// step (what it does, the Python and Go line) the first time it happens,
// then shows only what happened.
type describer struct {
	tr     *i18n.Catalog
	code   codeContext
	cs     output.ColorScheme
	mu     sync.Mutex
	seen   map[string]bool
	askedZ bool // the user asked for port 0: say the OS chose the port
	// paragraphs gives each explanation as one line, for a caller that
	// wraps text to its own width (the column and the terminal view).
	paragraphs bool
}

func newDescriber(tr *i18n.Catalog, code codeContext, cs output.ColorScheme) *describer {
	return &describer{tr: tr, code: code, cs: cs, seen: map[string]bool{}, askedZ: code.Port == 0}
}

// eventLines are the lines of one event: a heading, an optional
// explanation with its Python and Go code, and what really happened.
type eventLines struct {
	Head    string
	Explain []string
	Code    []string
	Result  []string
}

func (d *describer) describe(ev sockdemo.Event) eventLines {
	out := eventLines{Head: d.head(ev)}
	if d.firstTime(ev) {
		out.Explain, out.Code = d.explain(ev)
	}
	out.Result = d.result(ev)
	if ev.TCPState != "" {
		out.Result = append(out.Result, d.tr.T("demo.did.tcp_state", "state", ev.TCPState))
	}
	return out
}

func (d *describer) firstTime(ev sockdemo.Event) bool {
	key := string(ev.Side) + "/" + string(lessonStep(ev.Step))
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.seen[key] {
		return false
	}
	d.seen[key] = true
	return true
}

func (d *describer) head(ev sockdemo.Event) string {
	side := d.tr.T("demo.side." + string(ev.Side))
	if ev.Client > 0 {
		side = d.tr.T("demo.server_client", "id", ev.Client)
	}
	title := d.tr.T("demo.title." + string(ev.Side) + "." + string(lessonStep(ev.Step)))
	if n := sockdemo.StepNumber(ev.Side, ev.Step); n > 0 {
		title = strconv.Itoa(n) + ". " + title
	}
	return d.cs.Paint(sideColor(ev.Side), "["+side+"]") + " " + d.cs.Bold(title)
}

func sideColor(s sockdemo.Side) output.Color {
	if s == sockdemo.SideServer {
		return output.Cyan
	}
	return output.Green
}

// explain is the first-time explanation: one or two lines of what the step
// does, and the code: the notes' Python (corrected) and the Go netlearn runs.
func (d *describer) explain(ev sockdemo.Event) (what, code []string) {
	step := lessonStep(ev.Step)
	if !hasExplanation(ev.Side, step) {
		return nil, nil
	}
	key := "demo.what." + string(ev.Side) + "." + string(step)
	switch {
	case step == sockdemo.StepClose && ev.Reason == sockdemo.ReasonReset:
		key += "_after_reset" // the peer's RST came first: close sends nothing
	case step == sockdemo.StepClose && ev.Unread > 0:
		key += "_unread" // the kernel will send RST, not FIN
	}
	text := d.tr.T(key)
	what = strings.Split(text, "\n")
	if d.paragraphs {
		what = []string{oneParagraph(text)}
	}
	code = []string{
		d.cs.Gray("Python: " + d.python(ev, step)),
		d.cs.Gray("Go:     " + d.golang(ev, step)),
	}
	return what, code
}

// oneParagraph joins the lines of an explanation: with a space after
// Latin text, directly after Chinese, which uses no spaces.
func oneParagraph(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if last, _ := utf8.DecodeLastRuneInString(b.String()); i > 0 && last < utf8.RuneSelf {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String()
}

func hasExplanation(side sockdemo.Side, step sockdemo.Step) bool {
	for _, s := range explained[side] {
		if s == step {
			return true
		}
	}
	return false
}

// python is the notes' line for a step, filled with this run's values:
// the real address for bind and connect, the real buffer and backlog.
func (d *describer) python(ev sockdemo.Event, step sockdemo.Step) string {
	key := "demo.py." + string(ev.Side) + "." + string(step)
	if ev.Side == sockdemo.SideServer && step == sockdemo.StepSend {
		key += map[bool]string{true: "_echo", false: "_reply"}[d.code.Echo]
	}
	host, port := d.code.Host, strconv.Itoa(d.code.Port)
	addr := ev.Local
	if ev.Side == sockdemo.SideClient {
		addr = ev.Remote
	}
	if ap, err := netip.ParseAddrPort(addr); err == nil && (step == sockdemo.StepBind || step == sockdemo.StepConnect) {
		host, port = ap.Addr().String(), strconv.Itoa(int(ap.Port()))
	}
	family := ""
	if isIPv6(ev) {
		family = "socket.AF_INET6" // socket.socket() alone makes an IPv4 socket
	}
	return d.tr.T(key, "host", host, "port", port, "backlog", d.code.Backlog,
		"size", d.code.ReadSize, "reply", pythonString(d.code.Reply), "family", family)
}

// isIPv6 says whether the event's socket is an IPv6 one: its family, or
// else the address it is bound or connecting to.
func isIPv6(ev sockdemo.Event) bool {
	if ev.Family != "" {
		return ev.Family == "ipv6"
	}
	addr := ev.Local
	if ev.Side == sockdemo.SideClient {
		addr = ev.Remote
	}
	ap, err := netip.ParseAddrPort(addr)
	return err == nil && ap.Addr().Is6() && !ap.Addr().Is4In6()
}

// pythonString escapes text for a double-quoted Python string literal.
func pythonString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(sockdemo.Sanitize([]byte(s)))
}

func (d *describer) golang(ev sockdemo.Event, step sockdemo.Step) string {
	if code := sockdemo.GoCode(ev.Side, step, isIPv6(ev)); code != "" {
		return code
	}
	return d.tr.T("demo.go." + string(ev.Side) + "." + string(step))
}

// resultTextWidth is how much of a payload a step's result shows: the
// byte count stays exact, but an 8 KiB burst must not fill the screen.
const resultTextWidth = 60

// result says what really happened, with addresses and byte counts.
func (d *describer) result(ev sockdemo.Event) []string {
	t := d.tr.T
	arrow := func(s string) []string { return []string{"→ " + s} }
	switch ev.Step {
	case sockdemo.StepSocket:
		return arrow(t("demo.did.socket", "fd", ev.FD, "family", ev.Family))
	case sockdemo.StepBind, sockdemo.StepListen:
		return d.setupResult(ev)
	case sockdemo.StepAcceptWait:
		return arrow(t("demo.did.accept_wait"))
	case sockdemo.StepAccept:
		if ev.Error != "" {
			return arrow(t("demo.did.accept_error", "error", ev.Error))
		}
		return arrow(t("demo.did.accept", "id", ev.Client, "remote", ev.Remote, "port", portOf(ev.Remote)))
	case sockdemo.StepRefuse:
		return arrow(t("demo.did.refuse", "remote", ev.Remote, "text", ev.Text))
	case sockdemo.StepConnect:
		if ev.Error != "" {
			return arrow(t("demo.did.connect_error", "remote", ev.Remote, "error", ev.Error))
		}
		return arrow(t("demo.did.connect", "local", ev.Local, "remote", ev.Remote, "port", portOf(ev.Local)))
	case sockdemo.StepRecvWait:
		return arrow(t("demo.did.recv_wait", "size", ev.ReadSize))
	case sockdemo.StepRecv:
		return d.recvResult(ev)
	case sockdemo.StepSend:
		return arrow(d.tr.N("demo.did.send", ev.Bytes, "bytes", ev.Bytes, "text", textwrap.Cut(ev.Text, resultTextWidth)))
	case sockdemo.StepClose:
		lines := []string{"→ " + t("demo.did.close."+string(ev.Reason)),
			"  " + t("demo.did.totals", "in", ev.BytesIn, "out", ev.BytesOut, "reads", ev.Reads)}
		if ev.Unread > 0 {
			lines = append(lines, "  "+t("demo.did.close_unread", "unread", ev.Unread))
		}
		return lines
	case sockdemo.StepAfterClose:
		return d.afterCloseResult(ev)
	case sockdemo.StepShutdown:
		return arrow(t("demo.did.shutdown"))
	case sockdemo.StepSummary:
		return []string{d.summary(ev.Summary)}
	}
	return nil
}

// setupResult is what bind and listen did. Where Go's Listen does both in
// one call, the learner is told they are reported after the fact.
func (d *describer) setupResult(ev sockdemo.Event) []string {
	t := d.tr.T
	var line string
	switch {
	case ev.Step == sockdemo.StepListen && ev.Backlog == 0:
		line = t("demo.did.listen_os_backlog", "addr", ev.Local)
	case ev.Step == sockdemo.StepListen:
		line = t("demo.did.listen", "addr", ev.Local, "backlog", ev.Backlog)
	case d.askedZ:
		line = t("demo.did.bind_port0", "addr", ev.Local, "port", portOf(ev.Local))
	default:
		line = t("demo.did.bind", "addr", ev.Local)
	}
	lines := []string{"→ " + line}
	if ev.Combined {
		lines = append(lines, "  "+t("demo.did.combined"))
	}
	return lines
}

// afterCloseResult explains the state the kernel keeps after close.
func (d *describer) afterCloseResult(ev sockdemo.Event) []string {
	if ev.TCPState == "TIME_WAIT" {
		return []string{"→ " + d.tr.T("demo.did.after_close.time_wait")}
	}
	return []string{"→ " + d.tr.T("demo.did.after_close.other")}
}

func (d *describer) recvResult(ev sockdemo.Event) []string {
	t := d.tr.T
	switch {
	case ev.Error != "" && ev.Reason == sockdemo.ReasonReset:
		return []string{"→ " + t("demo.did.recv_reset", "error", ev.Error)}
	case ev.Error != "":
		return []string{"→ " + t("demo.did.recv_closed", "error", ev.Error)}
	}
	lines := []string{"→ " + d.tr.N("demo.did.recv", ev.Bytes, "bytes", ev.Bytes, "text", textwrap.Cut(ev.Text, resultTextWidth))}
	if ev.Text == "" {
		lines = append(lines, "  "+t("demo.did.recv_partial"))
	}
	if ev.Full {
		lines = append(lines, "  "+t("demo.did.recv_full", "size", ev.ReadSize))
	}
	if ev.Exit {
		lines = append(lines, "  "+t("demo.did.recv_exit"))
	}
	if ev.Reason == sockdemo.ReasonMaxClients {
		lines = append(lines, "  "+t("demo.did.recv_refused"))
	}
	return lines
}

// brief is the one line --quiet prints for a lifecycle event: where the
// server listens, that it stopped, the summary, and failures. The socket
// and bind steps say nothing the listen line does not.
func (d *describer) brief(ev sockdemo.Event) string {
	side := d.cs.Paint(sideColor(ev.Side), "["+d.tr.T("demo.side."+string(ev.Side))+"]")
	var text string
	switch {
	case ev.Step == sockdemo.StepListen:
		text = d.tr.T("demo.quiet.listening", "addr", ev.Local)
	case ev.Step == sockdemo.StepShutdown:
		text = d.tr.T("demo.did.shutdown")
	case ev.Step == sockdemo.StepSummary:
		text = d.summary(ev.Summary)
	case ev.Error != "":
		text = strings.TrimPrefix(strings.Join(d.result(ev), " "), "→ ")
	default:
		return ""
	}
	return side + " " + text
}

func (d *describer) summary(s *sockdemo.Summary) string {
	if s == nil {
		return ""
	}
	return d.cs.Bold(d.tr.T("demo.did.summary", "clients", s.Clients, "refused", s.Refused,
		"messages", s.Messages, "in", s.BytesIn, "out", s.BytesOut))
}

func portOf(addr string) string {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return "?"
	}
	return strconv.Itoa(int(ap.Port()))
}

// eventStream shows events one after another, as they happen, through
// the output stream: JSON Lines under --json; on a terminal each event's
// heading, first-time explanation, code and result, wrapped to the width;
// piped, one record per event: the side, the step and the client, then the
// event's text.
type eventStream struct {
	l     *output.Layer
	s     *output.Stream
	d     *describer
	quiet bool
}

func newEventStream(l *output.Layer, d *describer, quiet bool) *eventStream {
	// The catalogue's line breaks suit no width in particular: text
	// wrapped to the terminal flows as one paragraph, and a piped record
	// joins the lines as the language does (no space after Chinese).
	d.paragraphs = true
	return &eventStream{l: l, s: l.Stream(), d: d, quiet: quiet}
}

// Print is the Emit callback. sockdemo calls it one event at a time.
func (p *eventStream) Print(ev sockdemo.Event) {
	if p.quiet && !lifecycle(ev) {
		return
	}
	rec := output.Record{Type: string(ev.Side),
		Values: []string{output.KV("step", ev.Step), output.KV("client", ev.Client)}, JSON: ev}
	if p.l.IsJSON() {
		p.s.Emit(rec)
		return
	}
	var lines []string
	if p.quiet {
		if brief := p.d.brief(ev); brief != "" {
			lines = []string{p.l.Wrap(brief, detailIndent)}
		}
	} else {
		lines = p.eventLines(p.d.describe(ev))
	}
	if len(lines) == 0 {
		return
	}
	rec.Terminal = strings.Join(lines, "\n")
	rec.Text = strings.Join(lines, "\n") // PlainLine joins them as the language does
	p.s.Emit(rec)
}

// eventLines lays an event out: the heading, then its explanation, code
// and results set off by detailIndent.
func (p *eventStream) eventLines(l eventLines) []string {
	lines := []string{p.l.Wrap(l.Head, detailIndent)}
	lines = append(lines, p.details(l.Explain)...)
	// Code is never wrapped: a statement broken over two lines is no
	// longer the line to type, and the terminal shows what does not fit.
	for _, s := range l.Code {
		lines = append(lines, detailIndent+s)
	}
	return append(lines, p.details(l.Result)...)
}

// detailIndent sets an event's explanation and results off its heading.
const detailIndent = "    "

func (p *eventStream) details(texts []string) []string {
	var lines []string
	for _, s := range texts {
		line := detailIndent + s
		lines = append(lines, p.l.Wrap(line, hangingIndent(line)))
	}
	return lines
}

// hangingIndent is where a wrapped line continues: under its text, past
// the indent and the → that start it.
func hangingIndent(line string) string {
	text := strings.TrimLeft(line, " →")
	return strings.Repeat(" ", runewidth.StringWidth(line[:len(line)-len(text)]))
}

// lifecycle events are the ones --quiet still shows: the server starting
// and stopping, and failures. As text, --quiet shows them without
// explanations, one line each (see brief).
func lifecycle(ev sockdemo.Event) bool {
	switch ev.Step {
	case sockdemo.StepSocket, sockdemo.StepBind, sockdemo.StepListen, sockdemo.StepShutdown, sockdemo.StepSummary:
		return true
	}
	return ev.Error != ""
}

// elapsed formats a duration since the first event for the time picture,
// in seconds from one second on, so that it fits its column.
func elapsed(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("+%.3fs", d.Seconds())
	}
	return fmt.Sprintf("+%.1fms", float64(d.Microseconds())/1000)
}
