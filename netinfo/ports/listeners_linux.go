package ports

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// Socket states as the kernel reports them through sock_diag. A TCP
// listener is in LISTEN; a UDP socket that waits for anyone is "closed"
// (unconnected), while a connected UDP socket is "established".
const (
	stateTCPListen      = 10
	stateUDPUnconnected = 7

	afInet  = unix.AF_INET
	afInet6 = unix.AF_INET6
)

// listeners asks the kernel over netlink sock_diag (what `ss` uses) for
// TCP listeners and unconnected UDP sockets, keeps those on the wanted
// ports, and only then looks for their owners, because that reads /proc.
func listeners(want map[int]bool) ([]Listener, error) {
	var found []Listener
	owners := map[uint32][]int{} // socket inode -> indexes into found
	kinds := []struct {
		proto    string
		protocol uint8
		state    uint8
	}{
		{"tcp", unix.IPPROTO_TCP, stateTCPListen},
		{"udp", unix.IPPROTO_UDP, stateUDPUnconnected},
	}
	for _, k := range kinds {
		for _, fam := range []uint8{afInet, afInet6} {
			socks, err := dumpSockets(fam, k.protocol, k.state)
			if err != nil {
				return nil, fmt.Errorf("ports: sock_diag %s: %w", k.proto, err)
			}
			for _, s := range socks {
				if s.state != k.state || !want[s.port] {
					continue
				}
				owners[s.inode] = append(owners[s.inode], len(found))
				found = append(found, Listener{Protocol: k.proto, Family: familyName(fam), Address: s.addr.String(), Port: s.port})
			}
		}
	}
	if len(owners) > 0 {
		for inode, pid := range socketOwners(owners) {
			for _, i := range owners[inode] {
				found[i].PID, found[i].Process = pid, processName(pid)
			}
		}
	}
	return found, nil
}

// dumpSockets asks for every socket of one family and protocol in state.
// A dump the kernel marks interrupted (the table changed meanwhile) is
// still used: listeners rarely come and go during it.
func dumpSockets(family, protocol, state uint8) ([]diagSocket, error) {
	req := nl.NewNetlinkRequest(nl.SOCK_DIAG_BY_FAMILY, unix.NLM_F_DUMP)
	req.AddData(&diagRequest{family: family, protocol: protocol, states: 1 << state})
	var socks []diagSocket
	err := req.ExecuteIter(unix.NETLINK_INET_DIAG, nl.SOCK_DIAG_BY_FAMILY, func(msg []byte) bool {
		if s, ok := parseDiagMsg(msg); ok {
			socks = append(socks, s)
		}
		return true
	})
	if err != nil && !errors.Is(err, nl.ErrDumpInterrupted) {
		return nil, err
	}
	return socks, nil
}

func familyName(fam uint8) string {
	if fam == unix.AF_INET6 {
		return "ipv6"
	}
	return "ipv4"
}

// socketOwners maps socket inodes to the pid holding them by reading the
// /proc/PID/fd links this user may read. It stops as soon as every inode is
// found. A socket shared by several processes (after fork) goes to the
// first one found.
func socketOwners(inodes map[uint32][]int) map[uint32]int {
	owner := make(map[uint32]int, len(inodes))
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return owner
	}
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil {
			continue
		}
		if ownedSockets(pid, inodes, owner) && len(owner) == len(inodes) {
			break
		}
	}
	return owner
}

// ownedSockets records in owner the wanted sockets that pid holds and
// reports whether it found any.
func ownedSockets(pid int, inodes map[uint32][]int, owner map[uint32]int) bool {
	dir := "/proc/" + strconv.Itoa(pid) + "/fd/"
	fds, err := os.ReadDir(dir)
	if err != nil {
		return false // gone, or another user's: not ours to see
	}
	found := false
	for _, fd := range fds {
		link, err := os.Readlink(dir + fd.Name())
		if err != nil {
			continue
		}
		inode, ok := socketInode(link)
		if _, wanted := inodes[inode]; ok && wanted {
			if _, seen := owner[inode]; !seen {
				owner[inode] = pid
				found = true
			}
		}
	}
	return found
}

// socketInode reads the inode out of an fd link such as "socket:[12345]".
func socketInode(link string) (uint32, bool) {
	rest, ok := strings.CutPrefix(link, "socket:[")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(strings.TrimSuffix(rest, "]"), 10, 32)
	return uint32(n), err == nil
}

func processName(pid int) string {
	comm, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(comm))
}
