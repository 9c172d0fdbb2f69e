package sockdemo

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"net/netip"
	"strconv"
	"strings"
)

// Tracer reports the kernel's TCP state of the socket with the given local
// and remote addresses ("ip:port"; remote "" for a listening socket).
type Tracer interface {
	State(local, remote string) string
}

// ErrTraceUnavailable means this OS offers no way to read TCP states here.
var ErrTraceUnavailable = errors.New("kernel TCP state tracing is only available on Linux")

// tcpStates are the kernel's state numbers (include/net/tcp_states.h), as
// printed in hex in /proc/net/tcp.
var tcpStates = map[uint64]string{
	1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1", 5: "FIN_WAIT2",
	6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT", 9: "LAST_ACK", 10: "LISTEN", 11: "CLOSING",
}

// TCPEntry is one line of /proc/net/tcp or /proc/net/tcp6.
type TCPEntry struct {
	Local  netip.AddrPort
	Remote netip.AddrPort
	State  string
}

// ParseProcNetTCP reads the table format of /proc/net/tcp and tcp6. Lines
// that do not parse are skipped: the table is the kernel's, the caller only
// looks up its own sockets.
func ParseProcNetTCP(r io.Reader) ([]TCPEntry, error) {
	var entries []TCPEntry
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if e, ok := parseProcLine(sc.Text()); ok {
			entries = append(entries, e)
		}
	}
	return entries, sc.Err()
}

// parseProcLine parses "  sl  local_address rem_address   st ...".
func parseProcLine(line string) (TCPEntry, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasSuffix(f[0], ":") {
		return TCPEntry{}, false
	}
	local, ok1 := parseProcAddr(f[1])
	remote, ok2 := parseProcAddr(f[2])
	st, err := strconv.ParseUint(f[3], 16, 8)
	name, known := tcpStates[st]
	if !ok1 || !ok2 || err != nil || !known {
		return TCPEntry{}, false
	}
	return TCPEntry{Local: local, Remote: remote, State: name}, true
}

// parseProcAddr parses "0100007F:1F90": the port in plain hex, and the
// address as the kernel prints it: each 32-bit word of the address read in
// the machine's own byte order and printed as a hex number.
func parseProcAddr(s string) (netip.AddrPort, bool) {
	return parseProcAddrOrder(s, binary.NativeEndian)
}

// parseProcAddrOrder is parseProcAddr for a kernel with the given byte
// order, so both orders can be tested on one machine.
func parseProcAddrOrder(s string, order binary.ByteOrder) (netip.AddrPort, bool) {
	hexIP, hexPort, ok := strings.Cut(s, ":")
	if !ok {
		return netip.AddrPort{}, false
	}
	raw, err := hex.DecodeString(hexIP)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, false
	}
	port, err := strconv.ParseUint(hexPort, 16, 16)
	if err != nil {
		return netip.AddrPort{}, false
	}
	// The printed number, put back into memory the way the kernel held it,
	// gives the address bytes in network order.
	for i := 0; i < len(raw); i += 4 {
		order.PutUint32(raw[i:], binary.BigEndian.Uint32(raw[i:]))
	}
	ip, _ := netip.AddrFromSlice(raw)
	return netip.AddrPortFrom(ip.Unmap(), uint16(port)), true
}

// findState looks up a socket in a parsed table. remote "" matches a
// listening socket (remote address all zeros).
func findState(entries []TCPEntry, local, remote string) string {
	l, err := netip.ParseAddrPort(local)
	if err != nil {
		return ""
	}
	var r netip.AddrPort
	if remote != "" {
		if r, err = netip.ParseAddrPort(remote); err != nil {
			return ""
		}
	}
	l, r = unmapAddrPort(l), unmapAddrPort(r)
	for _, e := range entries {
		if e.Local != l {
			continue
		}
		if (remote == "" && e.State == "LISTEN") || (remote != "" && e.Remote == r) {
			return e.State
		}
	}
	return ""
}

func unmapAddrPort(ap netip.AddrPort) netip.AddrPort {
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
}
