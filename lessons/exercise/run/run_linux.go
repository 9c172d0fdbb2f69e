package run

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }

// wrapArgv runs the program as it is: Linux limits are set on the started
// process with prlimit(2) instead (see started).
func wrapArgv(spec Spec) []string { return spec.Argv }

var subreaper sync.Once

// started sets the limits on the running process. prlimit(2) leaves the
// program a few microseconds without them, which is harmless for limits
// against runaway loops and memory, and needs no wrapper process that
// would show in the learner's process list and tracebacks.
func started(cmd *exec.Cmd, spec Spec, mark string) sysProc {
	becomeSubreaper()
	pid := cmd.Process.Pid
	if spec.CPULimit > 0 {
		secs := uint64(spec.CPULimit.Seconds() + 0.999)
		_ = unix.Prlimit(pid, unix.RLIMIT_CPU, &unix.Rlimit{Cur: secs, Max: secs + 1}, nil)
	}
	if spec.MemoryLimit > 0 {
		_ = unix.Prlimit(pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: spec.MemoryLimit, Max: spec.MemoryLimit}, nil)
	}
	return sysProc{mark: markEnv + "=" + mark}
}

// becomeSubreaper makes netlearn the "subreaper" of what it starts: a
// process the learner's program forks and abandons is re-parented to
// netlearn instead of init, so the sweep in kill still finds it through its
// parent links.
func becomeSubreaper() {
	subreaper.Do(func() { _ = unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) })
}

type procStat struct {
	pid, ppid, pgrp int
	cpuTicks        int64
	zombie          bool
}

// readStat parses /proc/PID/stat. The command name in parentheses may hold
// spaces and parentheses, so fields are counted after the last ')'.
func readStat(pid int) (procStat, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return procStat{}, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return procStat{}, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 15 {
		return procStat{}, false
	}
	st := procStat{pid: pid, zombie: f[0] == "Z"}
	st.ppid, _ = strconv.Atoi(f[1])
	st.pgrp, _ = strconv.Atoi(f[2])
	for _, k := range f[11:15] { // utime stime cutime cstime
		n, _ := strconv.ParseInt(k, 10, 64)
		st.cpuTicks += n
	}
	return st, true
}

func allStats() []procStat {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []procStat
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, ok := readStat(pid); ok {
			out = append(out, st)
		}
	}
	return out
}

// treeStats returns the live processes of the program rooted at root:
// those in its process group and all descendants by parent link.
func treeStats(root int) []procStat {
	return inTree(root, allStats(), func(st procStat) (int, int, int) { return st.pid, st.ppid, st.pgrp })
}

func (sysProc) tree(cmd *exec.Cmd) []int {
	var pids []int
	for _, st := range treeStats(cmd.Process.Pid) {
		if !st.zombie {
			pids = append(pids, st.pid)
		}
	}
	return pids
}

// sysProc remembers the environment entry that marks the program's
// processes.
type sysProc struct{ mark string }

// strays finds live processes that carry the program's mark but are in
// neither its group nor its tree.
func (s sysProc) strays(cmd *exec.Cmd) []int {
	var pids []int
	for _, st := range allStats() {
		if st.zombie || st.pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile("/proc/" + strconv.Itoa(st.pid) + "/environ")
		if err == nil && slices.Contains(strings.Split(string(env), "\x00"), s.mark) {
			pids = append(pids, st.pid)
		}
	}
	return pids
}

// USER_HZ: /proc reports CPU times in these ticks on every Linux.
const clockTicks = 100

func (sysProc) cpuTime(cmd *exec.Cmd) time.Duration {
	var ticks int64
	for _, st := range treeStats(cmd.Process.Pid) {
		ticks += st.cpuTicks
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// reapOrphans collects the exit status of killed processes that were
// re-parented to netlearn, so they do not stay as zombies. The program's
// own process is left to exec.Cmd.Wait.
func reapOrphans(root int, pids []int) {
	for _, st := range treeStats(root) {
		if st.zombie {
			pids = append(pids, st.pid)
		}
	}
	deadline := time.Now().Add(GracePeriod)
	for _, pid := range pids {
		if pid == root {
			continue
		}
		for time.Now().Before(deadline) {
			var ws unix.WaitStatus
			n, err := unix.Wait4(pid, &ws, unix.WNOHANG, nil)
			if n == pid || err != nil {
				break // reaped, or not our child: its parent reaps it
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}

// socketCount counts the sockets the program's processes hold open.
func (sysProc) socketCount(cmd *exec.Cmd) int {
	n := 0
	for _, st := range treeStats(cmd.Process.Pid) {
		dir := "/proc/" + strconv.Itoa(st.pid) + "/fd/"
		fds, _ := os.ReadDir(dir)
		for _, fd := range fds {
			if link, err := os.Readlink(dir + fd.Name()); err == nil && strings.HasPrefix(link, "socket:[") {
				n++
			}
		}
	}
	return n
}
