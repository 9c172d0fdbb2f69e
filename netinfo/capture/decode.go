// Package capture captures the TCP segments on the loopback interface
// (AF_PACKET, Linux), decodes them and writes them as a pcap file. It
// never prints: the demo turns its packets into the segment picture.
package capture

import (
	"errors"
	"net/netip"
	"time"
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

// Decode decodes one Ethernet frame captured at t (loopback frames are
// Ethernet frames with zero addresses on Linux): IPv4 or IPv6, then TCP.
// The Payload of the result points into frame. It is written out here,
// not taken from a packet library, because it is all the demo needs: a
// general decoder of every protocol would double the size of netlearn.
// The tests check it against gopacket's decoder and tcpdump.
func Decode(frame []byte, t time.Time) (Packet, error) {
	if len(frame) < 14 {
		return Packet{}, ErrNotTCP
	}
	var src, dst netip.Addr
	var pseudo uint32 // the pseudo-header's sum: addresses and protocol
	var segment []byte
	switch ip := frame[14:]; be16(frame[12:]) {
	case 0x0800:
		if len(ip) < 20 || ip[0]>>4 != 4 || ip[9] != 6 || be16(ip[6:])&0x3fff != 0 {
			return Packet{}, ErrNotTCP // not TCP, or a fragment
		}
		hl := int(ip[0]&0x0f) * 4
		end := min(int(be16(ip[2:])), len(ip))
		if hl < 20 || end < hl {
			return Packet{}, ErrNotTCP
		}
		src, dst = netip.AddrFrom4([4]byte(ip[12:16])), netip.AddrFrom4([4]byte(ip[16:20]))
		pseudo = sum(ip[12:20]) + 6
		segment = ip[hl:end]
	case 0x86dd:
		if len(ip) < 40 || ip[0]>>4 != 6 || ip[6] != 6 { // extension headers are not followed
			return Packet{}, ErrNotTCP
		}
		end := min(40+int(be16(ip[4:])), len(ip))
		src, dst = netip.AddrFrom16([16]byte(ip[8:24])), netip.AddrFrom16([16]byte(ip[24:40]))
		pseudo = sum(ip[8:40]) + 6
		segment = ip[40:end]
	default:
		return Packet{}, ErrNotTCP
	}
	return decodeTCP(segment, src, dst, pseudo, t)
}

func decodeTCP(b []byte, src, dst netip.Addr, pseudo uint32, t time.Time) (Packet, error) {
	if len(b) < 20 {
		return Packet{}, ErrNotTCP
	}
	off := int(b[12]>>4) * 4
	if off < 20 || off > len(b) {
		return Packet{}, ErrNotTCP
	}
	f := b[13]
	p := Packet{
		Time: t,
		Src:  netip.AddrPortFrom(src, be16(b[0:])),
		Dst:  netip.AddrPortFrom(dst, be16(b[2:])),
		Seq:  be32(b[4:]), Ack: be32(b[8:]), Window: be16(b[14:]),
		Flags: Flags{FIN: f&0x01 != 0, SYN: f&0x02 != 0, RST: f&0x04 != 0, PSH: f&0x08 != 0,
			ACK: f&0x10 != 0, URG: f&0x20 != 0},
		Options:  parseOptions(b[20:off]),
		Payload:  b[off:],
		Checksum: be16(b[16:]),
	}
	// The sender's sum: pseudo-header (with the segment's length), then
	// the segment with its checksum field counted as zero.
	total := pseudo + uint32(len(b)) + sum(b) - uint32(p.Checksum)
	p.Computed = ^fold(total)
	return p, nil
}

// sum adds b as big-endian 16-bit words (an odd last byte padded with
// zero), the ones' complement sum of RFC 1071 before folding.
func sum(b []byte) uint32 {
	var s uint32
	for len(b) >= 2 {
		s += uint32(be16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		s += uint32(b[0]) << 8
	}
	return s
}

func fold(s uint32) uint16 {
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

// parseOptions reads the options area of a TCP header; a malformed
// option ends the reading, keeping what came before.
func parseOptions(b []byte) Options {
	o := Options{WindowScale: -1}
	for len(b) > 0 {
		kind := b[0]
		if kind == 0 { // end of options
			break
		}
		if kind == 1 { // no-operation: padding
			b = b[1:]
			continue
		}
		if len(b) < 2 || int(b[1]) < 2 || int(b[1]) > len(b) {
			break
		}
		d := b[2:b[1]]
		b = b[b[1]:]
		switch {
		case kind == 2 && len(d) == 2:
			o.MSS = be16(d)
		case kind == 3 && len(d) == 1:
			o.WindowScale = int(min(d[0], 14)) // RFC 7323: larger shifts count as 14
		case kind == 4:
			o.SACKOK = true
		case kind == 8 && len(d) == 8:
			o.Timestamps, o.TSVal, o.TSEcr = true, be32(d), be32(d[4:])
		}
	}
	return o
}

func be16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
