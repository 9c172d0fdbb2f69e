package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/netinfo/capture"
	"github.com/netlearn/netlearn/sockdemo"
)

const wireWidth = 22

// timeIndent is the width of the time column; a segment's explanation
// starts under the picture, past it.
const timeIndent = 9

// captureInfo is what a captured picture reports besides its rows.
type captureInfo struct {
	stats *capture.Stats
	pcap  string // the file written, if any
}

// timeline draws the exchange over time through the output layer's
// stream. Inferred from socket events, it shows the three-way handshake
// inside connect, each message and reply, and each close's FIN (or RST).
// Captured, it shows every segment with its numbers and why it is there.
// Piped, each row is one plain record (segment, step or note).
func (c *columns) timeline(p sockdemo.Picture, info captureInfo) {
	if len(p.Rows) == 0 {
		return
	}
	st := c.out.Stream()
	defer st.End()
	title, source := "demo.tl.title_captured", "captured"
	if p.Inferred {
		title, source = "demo.tl.title", "inferred"
	}
	side := c.sideWidth()
	head := "\n" + c.cs.Bold(c.out.Wrap(c.tr.T(title), "")) + "\n" + strings.Repeat(" ", timeIndent) +
		textwrap.Pad(c.tr.T("demo.col.server"), side) + " " + strings.Repeat(" ", wireWidth) + " " + c.tr.T("demo.col.client")
	st.Emit(output.Record{Type: "picture", Values: []string{output.KV("source", source)}, Text: c.tr.T(title), Terminal: head})
	start := p.Rows[0].At
	for _, r := range p.Rows {
		st.Emit(c.pictureRow(r, start, side, p.Inferred))
	}
	for _, n := range c.pictureNotes(p, info) {
		st.Emit(output.Record{Type: "note", Text: n, Terminal: c.out.Wrap(n, "  ")})
	}
}

// pictureNotes end the picture: what the segments mean, or what this
// capture shows of TCP's reliability.
func (c *columns) pictureNotes(p sockdemo.Picture, info captureInfo) []string {
	var notes []string
	switch {
	case p.Inferred:
		notes = append(notes, c.tr.T("demo.tl.note"))
		if p.HasRST() {
			notes = append(notes, c.tr.T("demo.tl.note_rst"))
		}
	default:
		notes = append(notes, c.reliabilityNotes(p, info)...)
	}
	if p.NoBoundaries {
		notes = append(notes, c.tr.T("demo.tl.no_boundaries"))
	}
	return notes
}

func (c *columns) sideWidth() int {
	return max((c.width*2-wireWidth-10)/2, 12)
}

// pictureRow is one row: on a terminal the arrow between the two sides'
// steps, with a captured segment's numbers and reason under it.
func (c *columns) pictureRow(r sockdemo.Row, start time.Time, side int, inferred bool) output.Record {
	server, client := c.stepsText(r.Server, r), c.stepsText(r.Client, r)
	at := elapsed(r.At.Sub(start))
	wire := strings.Repeat(" ", wireWidth)
	if r.Segment != nil {
		wire = arrow(c.wireLabel(r.Segment, inferred), r.Segment.Dir == sockdemo.ToServer)
		if server == "" && inferred && r.Segment.Flags == "SYN+ACK" {
			server = c.tr.T("demo.tl.kernel_answers")
		}
	}
	if r.Segment == nil {
		return output.Record{Type: "step", Values: stepValues(at, r), Text: strings.TrimSpace(server + client),
			Terminal: c.stepLine(at, server, client, side)}
	}
	line := strings.TrimRight(textwrap.Pad(at, timeIndent)+textwrap.Pad(textwrap.Cut(server, side), side)+" "+
		wire+" "+textwrap.Cut(client, side), " ")
	rec := output.Record{Type: "segment", Values: segmentValues(at, r.Segment, inferred), Terminal: line}
	if inferred {
		rec.Text = strings.Trim(server+" / "+client, " /")
		return rec
	}
	indent := strings.Repeat(" ", timeIndent+2)
	details := c.segmentDetails(r)
	for _, l := range details {
		rec.Terminal += "\n" + c.out.Wrap(indent+l, indent+"  ")
	}
	rec.Text = c.why(r)
	return rec
}

