package probe

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The IP Helper API's ping service, loaded from System32 only.
var (
	iphlpapi            = windows.NewLazySystemDLL("iphlpapi.dll")
	procIcmpCreateFile  = iphlpapi.NewProc("IcmpCreateFile")
	procIcmp6CreateFile = iphlpapi.NewProc("Icmp6CreateFile")
	procIcmpSendEcho2   = iphlpapi.NewProc("IcmpSendEcho2")
	procIcmp6SendEcho2  = iphlpapi.NewProc("Icmp6SendEcho2")
	procIcmpCloseHandle = iphlpapi.NewProc("IcmpCloseHandle")
)

// maxEchoAPISize is the largest payload IcmpSendEcho2 sends.
const maxEchoAPISize = 65500

// ipOptionInformation is IP_OPTION_INFORMATION: the request's TTL.
type ipOptionInformation struct {
	TTL, TOS, Flags, OptionsSize uint8
	OptionsData                  uintptr
}

// runMode runs one mode: Windows' ping service, or pro-bing's raw socket.
func runMode(ctx context.Context, req Request, h Hooks, m Mode) (opened bool, err error) {
	if m == ModeWindowsAPI {
		return runEchoAPI(ctx, req, h)
	}
	return runProbingMode(ctx, req, h, m)
}

// runEchoAPI sends each request with a blocking IcmpSendEcho2 (or
// Icmp6SendEcho2) call in its own goroutine. Such a call cannot be
// cancelled, so when ctx ends the hooks are shut off at once and the
// calls finish on their own within req.Timeout; the handle is closed
// after the last one.
func runEchoAPI(ctx context.Context, req Request, h Hooks) (opened bool, err error) {
	// The service could send less than MinSize, but every mode takes the
	// same sizes; above 65500 bytes IcmpSendEcho2 fails.
	if req.Size < MinSize || req.Size > maxEchoAPISize {
		return false, fmt.Errorf("a payload of %d bytes: Windows' ping service sends %d to %d", req.Size, MinSize, maxEchoAPISize)
	}
	handle, err := openEchoHandle(!req.Addr.Unmap().Is4())
	if err != nil {
		return false, fmt.Errorf("%w: %v", errModeUnavailable, err)
	}
	gate := &hookGate{}
	h.Ready(ModeWindowsAPI)
	payload := make([]byte, max(req.Size, 1)) // never empty: the API is given its address
	for i := range payload {
		payload[i] = byte('a' + i%23) // what ping.exe sends
	}
	var wg sync.WaitGroup
	sendEvery(ctx, req, &wg, h.Sent, func(seq int) {
		reply, rtt, err := echoOnce(handle, req, payload)
		gate.run(func() { report(h, seq, reply, rtt, err) })
	})
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		procIcmpCloseHandle.Call(uintptr(handle))
		close(finished)
	}()
	select {
	case <-finished:
	case <-ctx.Done():
	}
	gate.close()
	return true, nil
}

func report(h Hooks, seq int, r echoReply, rtt time.Duration, err error) {
	switch {
	case errors.Is(err, errEchoTimedOut):
		// Silence: the tracker reports the loss.
	case err != nil:
		h.Failed(seq, err)
	default:
		h.Reply(NewReply(seq, r.TTL, r.Bytes, rtt))
	}
}

func openEchoHandle(v6 bool) (windows.Handle, error) {
	proc := procIcmpCreateFile
	if v6 {
		proc = procIcmp6CreateFile
	}
	if err := proc.Find(); err != nil {
		return 0, err
	}
	h, _, err := proc.Call()
	if windows.Handle(h) == windows.InvalidHandle {
		return 0, err
	}
	return windows.Handle(h), nil
}

// echoOnce sends one echo request and waits up to req.Timeout for its
// reply. The round trip is measured here: the API's own is in whole
// milliseconds, 0 for every loopback ping.
func echoOnce(handle windows.Handle, req Request, payload []byte) (echoReply, time.Duration, error) {
	opts := ipOptionInformation{TTL: uint8(req.TTL)}
	// Room for the reply structure, the echoed data, an ICMP error
	// message and the IO_STATUS_BLOCK the API appends.
	buf := make([]byte, 64+req.Size+8+16+64)
	timeout := uintptr(max(req.Timeout.Milliseconds(), 1))
	start := time.Now()
	var n uintptr
	var callErr error
	if addr := req.Addr.Unmap(); addr.Is4() {
		ip := addr.As4()
		n, _, callErr = procIcmpSendEcho2.Call(uintptr(handle), 0, 0, 0,
			uintptr(*(*uint32)(unsafe.Pointer(&ip[0]))), // IPAddr: the four bytes in network order
			uintptr(unsafe.Pointer(&payload[0])), uintptr(req.Size),
			uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), timeout)
	} else {
		src := windows.RawSockaddrInet6{Family: windows.AF_INET6}
		dst := windows.RawSockaddrInet6{Family: windows.AF_INET6, Addr: addr.As16(), Scope_id: zoneIndex(addr.Zone())}
		n, _, callErr = procIcmp6SendEcho2.Call(uintptr(handle), 0, 0, 0,
			uintptr(unsafe.Pointer(&src)), uintptr(unsafe.Pointer(&dst)),
			uintptr(unsafe.Pointer(&payload[0])), uintptr(req.Size),
			uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), timeout)
	}
	rtt := time.Since(start)
	if n == 0 {
		return echoReply{}, rtt, callError(callErr)
	}
	var r echoReply
	var err error
	if req.Addr.Unmap().Is4() {
		r, err = parseEchoReply4(buf, int(unsafe.Sizeof(uintptr(0))))
	} else {
		r, err = parseEchoReply6(buf, req.Size)
	}
	if err == nil {
		err = echoStatusError(r.Status)
	}
	return r, rtt, err
}

// callError turns the error of a call that returned no reply into a
// status error: Windows reports a timeout that way (IP_REQ_TIMED_OUT).
func callError(err error) error {
	var errno windows.Errno
	if errors.As(err, &errno) && uint32(errno) > ipStatusBase && uint32(errno) <= ipStatusLast {
		return echoStatusError(uint32(errno))
	}
	return err
}

// zoneIndex turns an IPv6 zone (an interface name or number) into the
// scope id the API wants; 0 lets Windows choose.
func zoneIndex(zone string) uint32 {
	if zone == "" {
		return 0
	}
	if n, err := strconv.ParseUint(zone, 10, 32); err == nil {
		return uint32(n)
	}
	if ifi, err := net.InterfaceByName(zone); err == nil {
		return uint32(ifi.Index)
	}
	return 0
}

// hookGate passes hook calls on until it is closed, then drops them, so a
// request still waiting inside Windows cannot report after Ping returned.
type hookGate struct {
	mu     sync.Mutex
	closed bool
}

func (g *hookGate) run(f func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closed {
		f()
	}
}

func (g *hookGate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}
