package ports

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/netinfo/socktable"
)

// listeners asks the kernel's socket table for TCP listeners and
// unconnected UDP sockets (a UDP socket that waits for anyone is "closed"),
// keeps those on the wanted ports, and only then looks for their owners,
// because that reads /proc.
func listeners(want map[int]bool) ([]Listener, error) {
	var found []Listener
	owners := map[uint32][]int{} // socket inode -> indexes into found
	kinds := []struct {
		proto    string
		protocol socktable.Protocol
		state    socktable.State
	}{
		{"tcp", socktable.TCP, socktable.Listen},
		{"udp", socktable.UDP, socktable.Close},
	}
	for _, k := range kinds {
		socks, err := socktable.Sockets(k.protocol, k.state)
		if err != nil {
			return nil, fmt.Errorf("ports: %s: %w", k.proto, err)
		}
		for _, s := range socks {
			port := int(s.Local.Port())
			if !want[port] {
				continue
			}
			family := "ipv4"
			if s.IPv6 {
				family = "ipv6"
			}
			owners[s.Inode] = append(owners[s.Inode], len(found))
			found = append(found, Listener{Protocol: k.proto, Family: family, Address: s.Local.Addr().String(), Port: port})
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
