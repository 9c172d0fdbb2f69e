package ports

import (
	"encoding/binary"
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

func TestDiagRequestLayout(t *testing.T) {
	b := (&diagRequest{family: unix.AF_INET6, protocol: unix.IPPROTO_UDP, states: 1 << stateUDPUnconnected}).Serialize()
	if len(b) != sizeofDiagRequest || b[0] != unix.AF_INET6 || b[1] != unix.IPPROTO_UDP ||
		binary.NativeEndian.Uint32(b[4:8]) != 1<<7 {
		t.Errorf("request bytes % x", b)
	}
}

func diagMsg(family uint8, state uint8, addr netip.Addr, port uint16, inode uint32) []byte {
	b := make([]byte, sizeofDiagMsg)
	b[0], b[1] = family, state
	binary.BigEndian.PutUint16(b[4:6], port)
	raw := addr.AsSlice()
	copy(b[8:], raw)
	binary.NativeEndian.PutUint32(b[68:72], inode)
	return b
}

func TestParseDiagMsg(t *testing.T) {
	v4 := netip.MustParseAddr("127.0.0.1")
	got, ok := parseDiagMsg(diagMsg(unix.AF_INET, stateTCPListen, v4, 8080, 4242))
	if !ok || got != (diagSocket{state: stateTCPListen, addr: v4, port: 8080, inode: 4242}) {
		t.Errorf("IPv4: %+v, %v", got, ok)
	}
	v6 := netip.MustParseAddr("::1")
	got, ok = parseDiagMsg(diagMsg(unix.AF_INET6, stateUDPUnconnected, v6, 53, 7))
	if !ok || got.addr != v6 || got.port != 53 || got.inode != 7 {
		t.Errorf("IPv6: %+v, %v", got, ok)
	}
	if _, ok := parseDiagMsg(make([]byte, sizeofDiagMsg-1)); ok {
		t.Error("short message accepted")
	}
	if _, ok := parseDiagMsg(diagMsg(unix.AF_UNIX, 1, v4, 1, 1)); ok {
		t.Error("unknown family accepted")
	}
}

func FuzzParseDiagMsg(f *testing.F) {
	f.Add(diagMsg(unix.AF_INET, stateTCPListen, netip.MustParseAddr("10.0.0.1"), 80, 1))
	f.Add([]byte{unix.AF_INET6})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, ok := parseDiagMsg(b)
		if ok && (s.port < MinPort || s.port > MaxPort || !s.addr.IsValid()) {
			t.Fatalf("bad socket %+v from % x", s, b)
		}
	})
}
