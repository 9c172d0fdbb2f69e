package capture

import (
	"bytes"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// frame builds an Ethernet frame holding one TCP segment, with a correct
// checksum unless zeroSum is set (as loopback leaves it).
func frame(t testing.TB, src, dst netip.AddrPort, tcp layers.TCP, payload []byte, zeroSum bool) []byte {
	t.Helper()
	eth := &layers.Ethernet{EthernetType: layers.EthernetTypeIPv4, SrcMAC: make(net.HardwareAddr, 6), DstMAC: make(net.HardwareAddr, 6)}
	var network gopacket.SerializableLayer
	if src.Addr().Is4() {
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice()}
		network = ip
		if err := tcp.SetNetworkLayerForChecksum(ip); err != nil {
			t.Fatal(err)
		}
	} else {
		eth.EthernetType = layers.EthernetTypeIPv6
		ip := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolTCP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice()}
		network = ip
		if err := tcp.SetNetworkLayerForChecksum(ip); err != nil {
			t.Fatal(err)
		}
	}
	tcp.SrcPort, tcp.DstPort = layers.TCPPort(src.Port()), layers.TCPPort(dst.Port())
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, eth, network, &tcp, gopacket.Payload(payload)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if zeroSum {
		off := 14 + 20
		if !src.Addr().Is4() {
			off = 14 + 40
		}
		b[off+16], b[off+17] = 0, 0
	}
	return b
}

func TestDecodeSYNWithOptions(t *testing.T) {
	src, dst := netip.MustParseAddrPort("127.0.0.1:40000"), netip.MustParseAddrPort("127.0.0.1:8888")
	syn := layers.TCP{Seq: 1000, SYN: true, Window: 65495, Options: []layers.TCPOption{
		{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0xff, 0xd7}},
		{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
		{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: []byte{0, 0, 0, 7, 0, 0, 0, 0}},
		{OptionType: layers.TCPOptionKindNop},
		{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}},
	}}
	at := time.Unix(1700000000, 5)
	p, err := Decode(frame(t, src, dst, syn, nil, false), at)
	if err != nil {
		t.Fatal(err)
	}
	want := Options{MSS: 65495, WindowScale: 7, SACKOK: true, Timestamps: true, TSVal: 7}
	if p.Src != src || p.Dst != dst || p.Seq != 1000 || !p.Flags.SYN || p.Flags.ACK || p.Window != 65495 || p.Options != want || !p.Time.Equal(at) {
		t.Fatalf("decoded %+v", p)
	}
	if p.Checksum != p.Computed {
		t.Fatalf("a correct checksum 0x%04x was computed as 0x%04x", p.Checksum, p.Computed)
	}
}

// On loopback the header holds no valid checksum: Computed is still the
// right one, the one a correct sender writes.
func TestComputedChecksumIgnoresTheWireValue(t *testing.T) {
	for _, pair := range [][2]string{{"127.0.0.1:40000", "127.0.0.1:8888"}, {"[::1]:40000", "[::1]:8888"}} {
		src, dst := netip.MustParseAddrPort(pair[0]), netip.MustParseAddrPort(pair[1])
		seg := layers.TCP{Seq: 5, Ack: 9, ACK: true, PSH: true, Window: 64}
		good, err := Decode(frame(t, src, dst, seg, []byte("hello"), false), time.Now())
		if err != nil {
			t.Fatal(err)
		}
		zeroed, err := Decode(frame(t, src, dst, seg, []byte("hello"), true), time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if zeroed.Checksum != 0 || zeroed.Computed != good.Checksum || string(zeroed.Payload) != "hello" {
			t.Fatalf("%s: wire 0x%04x computed 0x%04x, want computed 0x%04x", pair[0], zeroed.Checksum, zeroed.Computed, good.Checksum)
		}
		if good.Computed == 0 {
			t.Fatal("no checksum computed")
		}
	}
}

func TestDecodeRefusesWhatIsNotTCP(t *testing.T) {
	if _, err := Decode([]byte{1, 2, 3}, time.Now()); err == nil {
		t.Fatal("a 3-byte frame decoded")
	}
	arp := make([]byte, 42)
	arp[12], arp[13] = 0x08, 0x06
	if _, err := Decode(arp, time.Now()); err == nil {
		t.Fatal("ARP decoded as TCP")
	}
}

// FuzzDecode: no frame from the wire makes the decoder panic, and what it
// decodes agrees with gopacket's decoder, field by field.
func FuzzDecode(f *testing.F) {
	src, dst := netip.MustParseAddrPort("127.0.0.1:1"), netip.MustParseAddrPort("127.0.0.1:2")
	f.Add(frame(f, src, dst, layers.TCP{SYN: true, Options: []layers.TCPOption{{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{30}}}}, nil, false))
	f.Add(frame(f, src, dst, layers.TCP{ACK: true}, []byte("你好"), true))
	f.Add(frame(f, netip.MustParseAddrPort("[::1]:1"), netip.MustParseAddrPort("[::1]:2"), layers.TCP{FIN: true, ACK: true}, []byte("x"), false))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Decode(b, time.Time{})
		if err != nil {
			return
		}
		if len(p.Payload) > len(b) || p.Options.WindowScale > 14 {
			t.Fatalf("payload %d of a %d-byte frame, wscale %d", len(p.Payload), len(b), p.Options.WindowScale)
		}
		agreeWithGopacket(t, b, p)
	})
}

