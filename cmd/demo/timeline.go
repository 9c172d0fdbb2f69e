package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/pterm/pterm"

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
	fmt.Fprintln(c.w, c.paint(pterm.Bold, c.tr.T("demo.tl.title")))
	fmt.Fprintln(c.w, pad("", 9)+pad(c.tr.T("demo.col.server"), side)+" "+pad("", wireWidth)+" "+c.tr.T("demo.col.client"))
	for _, r := range rows {
		line := pad(elapsed(r.at.Sub(events[0].Time)), 9) + pad(trunc(r.server, side), side) + " " +
			arrow(r.wire, r.toServer) + " " + trunc(r.client, side)
		fmt.Fprintln(c.w, strings.TrimRight(line, " "))
	}
	fmt.Fprintln(c.w, c.tr.T("demo.tl.note"))
}

// pictureRows pairs each send with the peer's next recv (and connect with
// accept), so one row shows both ends of a segment. The two programs run
// concurrently, so rows are ordered by the earlier time of each pair.
func (c *columns) pictureRows(events []sockdemo.Event) []picRow {
	t := c.tr.T
	used := map[int64]bool{}
	match := func(side sockdemo.Side, step sockdemo.Step) (sockdemo.Event, bool) {
		for _, ev := range events {
			if ev.Side == side && ev.Step == step && ev.Error == "" && !used[ev.Seq] {
				used[ev.Seq] = true
				return ev, true
			}
		}
		return sockdemo.Event{}, false
	}
	var rows []picRow
	for _, ev := range events {
		switch {
		case ev.Side == sockdemo.SideClient && ev.Step == sockdemo.StepConnect && ev.Error == "":
			at, server := ev.Time, ""
			if acc, ok := match(sockdemo.SideServer, sockdemo.StepAccept); ok {
				at, server = earlier(at, acc.Time), t("demo.tl.accept")
			}
			rows = append(rows,
				picRow{at: at, client: t("demo.tl.connect"), wire: "SYN", toServer: true},
				picRow{at: at, server: t("demo.tl.kernel_answers"), wire: "SYN+ACK"},
				picRow{at: at, server: server, wire: "ACK", toServer: true})
		case ev.Step == sockdemo.StepSend:
			rows = append(rows, c.dataRow(ev, match))
		case ev.Step == sockdemo.StepClose:
			r := picRow{at: ev.Time, wire: "FIN", toServer: ev.Side == sockdemo.SideClient}
			if r.toServer {
				r.client = t("demo.tl.close")
			} else {
				r.server = t("demo.tl.close")
			}
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b picRow) int { return a.at.Compare(b.at) })
	return rows
}

// dataRow is one message or reply: the sender's send and the receiver's recv.
func (c *columns) dataRow(send sockdemo.Event, match func(sockdemo.Side, sockdemo.Step) (sockdemo.Event, bool)) picRow {
	toServer := send.Side == sockdemo.SideClient
	peer := sockdemo.SideServer
	if !toServer {
		peer = sockdemo.SideClient
	}
	r := picRow{at: send.Time, wire: c.tr.T("demo.tl.bytes", "bytes", send.Bytes), toServer: toServer}
	mine, theirs := c.tr.T("demo.tl.send", "text", runewidth.Truncate(send.Text, 12, "…")), ""
	if got, ok := match(peer, sockdemo.StepRecv); ok {
		theirs = c.tr.T("demo.tl.recv", "bytes", got.Bytes)
		r.at = earlier(r.at, got.Time)
	}
	r.client, r.server = mine, theirs
	if !toServer {
		r.client, r.server = theirs, mine
	}
	return r
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

func trunc(s string, w int) string {
	return runewidth.Truncate(s, w, "…")
}
