package socktable

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"

	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// The kernel's sock_diag structures (linux/inet_diag.h). netlink's own
// SocketDiagTCP asks for sockets in every state; socktable builds the
// request itself to ask only for the states wanted, then reads the
// fixed-size replies.
const (
	sizeofDiagRequest = 56 // struct inet_diag_req_v2
	sizeofDiagMsg     = 72 // struct inet_diag_msg
)

// diagRequest is an inet_diag_req_v2 dumping one family and protocol,
// filtered by a bit mask of states (1<<state).
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

// parseDiagMsg reads an inet_diag_msg: family, state, two bytes of timer
// info, the socket id (ports big-endian, addresses 16 bytes each), then
// expires, queues, uid and inode in host order.
func parseDiagMsg(b []byte) (Socket, bool) {
	if len(b) < sizeofDiagMsg {
		return Socket{}, false
	}
	var local, remote netip.Addr
	switch family := b[0]; family {
	case unix.AF_INET:
		local, remote = netip.AddrFrom4([4]byte(b[8:12])), netip.AddrFrom4([4]byte(b[24:28]))
	case unix.AF_INET6:
		local, remote = netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
	default:
		return Socket{}, false
	}
	return Socket{
		IPv6:   b[0] == unix.AF_INET6,
		State:  State(b[1]),
		Local:  netip.AddrPortFrom(local, binary.BigEndian.Uint16(b[4:6])),
		Remote: netip.AddrPortFrom(remote, binary.BigEndian.Uint16(b[6:8])),
		Inode:  binary.NativeEndian.Uint32(b[68:72]),
	}, true
}

// dump asks for the sockets of protocol in the states of mask, both
// families. A dump the kernel marks interrupted (the table changed
// meanwhile) is still used.
func dump(protocol Protocol, mask uint32) ([]Socket, error) {
	var socks []Socket
	for _, family := range []uint8{unix.AF_INET, unix.AF_INET6} {
		req := nl.NewNetlinkRequest(nl.SOCK_DIAG_BY_FAMILY, unix.NLM_F_DUMP)
		req.AddData(&diagRequest{family: family, protocol: uint8(protocol), states: mask})
		err := req.ExecuteIter(unix.NETLINK_INET_DIAG, nl.SOCK_DIAG_BY_FAMILY, func(msg []byte) bool {
			if s, ok := parseDiagMsg(msg); ok && mask&(1<<s.State) != 0 {
				socks = append(socks, s)
			}
			return true
		})
		if err != nil && !errors.Is(err, nl.ErrDumpInterrupted) {
			return nil, fmt.Errorf("sock_diag: %w", err)
		}
	}
	return socks, nil
}
