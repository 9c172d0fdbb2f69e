package sockdemo

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/netlearn/netlearn/netinfo/capture"
)

// Dir says which way a segment travels.
type Dir string

// The two directions of the demo's connection.
const (
	ToServer Dir = "to_server"
	ToClient Dir = "to_client"
)

// Why names the reason a segment is on the wire; the command layer words
// it. The reasons are decided here, from the segment and what came before.
type Why string

// The reasons, roughly in the order a conversation shows them.
const (
	WhySYN          Why = "syn"           // the client asks to connect
	WhySYNACK       Why = "synack"        // the server agrees and acknowledges the SYN
	WhyHandshakeACK Why = "handshake_ack" // the client acknowledges the SYN+ACK
	WhyData         Why = "data"          // carries bytes of the byte stream
	WhyAckData      Why = "ack_data"      // only acknowledges bytes that arrived
	WhyAckFIN       Why = "ack_fin"       // only acknowledges the peer's FIN
	WhyFIN          Why = "fin"           // this side will send nothing more
	WhyRST          Why = "rst"           // the connection is aborted
	WhyRetransmit   Why = "retransmission"
	WhyWindowZero   Why = "window_zero"   // the receiver's buffer is full: stop
	WhyWindowUpdate Why = "window_update" // the window reopened
	WhyWindowProbe  Why = "window_probe"  // the sender asks whether the window reopened
	WhyACK          Why = "ack"           // an acknowledgement that confirms nothing new
)

// AllWhys lists every reason, for catalogue checks.
func AllWhys() []Why {
	return []Why{WhySYN, WhySYNACK, WhyHandshakeACK, WhyData, WhyAckData, WhyAckFIN, WhyFIN, WhyRST,
		WhyRetransmit, WhyWindowZero, WhyWindowUpdate, WhyWindowProbe, WhyACK}
}

// Segment is one TCP segment of the demo's connection, explained. It is
// built from a captured packet (Segments) or inferred from socket events
// (Inferred) when there is no capture.
type Segment struct {
	Time   time.Time `json:"time"`
	Dir    Dir       `json:"dir"`
	Flags  string    `json:"flags"` // "SYN", "SYN+ACK", "PSH+ACK", "FIN+ACK", "RST", ...
	Seq    uint32    `json:"seq"`   // raw, as on the wire
	Ack    uint32    `json:"ack"`
	RelSeq uint32    `json:"rel_seq"` // counted from this side's ISN, as Wireshark does
	RelAck uint32    `json:"rel_ack"` // counted from the peer's ISN; 0 without ACK
	Len    int       `json:"len"`     // payload bytes
	// Window is the advertised window in bytes: the field shifted by the
	// sender's window-scale option (never on a SYN).
	Window  int      `json:"window"`
	Options []string `json:"options"`
	// Retransmission marks a segment whose bytes were sent before; After
	// is how long after the first copy.
	Retransmission bool          `json:"retransmission"`
	After          time.Duration `json:"after_ns,omitempty"`
	Probe          bool          `json:"window_probe,omitempty"`
	// Lost marks, in a captured picture, the first copy of bytes that were
	// retransmitted: no ACK came for it. (Live JSON events cannot know it
	// yet, so it is never set on them.)
	Lost    bool   `json:"-"`
	Payload string `json:"payload,omitempty"` // safe text
	Why     Why    `json:"why"`
	Acked   int    `json:"acked,omitempty"` // new bytes this ACK confirms
	// Checksum as written (loopback leaves it to offload) and as computed.
	Checksum uint16 `json:"checksum"`
	Computed uint16 `json:"checksum_computed"`
	Inferred bool   `json:"inferred,omitempty"`
}

// half is what one direction of the connection has shown so far.
type half struct {
	isn     uint32
	synSeen bool
	wscale  int    // from this side's SYN; -1 absent
	next    uint32 // relative sequence number after the highest byte sent
	sentAt  map[uint32]time.Time
	acked   uint32 // highest relative ack this side sent
	window  int    // last window this side advertised
	finSeq  uint32 // relative seq of this side's FIN, when finSent
	finSent bool
}

// Segmenter turns the captured packets of one connection to server into
// Segments, tracking both directions' numbers.
type Segmenter struct {
	server netip.AddrPort
	halves map[Dir]*half
	over   bool
}

// payloadShown is how many bytes of a segment's data its Payload shows:
// each segment is shown on its own, so a character cut at the end shows
// as \xNN.
const payloadShown = 128

// NewSegmenter follows the connection to the demo server at server.
func NewSegmenter(server netip.AddrPort) *Segmenter {
	return &Segmenter{server: server,
		halves: map[Dir]*half{ToServer: {wscale: -1, sentAt: map[uint32]time.Time{}}, ToClient: {wscale: -1, sentAt: map[uint32]time.Time{}}}}
}

