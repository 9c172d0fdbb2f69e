package ports

import (
	"encoding/binary"
	"net/netip"
	"reflect"
	"testing"
)

// row is one table row as Windows lays it out: address, port in network
// order in the first two bytes of its DWORD, pid and (TCP) state.
type row struct {
	addr  string
	port  uint16
	pid   uint32
	state uint32
}

func tableBytes(t ownerTable, rows ...row) []byte {
	b := make([]byte, 4+len(rows)*t.rowSize)
	binary.LittleEndian.PutUint32(b, uint32(len(rows)))
	for i, r := range rows {
		at := b[4+i*t.rowSize:]
		a := netip.MustParseAddr(r.addr)
		if t.IPv6 {
			a16 := a.As16()
			copy(at[t.addrAt:], a16[:])
		} else {
			a4 := a.As4()
			copy(at[t.addrAt:], a4[:])
		}
		binary.BigEndian.PutUint16(at[t.portAt:], r.port)
		at[t.portAt+2], at[t.portAt+3] = 0xAA, 0xBB // the DWORD's upper half is garbage
		binary.LittleEndian.PutUint32(at[t.pidAt:], r.pid)
		if t.stateAt >= 0 {
			binary.LittleEndian.PutUint32(at[t.stateAt:], r.state)
		}
	}
	return b
}

func TestOwnerTableParse(t *testing.T) {
	want := map[int]bool{80: true, 8080: true, 53: true}
	cases := []struct {
		table ownerTable
		rows  []row
		out   []Listener
	}{
		{tcp4Table, []row{{"0.0.0.0", 8080, 1234, 2}, {"127.0.0.1", 80, 4, 2}, {"0.0.0.0", 9999, 1, 2}, {"10.0.0.2", 8080, 7, 5}},
			[]Listener{{"tcp", "ipv4", "0.0.0.0", 8080, 1234, ""}, {"tcp", "ipv4", "127.0.0.1", 80, 4, ""}}},
		{tcp6Table, []row{{"::", 80, 4, 2}, {"::1", 8080, 99, 11}},
			[]Listener{{"tcp", "ipv6", "::", 80, 4, ""}}},
		{udp4Table, []row{{"0.0.0.0", 53, 900, 0}, {"0.0.0.0", 5353, 901, 0}},
			[]Listener{{"udp", "ipv4", "0.0.0.0", 53, 900, ""}}},
		{udp6Table, []row{{"fe80::1", 53, 902, 0}},
			[]Listener{{"udp", "ipv6", "fe80::1", 53, 902, ""}}},
	}
	for _, c := range cases {
		got, err := c.table.parse(tableBytes(c.table, c.rows...), want)
		if err != nil || !reflect.DeepEqual(got, c.out) {
			t.Errorf("%s ipv6=%v: got %+v, %v\nwant %+v", c.table.Protocol, c.table.IPv6, got, err, c.out)
		}
	}
}

func TestOwnerTableRejectsShortTables(t *testing.T) {
	b := tableBytes(tcp4Table, row{"0.0.0.0", 80, 1, 2})
	binary.LittleEndian.PutUint32(b, 2) // claims a row that is not there
	if _, err := tcp4Table.parse(b, map[int]bool{80: true}); err == nil {
		t.Error("a table claiming more rows than it holds was accepted")
	}
	if _, err := udp4Table.parse([]byte{1, 0}, nil); err == nil {
		t.Error("a 2-byte table was accepted")
	}
}

func FuzzOwnerTableParse(f *testing.F) {
	f.Add(tableBytes(tcp6Table, row{"::", 80, 4, 2}))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, table := range []ownerTable{tcp4Table, tcp6Table, udp4Table, udp6Table} {
			ls, err := table.parse(b, map[int]bool{80: true})
			if err == nil && len(ls) > (len(b)-4)/table.rowSize {
				t.Errorf("%d listeners from %d bytes", len(ls), len(b))
			}
		}
	})
}

// With no wanted ports every row counts, and the exercise checker keeps the
// TCP listeners of the learner's processes, on whatever port they chose.
func TestOwnerTableEveryPortAndOwnedBy(t *testing.T) {
	all, err := tcp4Table.parse(tableBytes(tcp4Table, row{"0.0.0.0", 8888, 40, 2}, row{"127.0.0.1", 9000, 41, 2}, row{"127.0.0.1", 8888, 40, 5}), nil)
	if err != nil || len(all) != 2 {
		t.Fatalf("every port: got %+v, %v; want the 2 listening rows", all, err)
	}
	udp, _ := udp4Table.parse(tableBytes(udp4Table, row{"0.0.0.0", 8888, 40, 0}), nil)
	mine := tcpOwnedBy(append(all, udp...), []int{40, 7})
	if want := []Listener{{"tcp", "ipv4", "0.0.0.0", 8888, 40, ""}}; !reflect.DeepEqual(mine, want) {
		t.Errorf("owned by 40: got %+v, want %+v", mine, want)
	}
}
