package capture

import (
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// frameBuffer holds the largest frame on lo: its MTU is 65536, plus the
// Ethernet header. A smaller buffer would truncate big segments.
const frameBuffer = 65536 + 64

// socketBuffer is the kernel queue asked for: a burst of 64 KiB segments
// fills the default (about 200 KiB) in a few frames.
const socketBuffer = 32 << 20

// Supported says whether this OS can capture here.
const Supported = true

// Sniffer reads the frames of one interface from an AF_PACKET socket.
type Sniffer struct {
	fd      int
	stop    atomic.Bool
	buf     []byte
	oob     []byte
	packets uint64 // PACKET_STATISTICS, which resets on every read
	drops   uint64
}

// Open starts capturing on the interface called name (e.g. "lo"). It
// needs CAP_NET_RAW in the user namespace that owns the network namespace.
func Open(name string) (*Sniffer, error) {
	ifc, err := net.InterfaceByName(name)
	if err != nil {
		return nil, err
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		return nil, os.NewSyscallError("socket(AF_PACKET)", err)
	}
	s := &Sniffer{fd: fd, buf: make([]byte, frameBuffer), oob: make([]byte, 128)}
	if err := s.setup(ifc.Index); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return s, nil
}

func (s *Sniffer) setup(ifindex int) error {
	// Beyond net.core.rmem_max only with CAP_NET_ADMIN over the host:
	// the forced size is tried first, the capped one after.
	if unix.SetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, socketBuffer) != nil {
		_ = unix.SetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_RCVBUF, socketBuffer)
	}
	// lo hands every frame to AF_PACKET twice, leaving and arriving. The
	// kernel can skip the leaving copy (Linux 4.20+); older ones mark it
	// PACKET_OUTGOING and Next skips it, as libpcap does.
	_ = unix.SetsockoptInt(s.fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	if err := unix.SetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1); err != nil {
		return os.NewSyscallError("setsockopt(SO_TIMESTAMPNS)", err)
	}
	// Reads wake up this often to see whether Stop was called: the cost
	// of stopping.
	tv := unix.NsecToTimeval(int64(5 * time.Millisecond))
	if err := unix.SetsockoptTimeval(s.fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		return os.NewSyscallError("setsockopt(SO_RCVTIMEO)", err)
	}
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifindex}
	return os.NewSyscallError("bind(AF_PACKET)", unix.Bind(s.fd, sa))
}

// Next returns the next frame that arrived on the interface (never the
// outgoing copy) and the kernel's time for it. The frame is valid until
// the next call. After Stop, it drains what the kernel still holds, then
// returns ErrStopped.
func (s *Sniffer) Next() ([]byte, time.Time, error) {
	for {
		n, oobn, flags, from, err := unix.Recvmsg(s.fd, s.buf, s.oob, 0)
		switch {
		case err == unix.EAGAIN || err == unix.EINTR:
			if s.stop.Load() {
				return nil, time.Time{}, ErrStopped
			}
			continue
		case err != nil:
			return nil, time.Time{}, os.NewSyscallError("recvmsg", err)
		case flags&unix.MSG_TRUNC != 0:
			return nil, time.Time{}, fmt.Errorf("frame larger than %d bytes", len(s.buf))
		}
		if ll, ok := from.(*unix.SockaddrLinklayer); ok && ll.Pkttype == unix.PACKET_OUTGOING {
			continue
		}
		return s.buf[:n], stamp(s.oob[:oobn]), nil
	}
}

// stamp is the SO_TIMESTAMPNS time of a frame, or now if it has none.
func stamp(oob []byte) time.Time {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return time.Now()
	}
	for _, m := range msgs {
		if m.Header.Level == unix.SOL_SOCKET && m.Header.Type == unix.SCM_TIMESTAMPNS && len(m.Data) >= 16 {
			ts := *(*unix.Timespec)(unsafePointer(m.Data))
			return time.Unix(ts.Unix())
		}
	}
	return time.Now()
}

// Stop makes Next return ErrStopped once the frames queued so far are read.
func (s *Sniffer) Stop() { s.stop.Store(true) }

// Stats returns the counts since Open (PACKET_STATISTICS).
func (s *Sniffer) Stats() (Stats, error) {
	st, err := unix.GetsockoptTpacketStats(s.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
	if err != nil {
		return Stats{}, os.NewSyscallError("getsockopt(PACKET_STATISTICS)", err)
	}
	// Reading the counters resets them in the kernel: keep the sums.
	s.packets += uint64(st.Packets)
	s.drops += uint64(st.Drops)
	return Stats{Packets: s.packets, Drops: s.drops}, nil
}

// Close releases the socket.
func (s *Sniffer) Close() error { return unix.Close(s.fd) }

func htons(v uint16) uint16 { return v<<8 | v>>8 }
