package capture

import (
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
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
	p, err := NewDecoder().Decode(frame(t, src, dst, syn, nil, false), at)
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
		good, err := NewDecoder().Decode(frame(t, src, dst, seg, []byte("hello"), false), time.Now())
		if err != nil {
			t.Fatal(err)
		}
		zeroed, err := NewDecoder().Decode(frame(t, src, dst, seg, []byte("hello"), true), time.Now())
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
	d := NewDecoder()
	if _, err := d.Decode([]byte{1, 2, 3}, time.Now()); err == nil {
		t.Fatal("a 3-byte frame decoded")
	}
	arp := make([]byte, 42)
	arp[12], arp[13] = 0x08, 0x06
	if _, err := d.Decode(arp, time.Now()); err == nil {
		t.Fatal("ARP decoded as TCP")
	}
}

// FuzzDecode: no frame from the wire makes the decoder panic, and what it
// decodes keeps its payload inside the frame.
func FuzzDecode(f *testing.F) {
	src, dst := netip.MustParseAddrPort("127.0.0.1:1"), netip.MustParseAddrPort("127.0.0.1:2")
	f.Add(frame(f, src, dst, layers.TCP{SYN: true, Options: []layers.TCPOption{{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{30}}}}, nil, false))
	f.Add(frame(f, src, dst, layers.TCP{ACK: true}, []byte("你好"), true))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := NewDecoder().Decode(b, time.Time{})
		if err != nil {
			return
		}
		if len(p.Payload) > len(b) || p.Options.WindowScale > 14 {
			t.Fatalf("payload %d of a %d-byte frame, wscale %d", len(p.Payload), len(b), p.Options.WindowScale)
		}
	})
}
