package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/sockdemo"
)

// A picture row: what the server did, the segment on the wire, what the
// client did. toServer says which way the arrow points.
type picRow struct {
	at       time.Time
	server   string
	wire     string
	client   string
	toServer bool
}

const wireWidth = 22

// timeline draws the exchange over time: the three-way handshake inside
// connect, each message and reply, and the FIN each side's close sends.
func (c *columns) timeline(events []sockdemo.Event) {
	if len(events) == 0 {
		return
	}
	rows := c.pictureRows(events)
	side := max((c.width*2-wireWidth-10)/2, 12)
	fmt.Fprintln(c.w)
	fmt.Fprintln(c.w, c.cs.Bold(c.tr.T("demo.tl.title")))
	fmt.Fprintln(c.w, strings.Repeat(" ", 9)+textwrap.Pad(c.tr.T("demo.col.server"), side)+" "+strings.Repeat(" ", wireWidth)+" "+c.tr.T("demo.col.client"))
	for _, r := range rows {
		line := textwrap.Pad(elapsed(r.at.Sub(events[0].Time)), 9) + textwrap.Pad(textwrap.Cut(r.server, side), side) + " " +
			arrow(r.wire, r.toServer) + " " + textwrap.Cut(r.client, side)
		fmt.Fprintln(c.w, strings.TrimRight(line, " "))
	}
	for _, l := range textwrap.Lines(c.tr.T("demo.tl.note"), c.width*2+runewidth.StringWidth(gutter)) {
		fmt.Fprintln(c.w, l)
	}
}

// pictureRows pairs each send with the peer's recvs of those bytes (and
// connect with accept), so one row shows both ends of a segment. A recv
// that pairs with no send still gets a row: nothing received is left out.
// The two programs run concurrently, so rows are ordered by the earlier
// time of each pair.
func (c *columns) pictureRows(events []sockdemo.Event) []picRow {
	p := &pairing{events: events, used: map[int64]bool{}}
	var rows []picRow
	for _, ev := range events {
		switch {
		case ev.Side == sockdemo.SideClient && ev.Step == sockdemo.StepConnect && ev.Error == "":
			rows = append(rows, c.handshakeRows(ev, p)...)
		case ev.Step == sockdemo.StepSend:
			rows = append(rows, c.dataRow(ev, p))
		case ev.Step == sockdemo.StepClose:
			rows = append(rows, c.closeRow(ev))
		}
	}
	rows = append(rows, c.strayRecvRows(p)...)
	slices.SortStableFunc(rows, func(a, b picRow) int { return a.at.Compare(b.at) })
	return rows
}

// pairing hands out each event at most once, so no recv is drawn twice.
type pairing struct {
	events []sockdemo.Event
	used   map[int64]bool
}

// take returns the first event of side and step not yet drawn.
func (p *pairing) take(side sockdemo.Side, step sockdemo.Step) (sockdemo.Event, bool) {
	for _, ev := range p.events {
		if ev.Side == side && ev.Step == step && ev.Error == "" && !p.used[ev.Seq] {
			p.used[ev.Seq] = true
			return ev, true
		}
	}
	return sockdemo.Event{}, false
}

// takeRecvs returns side's next recvs until they hold n bytes: TCP may
// deliver one send in several recvs (a message larger than the buffer).
func (p *pairing) takeRecvs(side sockdemo.Side, n int) []sockdemo.Event {
	var got []sockdemo.Event
	for total := 0; total < n; {
		ev, ok := p.take(side, sockdemo.StepRecv)
		if !ok {
			break
		}
		got = append(got, ev)
		total += ev.Bytes
	}
	return got
}

// handshakeRows are the three segments connect and accept share.
func (c *columns) handshakeRows(connect sockdemo.Event, p *pairing) []picRow {
	t := c.tr.T
	at, server := connect.Time, ""
	if acc, ok := p.take(sockdemo.SideServer, sockdemo.StepAccept); ok {
		at, server = earlier(at, acc.Time), t("demo.tl.accept")
	}
	return []picRow{
		{at: at, client: t("demo.tl.connect"), wire: "SYN", toServer: true},
		{at: at, server: t("demo.tl.kernel_answers"), wire: "SYN+ACK"},
		{at: at, server: server, wire: "ACK", toServer: true},
	}
}

// dataRow is one message or reply: the sender's send and the receiver's
// recvs of it, their sizes joined with + when it took several.
func (c *columns) dataRow(send sockdemo.Event, p *pairing) picRow {
	toServer := send.Side == sockdemo.SideClient
	r := picRow{at: send.Time, wire: c.tr.T("demo.tl.bytes", "bytes", send.Bytes), toServer: toServer}
	mine, theirs := c.tr.T("demo.tl.send", "text", textwrap.Cut(send.Text, 12)), ""
	if recvs := p.takeRecvs(peerOf(send.Side), send.Bytes); len(recvs) > 0 {
		sizes := make([]string, len(recvs))
		for i, ev := range recvs {
			sizes[i] = strconv.Itoa(ev.Bytes)
		}
		theirs = c.tr.T("demo.tl.recv", "bytes", strings.Join(sizes, "+"))
		r.at = earlier(r.at, recvs[0].Time)
	}
	r.client, r.server = mine, theirs
	if !toServer {
		r.client, r.server = theirs, mine
	}
	return r
}

// closeRow is the FIN a side's close sends.
func (c *columns) closeRow(ev sockdemo.Event) picRow {
	r := picRow{at: ev.Time, wire: "FIN", toServer: ev.Side == sockdemo.SideClient}
	if r.toServer {
		r.client = c.tr.T("demo.tl.close")
	} else {
		r.server = c.tr.T("demo.tl.close")
	}
	return r
}

// strayRecvRows draws the recvs no send accounted for, on the receiver's
// side only.
func (c *columns) strayRecvRows(p *pairing) []picRow {
	var rows []picRow
	for _, side := range []sockdemo.Side{sockdemo.SideServer, sockdemo.SideClient} {
		for ev, ok := p.take(side, sockdemo.StepRecv); ok; ev, ok = p.take(side, sockdemo.StepRecv) {
			r := picRow{at: ev.Time, wire: c.tr.T("demo.tl.bytes", "bytes", ev.Bytes), toServer: side == sockdemo.SideServer}
			if r.toServer {
				r.server = c.tr.T("demo.tl.recv", "bytes", ev.Bytes)
			} else {
				r.client = c.tr.T("demo.tl.recv", "bytes", ev.Bytes)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func peerOf(s sockdemo.Side) sockdemo.Side {
	if s == sockdemo.SideClient {
		return sockdemo.SideServer
	}
	return sockdemo.SideClient
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
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