// agreeWithGopacket decodes b with gopacket/layers and compares.
func agreeWithGopacket(t *testing.T, b []byte, p Packet) {
	t.Helper()
	pkt := gopacket.NewPacket(b, layers.LayerTypeEthernet, gopacket.Default)
	tl, ok := pkt.Layer(layers.LayerTypeTCP).(*layers.TCP)
	if !ok || pkt.ErrorLayer() != nil {
		return // gopacket is stricter about some malformed frames: nothing to compare
	}
	if uint16(tl.SrcPort) != p.Src.Port() || uint16(tl.DstPort) != p.Dst.Port() || tl.Seq != p.Seq || tl.Ack != p.Ack ||
		tl.Window != p.Window || tl.Checksum != p.Checksum || tl.SYN != p.Flags.SYN || tl.ACK != p.Flags.ACK ||
		tl.FIN != p.Flags.FIN || tl.RST != p.Flags.RST || tl.PSH != p.Flags.PSH || !bytes.Equal(tl.Payload, p.Payload) {
		t.Fatalf("gopacket %+v\nnetlearn %+v", tl, p)
	}
	if nl := pkt.NetworkLayer(); nl != nil {
		if err := tl.SetNetworkLayerForChecksum(nl); err == nil {
			if _, res := tl.VerifyChecksum(); uint16(res.Correct) != p.Computed {
				t.Fatalf("checksum: gopacket computes 0x%04x, netlearn 0x%04x", res.Correct, p.Computed)
			}
		}
	}
}

// The pcap file reads back, frame by frame, with gopacket's reader.
func TestPcapReadsBack(t *testing.T) {
	src, dst := netip.MustParseAddrPort("127.0.0.1:1"), netip.MustParseAddrPort("127.0.0.1:2")
	frames := [][]byte{frame(t, src, dst, layers.TCP{SYN: true}, nil, true), frame(t, dst, src, layers.TCP{ACK: true}, []byte("hello"), true)}
	at := time.Unix(1700000000, 123456789)
	var buf bytes.Buffer
	w, err := NewPcapWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		if err := w.Write(f, at); err != nil {
			t.Fatal(err)
		}
	}
	r, err := pcapgo.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.LinkType() != layers.LinkTypeEthernet || r.Snaplen() != frameLimit {
		t.Fatalf("link type %v, snap length %d", r.LinkType(), r.Snaplen())
	}
	for i, want := range frames {
		data, ci, err := r.ReadPacketData()
		if err != nil || !bytes.Equal(data, want) || !ci.Timestamp.Equal(at) || ci.Length != len(want) {
			t.Fatalf("frame %d: %v, time %v, length %d", i, err, ci.Timestamp, ci.Length)
		}
	}
}
