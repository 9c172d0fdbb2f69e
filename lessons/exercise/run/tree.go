//go:build unix

package run

// inTree keeps the processes of the program rooted at root: those in its
// process group (whose id is root's pid) and every descendant by parent
// link. ids gives a process's pid, parent pid and process group.
func inTree[T any](root int, all []T, ids func(T) (pid, ppid, pgrp int)) []T {
	in := map[int]bool{}
	for _, p := range all {
		if pid, _, pgrp := ids(p); pid == root || pgrp == root {
			in[pid] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for _, p := range all {
			if pid, ppid, _ := ids(p); !in[pid] && in[ppid] {
				in[pid], grew = true, true
			}
		}
	}
	var out []T
	for _, p := range all {
		if pid, _, _ := ids(p); in[pid] {
			out = append(out, p)
		}
	}
	return out
}
