package ports

import "golang.org/x/sys/unix"

// listenersOf dumps the TCP listeners over sock_diag, then reads only the
// given processes' fd tables, which is far cheaper than a scan of /proc.
func listenersOf(pids []int) ([]Listener, error) {
	var found []Listener
	inodes := map[uint32][]int{}
	for _, fam := range []uint8{afInet, afInet6} {
		socks, err := dumpSockets(fam, unix.IPPROTO_TCP, stateTCPListen)
		if err != nil {
			return nil, err
		}
		for _, s := range socks {
			if s.state != stateTCPListen {
				continue
			}
			inodes[s.inode] = append(inodes[s.inode], len(found))
			found = append(found, Listener{Protocol: "tcp", Family: familyName(fam), Address: s.addr.String(), Port: s.port})
		}
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
