package ports

import (
	"errors"
	"fmt"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	iphlpapi                = windows.NewLazySystemDLL("iphlpapi.dll")
	procGetExtendedTcpTable = iphlpapi.NewProc("GetExtendedTcpTable")
	procGetExtendedUdpTable = iphlpapi.NewProc("GetExtendedUdpTable")
)

// Table classes (TCP_TABLE_CLASS, UDP_TABLE_CLASS).
const (
	tcpTableOwnerPIDListener = 3
	udpTableOwnerPID         = 1
)

// listeners asks the IP Helper API for the TCP listeners and UDP sockets
// with their owners' process ids, which needs no administrator (what
// `netstat -ano` shows), then names the processes.
func listeners(want map[int]bool) ([]Listener, error) {
	var found []Listener
	for _, t := range []struct {
		table ownerTable
		proc  *windows.LazyProc
		af    uintptr
		class uintptr
	}{
		{tcp4Table, procGetExtendedTcpTable, windows.AF_INET, tcpTableOwnerPIDListener},
		{tcp6Table, procGetExtendedTcpTable, windows.AF_INET6, tcpTableOwnerPIDListener},
		{udp4Table, procGetExtendedUdpTable, windows.AF_INET, udpTableOwnerPID},
		{udp6Table, procGetExtendedUdpTable, windows.AF_INET6, udpTableOwnerPID},
	} {
		buf, err := fetchTable(t.proc, t.af, t.class)
		if err != nil {
			return nil, fmt.Errorf("ports: %s: %w", t.proc.Name, err)
		}
		ls, err := t.table.parse(buf, want)
		if err != nil {
			return nil, err
		}
		found = append(found, ls...)
	}
	if len(found) > 0 {
		names := processNames()
		for i := range found {
			found[i].Process = names[uint32(found[i].PID)]
		}
	}
	return found, nil
}

// fetchTable calls GetExtendedTcpTable or GetExtendedUdpTable, growing the
// buffer as Windows asks (a bounded number of times: sockets come and go
// between two calls).
func fetchTable(proc *windows.LazyProc, af, class uintptr) ([]byte, error) {
	if err := proc.Find(); err != nil {
		return nil, ErrListenersUnsupported
	}
	size := uint32(16 * 1024)
	for range 4 {
		buf := make([]byte, size)
		r, _, _ := proc.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&size)), 0, af, class, 0)
		switch windows.Errno(r) {
		case windows.ERROR_SUCCESS:
			return buf, nil
		case windows.ERROR_INSUFFICIENT_BUFFER:
			continue
		}
		return nil, windows.Errno(r)
	}
	return nil, errors.New("the socket table kept growing")
}

// processNames maps every process id to its program's file name from a
// Toolhelp snapshot, which lists other users' processes too.
func processNames() map[uint32]string {
	names := map[uint32]string{}
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return names
	}
	defer windows.CloseHandle(snap)
	entry := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &entry); err == nil; err = windows.Process32Next(snap, &entry) {
		names[entry.ProcessID] = filepath.Base(windows.UTF16ToString(entry.ExeFile[:]))
	}
	return names
}