// Add explains one packet. ok is false for packets of other connections.
func (s *Segmenter) Add(p capture.Packet) (seg Segment, ok bool) {
	dir := ToServer
	switch {
	case p.Dst == s.server:
	case p.Src == s.server:
		dir = ToClient
	default:
		return Segment{}, false
	}
	me, peer := s.halves[dir], s.halves[other(dir)]
	if p.Flags.SYN && !me.synSeen {
		me.isn, me.synSeen, me.wscale = p.Seq, true, p.Options.WindowScale
	}
	if !me.synSeen { // joined mid-connection: count from here
		me.isn, me.synSeen = p.Seq, true
	}
	seg = Segment{Time: p.Time, Dir: dir, Flags: flagString(p.Flags), Seq: p.Seq, Ack: p.Ack,
		RelSeq: p.Seq - me.isn, Len: len(p.Payload), Options: optionStrings(p.Options),
		Checksum: p.Checksum, Computed: p.Computed, Payload: Sanitize(p.Payload[:min(len(p.Payload), payloadShown)])}
	if p.Flags.ACK {
		seg.RelAck = p.Ack - peer.isn
	}
	seg.Window = int(p.Window)
	if !p.Flags.SYN && me.wscale >= 0 && peer.wscale >= 0 {
		seg.Window <<= me.wscale
	}
	seg.Why = s.why(&seg, p.Flags, me, peer)
	if p.Flags.RST || (me.finSent && peer.finSent && seg.RelAck == peer.finSeq+1) {
		s.over = true
	}
	return seg, true
}

// Over says the connection has ended on the wire: reset, or both FINs
// sent and the second one acknowledged.
func (s *Segmenter) Over() bool { return s.over }

// why decides the reason and updates both halves' state.
func (s *Segmenter) why(seg *Segment, f capture.Flags, me, peer *half) Why {
	end := seg.RelSeq + uint32(seg.Len)
	if f.SYN || f.FIN {
		end++ // SYN and FIN each use one sequence number
	}
	prevWindow := me.window
	me.window = seg.Window
	if f.ACK && seg.RelAck > me.acked {
		seg.Acked = int(seg.RelAck - me.acked)
		if peer.finSent && seg.RelAck == peer.finSeq+1 {
			seg.Acked-- // the FIN's number holds no byte
		}
		me.acked = seg.RelAck
	}
	if f.FIN && !me.finSent {
		me.finSeq, me.finSent = seg.RelSeq+uint32(seg.Len), true
	}
	consumes := end > seg.RelSeq
	if consumes && end <= me.next && !f.RST {
		seg.Retransmission = true
		if first, ok := me.sentAt[seg.RelSeq]; ok {
			seg.After = seg.Time.Sub(first)
		}
		return WhyRetransmit
	}
	if consumes {
		me.sentAt[seg.RelSeq] = seg.Time
		me.next = max(me.next, end)
	}
	switch {
	case f.RST:
		return WhyRST
	case f.SYN && f.ACK:
		return WhySYNACK
	case f.SYN:
		return WhySYN
	case f.FIN:
		return WhyFIN
	case seg.Len > 0:
		return WhyData
	case peer.window == 0 && me.next > 0 && seg.RelSeq+1 == me.next && me.synSeen:
		// Linux probes a closed window with an old sequence number, so the
		// receiver must answer with its current window.
		seg.Probe = true
		return WhyWindowProbe
	case seg.Window == 0:
		return WhyWindowZero
	case prevWindow == 0 && seg.RelAck > 1:
		return WhyWindowUpdate
	case seg.Dir == ToServer && seg.RelSeq == 1 && seg.RelAck == 1 && seg.Acked == 1:
		return WhyHandshakeACK
	case seg.Acked > 0:
		return WhyAckData
	case peer.finSent && seg.RelAck == peer.finSeq+1 && seg.Acked == 0 && f.ACK:
		return WhyAckFIN
	}
	return WhyACK
}

func other(d Dir) Dir {
	if d == ToServer {
		return ToClient
	}
	return ToServer
}

// flagString writes the flags as tools and the notes do: SYN+ACK, PSH+ACK.
func flagString(f capture.Flags) string {
	var s string
	add := func(on bool, name string) {
		if !on {
			return
		}
		if s != "" {
			s += "+"
		}
		s += name
	}
	add(f.SYN, "SYN")
	add(f.FIN, "FIN")
	add(f.RST, "RST")
	add(f.PSH, "PSH")
	add(f.URG, "URG")
	add(f.ACK, "ACK")
	return s
}

// optionStrings lists the options in tcpdump's words.
func optionStrings(o capture.Options) []string {
	var out []string
	if o.MSS > 0 {
		out = append(out, fmt.Sprintf("mss %d", o.MSS))
	}
	if o.SACKOK {
		out = append(out, "sackOK")
	}
	if o.Timestamps {
		out = append(out, fmt.Sprintf("TS val %d ecr %d", o.TSVal, o.TSEcr))
	}
	if o.WindowScale >= 0 {
		out = append(out, fmt.Sprintf("wscale %d", o.WindowScale))
	}
	return out
}
