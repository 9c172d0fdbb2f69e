package probe

import (
	"encoding/binary"
	"errors"
	"net/netip"
	"testing"
)

// echoReply4Bytes lays out an ICMP_ECHO_REPLY as Windows writes it for a
// process with pointers of ptrSize bytes.
func echoReply4Bytes(ptrSize int, from [4]byte, status uint32, dataSize uint16, ttl byte) []byte {
	b := make([]byte, 16+ptrSize+2*ptrSize)
	copy(b[0:4], from[:])
	binary.LittleEndian.PutUint32(b[4:8], status)
	binary.LittleEndian.PutUint32(b[8:12], 0) // RoundTripTime: whole ms, not used
	binary.LittleEndian.PutUint16(b[12:14], dataSize)
	b[16+ptrSize] = ttl
	b[16+ptrSize+1] = 0x55 // TOS, to catch an off-by-one
	return b
}

func TestParseEchoReply4(t *testing.T) {
	for _, ptr := range []int{8, 4} {
		b := echoReply4Bytes(ptr, [4]byte{127, 0, 0, 1}, 0, 56, 128)
		r, err := parseEchoReply4(b, ptr)
		want := echoReply{From: netip.MustParseAddr("127.0.0.1"), TTL: 128, Bytes: 64}
		if err != nil || r != want {
			t.Errorf("pointer size %d: got %+v, %v; want %+v", ptr, r, err, want)
		}
	}
	if _, err := parseEchoReply4(make([]byte, 20), 8); !errors.Is(err, errShortReply) {
		t.Errorf("short buffer: err %v", err)
	}
}

func TestParseEchoReply6(t *testing.T) {
	b := make([]byte, 36)
	addr := netip.MustParseAddr("fe80::1")
	a16 := addr.As16()
	copy(b[6:22], a16[:])
	binary.LittleEndian.PutUint32(b[22:26], 7)     // scope id, packed
	binary.LittleEndian.PutUint32(b[28:32], 11003) // host unreachable
	r, err := parseEchoReply6(b, 32)
	want := echoReply{From: addr, Status: 11003, Bytes: 40}
	if err != nil || r != want {
		t.Errorf("got %+v, %v; want %+v", r, err, want)
	}
	if _, err := parseEchoReply6(b[:31], 32); !errors.Is(err, errShortReply) {
		t.Errorf("short buffer: err %v", err)
	}
}

func TestEchoStatusError(t *testing.T) {
	if err := echoStatusError(0); err != nil {
		t.Errorf("success: %v", err)
	}
	if err := echoStatusError(11010); !errors.Is(err, errEchoTimedOut) {
		t.Errorf("timed out: %v", err)
	}
	var se *EchoStatusError
	if err := echoStatusError(11013); !errors.As(err, &se) || se.Text != "time to live exceeded in transit" {
		t.Errorf("ttl exceeded: %v", err)
	}
	if err := echoStatusError(42); err == nil || err.Error() != "ICMP error (status 42)" {
		t.Errorf("unknown status: %v", err)
	}
}

func FuzzParseEchoReply(f *testing.F) {
	f.Add(echoReply4Bytes(8, [4]byte{10, 0, 0, 1}, 0, 56, 64), 56)
	f.Fuzz(func(t *testing.T, b []byte, payload int) {
		if r, err := parseEchoReply4(b, 8); err == nil && (r.TTL < 0 || r.TTL > 255 || r.Bytes < 8) {
			t.Errorf("impossible reply %+v", r)
		}
		if r, err := parseEchoReply6(b, payload); err == nil && r.TTL != 0 {
			t.Errorf("ICMPv6 reply with a TTL: %+v", r)
		}
	})
}
