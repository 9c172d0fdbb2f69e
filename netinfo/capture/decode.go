// Package capture captures the TCP segments on the loopback interface
// (AF_PACKET, Linux), decodes them and writes them as a pcap file. It
// never prints: the demo turns its packets into the segment picture.
package capture

import (
	"errors"
	"net/netip"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// Packet is one decoded TCP segment, as it was on the wire.
type Packet struct {
	Time     time.Time
	Src, Dst netip.AddrPort
	Seq, Ack uint32
	Flags    Flags
	Window   uint16 // the raw field, before window scaling
	Options  Options
	Payload  []byte
	// Checksum is the value in the header; Computed is the right value
	// over the pseudo-header, header and payload. On loopback the kernel
	// leaves the checksum to offload that never happens, so they differ.
	Checksum, Computed uint16
}

// Flags are the TCP control bits the demo explains.
type Flags struct {
	SYN, ACK, PSH, FIN, RST, URG bool
}

// Options are the TCP options a SYN negotiates (and the timestamps every
// segment carries). A zero value means the option was absent.
type Options struct {
	MSS          uint16
	WindowScale  int // -1: absent; else the shift count
	SACKOK       bool
	TSVal, TSEcr uint32
	Timestamps   bool
}

// ErrNotTCP says a frame holds no TCP segment (ARP, UDP, ICMP, a fragment).
var ErrNotTCP = errors.New("not a TCP segment")

// Decoder decodes Ethernet frames into Packets. It reuses its layers, so
// one Decoder serves one goroutine.
type Decoder struct {
	eth    layers.Ethernet
	ip4    layers.IPv4
	ip6    layers.IPv6
	tcp    layers.TCP
	parser *gopacket.DecodingLayerParser
	found  []gopacket.LayerType
}

// NewDecoder returns a Decoder for Ethernet frames (loopback frames are
// Ethernet frames with zero addresses on Linux).
func NewDecoder() *Decoder {
	d := &Decoder{}
	d.parser = gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &d.eth, &d.ip4, &d.ip6, &d.tcp)
	d.parser.IgnoreUnsupported = true
	return d
}

// Decode decodes one frame captured at t. The Payload of the result
// points into frame.
func (d *Decoder) Decode(frame []byte, t time.Time) (Packet, error) {
	if err := d.parser.DecodeLayers(frame, &d.found); err != nil {
		return Packet{}, err
	}
	var src, dst netip.Addr
	var network gopacket.NetworkLayer
	hasTCP := false
	for _, l := range d.found {
		switch l {
		case layers.LayerTypeIPv4:
			src, _ = netip.AddrFromSlice(d.ip4.SrcIP.To4())
			dst, _ = netip.AddrFromSlice(d.ip4.DstIP.To4())
			network = &d.ip4
		case layers.LayerTypeIPv6:
			src, _ = netip.AddrFromSlice(d.ip6.SrcIP)
			dst, _ = netip.AddrFromSlice(d.ip6.DstIP)
			network = &d.ip6
		case layers.LayerTypeTCP:
			hasTCP = true
		}
	}
	if !hasTCP || network == nil {
		return Packet{}, ErrNotTCP
	}
	tc := &d.tcp
	p := Packet{
		Time: t,
		Src:  netip.AddrPortFrom(src, uint16(tc.SrcPort)),
		Dst:  netip.AddrPortFrom(dst, uint16(tc.DstPort)),
		Seq:  tc.Seq, Ack: tc.Ack, Window: tc.Window,
		Flags:    Flags{SYN: tc.SYN, ACK: tc.ACK, PSH: tc.PSH, FIN: tc.FIN, RST: tc.RST, URG: tc.URG},
		Options:  parseOptions(tc.Options),
		Payload:  tc.Payload,
		Checksum: tc.Checksum,
	}
	p.Computed = computedChecksum(tc, network)
	return p, nil
}

// computedChecksum is the checksum the sender would have written: the
// ones' complement sum over the pseudo-header (addresses, protocol,
// length), the TCP header with its checksum field as zero, and the data.
func computedChecksum(tc *layers.TCP, network gopacket.NetworkLayer) uint16 {
	if err := tc.SetNetworkLayerForChecksum(network); err != nil {
		return 0
	}
	err, res := tc.VerifyChecksum()
	if err != nil {
		return 0
	}
	return uint16(res.Correct)
}

func parseOptions(opts []layers.TCPOption) Options {
	o := Options{WindowScale: -1}
	for _, opt := range opts {
		d := opt.OptionData
		switch opt.OptionType {
		case layers.TCPOptionKindMSS:
			if len(d) == 2 {
				o.MSS = uint16(d[0])<<8 | uint16(d[1])
			}
		case layers.TCPOptionKindWindowScale:
			if len(d) == 1 {
				o.WindowScale = int(min(d[0], 14)) // RFC 7323: larger shifts count as 14
			}
		case layers.TCPOptionKindSACKPermitted:
			o.SACKOK = true
		case layers.TCPOptionKindTimestamps:
			if len(d) == 8 {
				o.Timestamps = true
				o.TSVal = be32(d[:4])
				o.TSEcr = be32(d[4:])
			}
		}
	}
	return o
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
