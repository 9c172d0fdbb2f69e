package ports

import (
	"encoding/binary"
	"net/netip"
)

// The kernel's sock_diag structures (linux/inet_diag.h). netlink's own
// SocketDiagTCP asks for sockets in every state; a busy server has tens of
// thousands in TIME_WAIT, so netlearn builds the request itself and asks
// only for the states it wants, then reads the fixed-size replies.
const (
	sizeofDiagRequest = 56 // struct inet_diag_req_v2
	sizeofDiagMsg     = 72 // struct inet_diag_msg
)

// diagRequest is an inet_diag_req_v2 dumping one family and protocol,
// filtered by a bit mask of TCP states (1<<state).
type diagRequest struct {
	family, protocol uint8
	states           uint32
}

func (r *diagRequest) Len() int { return sizeofDiagRequest }

func (r *diagRequest) Serialize() []byte {
	b := make([]byte, sizeofDiagRequest)
	b[0], b[1] = r.family, r.protocol
	binary.NativeEndian.PutUint32(b[4:8], r.states)
	return b // the socket id stays zero: a dump ignores it
}

// diagSocket is what netlearn needs from one inet_diag_msg.
type diagSocket struct {
	state uint8
	addr  netip.Addr
	port  int
	inode uint32
}

// parseDiagMsg reads an inet_diag_msg: family, state, two bytes of timer
// info, the socket id (ports big-endian, addresses 16 bytes each), then
// expires, queues, uid and inode in host order.
func parseDiagMsg(b []byte) (diagSocket, bool) {
	if len(b) < sizeofDiagMsg {
		return diagSocket{}, false
	}
	var addr netip.Addr
	switch family := b[0]; family {
	case afInet:
		addr = netip.AddrFrom4([4]byte(b[8:12]))
	case afInet6:
		addr = netip.AddrFrom16([16]byte(b[8:24]))
	default:
		return diagSocket{}, false
	}
	return diagSocket{
		state: b[1],
		addr:  addr,
		port:  int(binary.BigEndian.Uint16(b[4:6])),
		inode: binary.NativeEndian.Uint32(b[68:72]),
	}, true
}
