package socktable

import (
	"encoding/binary"
	"net"
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

func TestDiagRequestLayout(t *testing.T) {
	b := (&diagRequest{family: unix.AF_INET6, protocol: unix.IPPROTO_UDP, states: 1 << Close}).Serialize()
	if len(b) != sizeofDiagRequest || b[0] != unix.AF_INET6 || b[1] != unix.IPPROTO_UDP ||
		binary.NativeEndian.Uint32(b[4:8]) != 1<<7 {
		t.Errorf("request bytes % x", b)
	}
}

func diagMsg(family uint8, state State, local, remote netip.AddrPort, inode uint32) []byte {
	b := make([]byte, sizeofDiagMsg)
	b[0], b[1] = family, uint8(state)
	binary.BigEndian.PutUint16(b[4:6], local.Port())
	binary.BigEndian.PutUint16(b[6:8], remote.Port())
	copy(b[8:], local.Addr().AsSlice())
	copy(b[24:], remote.Addr().AsSlice())
	binary.NativeEndian.PutUint32(b[68:72], inode)
	return b
}

func TestParseDiagMsg(t *testing.T) {
	l4, r4 := netip.MustParseAddrPort("127.0.0.1:8080"), netip.MustParseAddrPort("127.0.0.1:50000")
	got, ok := parseDiagMsg(diagMsg(unix.AF_INET, Established, l4, r4, 4242))
	if !ok || got != (Socket{State: Established, Local: l4, Remote: r4, Inode: 4242}) {
		t.Errorf("IPv4: %+v, %v", got, ok)
	}
	l6 := netip.MustParseAddrPort("[::1]:53")
	got, ok = parseDiagMsg(diagMsg(unix.AF_INET6, Close, l6, netip.MustParseAddrPort("[::]:0"), 7))
	if !ok || !got.IPv6 || got.Local != l6 || got.Inode != 7 || got.State.String() != "CLOSE" {
		t.Errorf("IPv6: %+v, %v", got, ok)
	}
	if _, ok := parseDiagMsg(make([]byte, sizeofDiagMsg-1)); ok {
		t.Error("short message accepted")
	}
	if _, ok := parseDiagMsg(diagMsg(unix.AF_UNIX, 1, l4, r4, 1)); ok {
		t.Error("unknown family accepted")
	}
}

// TestSocketsFindsAListenerAndItsConnection reads the real table for a
// loopback listener and a connection to it that this test makes.
func TestSocketsFindsAListenerAndItsConnection(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no IPv4 loopback: %v", err)
	}
	defer ln.Close()
	conn, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	socks, err := Sockets(TCP)
	if err != nil {
		t.Skipf("sock_diag unavailable here: %v", err)
	}
	listen, local := netip.MustParseAddrPort(ln.Addr().String()), netip.MustParseAddrPort(conn.LocalAddr().String())
	var sawListen, sawConn bool
	for _, s := range socks {
		sawListen = sawListen || (s.Local == listen && s.State == Listen)
		sawConn = sawConn || (s.Local == local && s.Remote == listen && s.State == Established)
	}
	if !sawListen || !sawConn {
		t.Errorf("listener seen %v, connection seen %v in %d sockets", sawListen, sawConn, len(socks))
	}
	if only, _ := Sockets(TCP, Listen); len(only) >= len(socks) {
		t.Errorf("asking for LISTEN only gave %d of %d sockets", len(only), len(socks))
	}
}

func FuzzParseDiagMsg(f *testing.F) {
	f.Add(diagMsg(unix.AF_INET, Listen, netip.MustParseAddrPort("10.0.0.1:80"), netip.MustParseAddrPort("0.0.0.0:0"), 1))
	f.Add([]byte{unix.AF_INET6})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, ok := parseDiagMsg(b)
		if ok && (!s.Local.IsValid() || !s.Remote.IsValid()) {
			t.Fatalf("bad socket %+v from % x", s, b)
		}
	})
}