// stepLine is a row with socket steps only. Its wire is empty, so on a
// narrow terminal a step at one end may run over it rather than be cut:
// the server's to the right, the client's moved left to end at the edge.
func (c *columns) stepLine(at, server, client string, side int) string {
	total := c.out.Width()
	clientAt := timeIndent + side + 1 + wireWidth + 1
	switch {
	case client == "":
		return textwrap.Pad(at, timeIndent) + textwrap.Cut(server, max(total-timeIndent, side))
	case server == "":
		start := max(min(clientAt, total-runewidth.StringWidth(client)), timeIndent+side+1)
		return textwrap.Pad(at, start) + textwrap.Cut(client, max(total-start, side))
	}
	return strings.TrimRight(textwrap.Pad(at, timeIndent)+textwrap.Pad(textwrap.Cut(server, side), side)+" "+
		strings.Repeat(" ", wireWidth)+" "+textwrap.Cut(client, side), " ")
}

// stepValues are a socket step's plain fields.
func stepValues(at string, r sockdemo.Row) []string {
	ev := append(r.Server, r.Client...)[0]
	return []string{output.KV("at", at), output.KV("side", ev.Side), output.KV("call", ev.Step)}
}

// segmentValues are a segment's plain fields, the numbers as in --json.
func segmentValues(at string, s *sockdemo.Segment, inferred bool) []string {
	v := []string{output.KV("at", at), output.KV("dir", s.Dir), output.KV("flags", s.Flags), output.KV("len", s.Len)}
	if inferred {
		return append(v, "inferred")
	}
	v = append(v, output.KV("seq", s.Seq), output.KV("ack", s.Ack), output.KV("rel_seq", s.RelSeq),
		output.KV("rel_ack", s.RelAck), output.KV("win", s.Window))
	if s.Retransmission {
		v = append(v, "retransmission")
	}
	if s.Probe {
		v = append(v, "window_probe")
	}
	if s.Lost {
		v = append(v, "lost")
	}
	return v
}

// wireLabel is what the arrow carries: the flags, and the bytes of data.
func (c *columns) wireLabel(s *sockdemo.Segment, inferred bool) string {
	switch {
	case inferred && s.Len > 0:
		return c.tr.T("demo.tl.bytes", "bytes", s.Len)
	case s.Len > 0:
		return s.Flags + " " + c.tr.T("demo.tl.bytes", "bytes", s.Len)
	}
	return s.Flags
}

// stepsText names the socket steps at one end of a row.
func (c *columns) stepsText(evs []sockdemo.Event, r sockdemo.Row) string {
	if len(evs) == 0 {
		return ""
	}
	t := c.tr.T
	ev := evs[0]
	switch {
	case ev.Step == sockdemo.StepConnect && r.Segment == nil:
		// A captured row of its own: reported when connect returned,
		// after the handshake it waited for.
		return t("demo.tl.connect_returns")
	case ev.Step == sockdemo.StepConnect:
		return t("demo.tl.connect")
	case ev.Step == sockdemo.StepAccept:
		return t("demo.tl.accept")
	case ev.Step == sockdemo.StepSend:
		return t("demo.tl.send", "text", textwrap.Cut(ev.Text, 12))
	case ev.Step == sockdemo.StepRecv:
		sizes := make([]string, len(evs))
		for i, e := range evs {
			sizes[i] = strconv.Itoa(e.Bytes)
		}
		return t("demo.tl.recv", "bytes", strings.Join(sizes, "+"))
	case ev.Step == sockdemo.StepClose:
		if ev.Unread > 0 {
			return t("demo.tl.close_unread", "unread", ev.Unread)
		}
		return t("demo.tl.close")
	}
	return ""
}

