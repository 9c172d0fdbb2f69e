package probe

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
)

// ModeWindowsAPI asks Windows' own ping service (IcmpSendEcho2 and
// Icmp6SendEcho2 in iphlpapi.dll), the way ping.exe does: no administrator
// is needed.
const ModeWindowsAPI Mode = "windows-api"

// Status values of an ICMP echo reply from the IP Helper API (ipexport.h).
const (
	ipSuccess     = 0
	ipReqTimedOut = 11010
	// Every IP_* status lies in (ipStatusBase, ipStatusLast].
	ipStatusBase = 11000
	ipStatusLast = 11050
)

// echoReply is what the IP Helper API says about one answer.
type echoReply struct {
	From   netip.Addr
	Status uint32
	TTL    int // 0: not reported (ICMPv6 replies carry no options)
	Bytes  int // ICMP message size: 8 header bytes plus the payload
}

// errShortReply means a reply buffer is smaller than the structure the
// API promised to write into it.
var errShortReply = errors.New("echo reply buffer too short")

// parseEchoReply4 reads the first ICMP_ECHO_REPLY in buf, as laid out by a
// process whose pointers are ptrSize bytes: Address, Status,
// RoundTripTime, DataSize, Reserved, Data (a pointer), then the reply's
// IP_OPTION_INFORMATION, whose first byte is the TTL of the reply packet.
func parseEchoReply4(buf []byte, ptrSize int) (echoReply, error) {
	optionsAt := 16 + ptrSize // Data is pointer-aligned right after the 16 bytes of fixed fields
	if len(buf) < optionsAt+1 {
		return echoReply{}, errShortReply
	}
	return echoReply{
		From:   netip.AddrFrom4([4]byte(buf[0:4])),
		Status: binary.LittleEndian.Uint32(buf[4:8]),
		TTL:    int(buf[optionsAt]),
		Bytes:  8 + int(binary.LittleEndian.Uint16(buf[12:14])),
	}, nil
}

// parseEchoReply6 reads an ICMPV6_ECHO_REPLY: a packed IPV6_ADDRESS_EX
// (port 2, flowinfo 4, address 16, scope id 4 bytes) then Status at the
// next 4-byte boundary. There is no TTL and no data size: the payload is
// echoed back whole, so payload is how long it is.
func parseEchoReply6(buf []byte, payload int) (echoReply, error) {
	if len(buf) < 32 {
		return echoReply{}, errShortReply
	}
	return echoReply{
		From:   netip.AddrFrom16([16]byte(buf[6:22])),
		Status: binary.LittleEndian.Uint32(buf[28:32]),
		Bytes:  8 + payload,
	}, nil
}

// echoStatusError turns a reply or call status into an error: nil for
// success, errEchoTimedOut for silence (the tracker counts the loss), and
// otherwise the router's or stack's complaint, e.g. "destination host
// unreachable".
func echoStatusError(status uint32) error {
	switch status {
	case ipSuccess:
		return nil
	case ipReqTimedOut:
		return errEchoTimedOut
	}
	text, ok := echoStatusText[status]
	if !ok {
		text = fmt.Sprintf("ICMP error (status %d)", status)
	}
	return &EchoStatusError{Status: status, Text: text}
}

var errEchoTimedOut = errors.New("request timed out")

// EchoStatusError is a non-success status from Windows' ping service.
type EchoStatusError struct {
	Status uint32
	Text   string
}

func (e *EchoStatusError) Error() string { return e.Text }

// echoStatusText names the IP_* statuses of ipexport.h that an echo can
// end with.
var echoStatusText = map[uint32]string{
	11001: "reply buffer too small",
	11002: "destination net unreachable",
	11003: "destination host unreachable",
	11004: "destination protocol unreachable",
	11005: "destination port unreachable",
	11006: "no resources",
	11007: "bad option",
	11008: "hardware error",
	11009: "packet too big",
	11011: "bad request",
	11012: "bad route",
	11013: "time to live exceeded in transit",
	11014: "time to live exceeded during reassembly",
	11015: "parameter problem",
	11016: "source quench",
	11017: "option too big",
	11018: "bad destination",
	11050: "general failure",
}
