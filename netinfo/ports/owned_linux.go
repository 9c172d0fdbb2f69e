package ports

import "github.com/netlearn/netlearn/netinfo/socktable"

// listenersOf reads the TCP listeners from the kernel's socket table, then
// only the given processes' fd tables, which is far cheaper than a scan of
// /proc.
func listenersOf(pids []int) ([]Listener, error) {
	socks, err := socktable.Sockets(socktable.TCP, socktable.Listen)
	if err != nil {
		return nil, err
	}
	var found []Listener
	inodes := map[uint32][]int{}
	for _, s := range socks {
		family := "ipv4"
		if s.IPv6 {
			family = "ipv6"
		}
		inodes[s.Inode] = append(inodes[s.Inode], len(found))
		found = append(found, Listener{Protocol: "tcp", Family: family, Address: s.Local.Addr().String(), Port: int(s.Local.Port())})
	}
	owner := map[uint32]int{}
	for _, pid := range pids {
		ownedSockets(pid, inodes, owner)
	}
	var mine []Listener
	for inode, pid := range owner {
		for _, i := range inodes[inode] {
			l := found[i]
			l.PID, l.Process = pid, processName(pid)
			mine = append(mine, l)
		}
	}
	return mine, nil
}