// segmentDetails are a captured segment's numbers and the reason it is
// on the wire.
func (c *columns) segmentDetails(r sockdemo.Row) []string {
	t, s := c.tr.T, r.Segment
	nums := t("demo.pk.numbers_noack", "seq", s.RelSeq, "len", s.Len, "win", s.Window)
	if strings.Contains(s.Flags, "ACK") {
		nums = t("demo.pk.numbers", "seq", s.RelSeq, "ack", s.RelAck, "len", s.Len, "win", s.Window)
	}
	if strings.Contains(s.Flags, "SYN") {
		nums += " · " + t("demo.pk.isn", "isn", s.Seq)
		nums += " · " + t("demo.pk.options", "list", strings.Join(s.Options, ", "))
	}
	if s.Payload != "" {
		nums += " · " + t("demo.pk.payload", "text", textwrap.Cut(s.Payload, 24))
	}
	return []string{nums, c.cs.Gray(c.why(r))}
}

// why is the one line that says why a segment is there. Data that also
// acknowledges, and an RST for unread bytes, have messages of their own.
func (c *columns) why(r sockdemo.Row) string {
	s := r.Segment
	why := string(s.Why)
	switch {
	case s.Lost:
		why = "lost"
	case s.Why == sockdemo.WhyData && s.Acked > 0:
		why = "data_ack"
	case s.Why == sockdemo.WhyRST && r.Unread > 0:
		why = "rst_unread"
	}
	// One call for every reason: each message names the numbers it uses.
	return c.tr.T("demo.why."+why, "seq", s.RelSeq, "ack", s.RelAck, "len", s.Len,
		"from", s.RelSeq, "to", int64(s.RelSeq)+int64(s.Len)-1, "acked", s.Acked,
		"after", millis(s.After), "win", s.Window, "unread", r.Unread)
}

// reliabilityNotes tie the notes' list of what makes TCP reliable to
// this capture: acknowledgements, retransmission, checksums, flow control.
func (c *columns) reliabilityNotes(p sockdemo.Picture, info captureInfo) []string {
	t := c.tr.T
	notes := []string{t("demo.pk.reliable"), "• " + t("demo.pk.rel_ack")}
	ev := p.Evidence()
	if ev.Retransmitted != nil {
		notes = append(notes, "• "+t("demo.pk.rel_retx", "seq", ev.Retransmitted.RelSeq, "after", millis(ev.Retransmitted.After)))
	} else {
		notes = append(notes, "• "+t("demo.pk.rel_retx_none"))
	}
	if d := ev.FirstData; d != nil {
		notes = append(notes, "• "+t("demo.pk.rel_checksum", "wire", fmt.Sprintf("0x%04x", d.Checksum),
			"real", fmt.Sprintf("0x%04x", d.Computed)))
	}
	if ev.ZeroWindow {
		notes = append(notes, "• "+t("demo.pk.rel_window", "probes", ev.Probes))
	} else {
		notes = append(notes, "• "+t("demo.pk.rel_window_none"))
	}
	if info.stats != nil {
		notes = append(notes, t("demo.pk.stats", "packets", info.stats.Packets, "drops", info.stats.Drops))
	}
	if info.pcap != "" {
		notes = append(notes, t("demo.pk.pcap", "file", info.pcap))
	}
	return notes
}

func millis(d time.Duration) string {
	return fmt.Sprintf("%.0f ms", float64(d.Microseconds())/1000)
}

// arrow draws a segment on the wire: ──label──▶ to the client (right) or
// ◀──label── to the server (left).
func arrow(label string, toServer bool) string {
	label = " " + label + " "
	n := max(wireWidth-runewidth.StringWidth(label)-1, 2)
	left, right := n/2, n-n/2
	if toServer {
		return "◀" + strings.Repeat("─", left) + label + strings.Repeat("─", right)
	}
	return strings.Repeat("─", left) + label + strings.Repeat("─", right) + "▶"
}
