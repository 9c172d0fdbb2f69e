package sockdemo

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
)

const procSample = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:22B8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
   1: 0100007F:22B8 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:D2F0 0100007F:22B8 06 00000000:00000000 03:00000F9E 00000000     0        0 0 3 0000000000000000
garbage line
`

const proc6Sample = `  sl  local_address                         remote_address                        st
   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000
   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C350 08 00000000:00000000
`

func TestParseProcNetTCP(t *testing.T) {
	e, err := ParseProcNetTCP(strings.NewReader(procSample))
	if err != nil || len(e) != 3 {
		t.Fatalf("got %d entries, err %v", len(e), err)
	}
	want := TCPEntry{Local: netip.MustParseAddrPort("127.0.0.1:8888"), Remote: netip.MustParseAddrPort("127.0.0.1:54000"), State: "ESTABLISHED"}
	if e[1] != want {
		t.Errorf("entry 1 = %+v, want %+v", e[1], want)
	}
	cases := []struct{ local, remote, want string }{
		{"127.0.0.1:8888", "", "LISTEN"},
		{"127.0.0.1:8888", "127.0.0.1:54000", "ESTABLISHED"},
		{"127.0.0.1:54000", "127.0.0.1:8888", "TIME_WAIT"},
		{"127.0.0.1:1", "", ""},
		{"bogus", "", ""},
	}
	for _, c := range cases {
		if got := findState(e, c.local, c.remote); got != c.want {
			t.Errorf("findState(%s, %s) = %q, want %q", c.local, c.remote, got, c.want)
		}
	}
}

func TestParseProcNetTCP6(t *testing.T) {
	e, err := ParseProcNetTCP(strings.NewReader(proc6Sample))
	if err != nil || len(e) != 2 {
		t.Fatalf("got %d entries, err %v", len(e), err)
	}
	if got := findState(e, "[::1]:8080", ""); got != "LISTEN" {
		t.Errorf("::1 listener: %q", got)
	}
	// An IPv4-mapped socket is found by its plain IPv4 address.
	if got := findState(e, "127.0.0.1:8080", "127.0.0.1:50000"); got != "CLOSE_WAIT" {
		t.Errorf("mapped: %q", got)
	}
}

func FuzzParseProcNetTCP(f *testing.F) {
	f.Add(procSample)
	f.Add(proc6Sample)
	f.Add("0: 0:0 0:0 1")
	f.Fuzz(func(t *testing.T, s string) {
		entries, err := ParseProcNetTCP(strings.NewReader(s))
		if err != nil {
			return // only a line longer than the scanner's limit
		}
		for _, e := range entries {
			if !e.Local.IsValid() || !e.Remote.IsValid() || e.State == "" {
				t.Fatalf("bad entry %+v from %q", e, s)
			}
		}
	})
}

// The kernel prints each address word as a number in its own byte order:
// 127.0.0.1 is 0100007F on little-endian machines and 7F000001 on
// big-endian ones.
func TestParseProcAddrInBothByteOrders(t *testing.T) {
	cases := []struct {
		in    string
		order binary.ByteOrder
		want  string
	}{
		{"0100007F:1F90", binary.LittleEndian, "127.0.0.1:8080"},
		{"7F000001:1F90", binary.BigEndian, "127.0.0.1:8080"},
		{"00000000000000000000000001000000:0050", binary.LittleEndian, "[::1]:80"},
		{"00000000000000000000000000000001:0050", binary.BigEndian, "[::1]:80"},
		{"B80D0120000000000000000001000000:0016", binary.LittleEndian, "[2001:db8::1]:22"},
		{"20010DB8000000000000000000000001:0016", binary.BigEndian, "[2001:db8::1]:22"},
	}
	for _, c := range cases {
		got, ok := parseProcAddrOrder(c.in, c.order)
		if !ok || got.String() != c.want {
			t.Errorf("parseProcAddrOrder(%s, %v) = %v, %v; want %s", c.in, c.order, got, ok, c.want)
		}
	}
}
