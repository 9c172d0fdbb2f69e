package ports

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"slices"
)

// ownerTable describes one of the tables Windows' GetExtendedTcpTable and
// GetExtendedUdpTable fill in (iprtrmib.h, tcpmib.h, udpmib.h): a DWORD
// row count, then fixed-size rows. The layout is kept here, apart from the
// Windows calls, so that it is tested on every OS.
type ownerTable struct {
	Protocol string // "tcp" or "udp"
	IPv6     bool
	rowSize  int
	addrAt   int // local address (4 or 16 bytes)
	portAt   int // local port: a DWORD whose first two bytes are the port, big-endian
	pidAt    int // owning process id
	stateAt  int // TCP state, -1 for UDP
}

// The four row layouts: MIB_TCPROW_OWNER_PID, MIB_TCP6ROW_OWNER_PID,
// MIB_UDPROW_OWNER_PID and MIB_UDP6ROW_OWNER_PID.
var (
	tcp4Table = ownerTable{Protocol: "tcp", rowSize: 24, addrAt: 4, portAt: 8, pidAt: 20, stateAt: 0}
	tcp6Table = ownerTable{Protocol: "tcp", IPv6: true, rowSize: 56, addrAt: 0, portAt: 20, pidAt: 52, stateAt: 48}
	udp4Table = ownerTable{Protocol: "udp", rowSize: 12, addrAt: 0, portAt: 4, pidAt: 8, stateAt: -1}
	udp6Table = ownerTable{Protocol: "udp", IPv6: true, rowSize: 28, addrAt: 0, portAt: 20, pidAt: 24, stateAt: -1}
)

// mibTCPStateListen is MIB_TCP_STATE_LISTEN.
const mibTCPStateListen = 2

// parse reads the rows of buf on the wanted ports (every port when want is
// nil): TCP sockets in LISTEN and every bound UDP socket (Windows does not
// tell connected ones apart). Process names are filled in later.
func (t ownerTable) parse(buf []byte, want map[int]bool) ([]Listener, error) {
	if len(buf) < 4 {
		return nil, fmt.Errorf("ports: %s table of %d bytes", t.Protocol, len(buf))
	}
	n := int(binary.LittleEndian.Uint32(buf))
	if n < 0 || n > (len(buf)-4)/t.rowSize {
		return nil, fmt.Errorf("ports: %s table claims %d rows in %d bytes", t.Protocol, n, len(buf))
	}
	family := "ipv4"
	if t.IPv6 {
		family = "ipv6"
	}
	var out []Listener
	for i := range n {
		row := buf[4+i*t.rowSize : 4+(i+1)*t.rowSize]
		port := int(binary.BigEndian.Uint16(row[t.portAt:]))
		if (want != nil && !want[port]) || (t.stateAt >= 0 && binary.LittleEndian.Uint32(row[t.stateAt:]) != mibTCPStateListen) {
			continue
		}
		out = append(out, Listener{
			Protocol: t.Protocol, Family: family, Address: t.addr(row).String(), Port: port,
			PID: int(binary.LittleEndian.Uint32(row[t.pidAt:])),
		})
	}
	return out, nil
}

func (t ownerTable) addr(row []byte) netip.Addr {
	if t.IPv6 {
		return netip.AddrFrom16([16]byte(row[t.addrAt : t.addrAt+16]))
	}
	return netip.AddrFrom4([4]byte(row[t.addrAt : t.addrAt+4]))
}

// tcpOwnedBy keeps the TCP listeners that one of pids holds.
func tcpOwnedBy(all []Listener, pids []int) []Listener {
	var mine []Listener
	for _, l := range all {
		if l.Protocol == "tcp" && slices.Contains(pids, l.PID) {
			mine = append(mine, l)
		}
	}
	return mine
}
