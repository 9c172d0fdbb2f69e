//go:build unix && !linux

package run

import (
	"bufio"
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func setDeathSignal(*syscall.SysProcAttr) {}

// wrapArgv starts the program through sh, which sets the limits and then
// replaces itself with the program: macOS has no prlimit(2) to set them
// from outside. RLIMIT_AS is not enforced by every macOS release, so its
// failure is ignored.
func wrapArgv(spec Spec) []string {
	if spec.CPULimit <= 0 && spec.MemoryLimit == 0 {
		return spec.Argv
	}
	script := ""
	if spec.CPULimit > 0 {
		script += "ulimit -t " + strconv.Itoa(int(spec.CPULimit.Seconds()+0.999)) + " 2>/dev/null; "
	}
	if spec.MemoryLimit > 0 {
		script += "ulimit -v " + strconv.FormatUint(spec.MemoryLimit/1024, 10) + " 2>/dev/null; "
	}
	return append([]string{"/bin/sh", "-c", script + `exec "$0" "$@"`}, spec.Argv...)
}

func started(*exec.Cmd, Spec, string) sysProc { return sysProc{} }

type sysProc struct{}

// strays: macOS does not show other processes' environments without
// privileges; the group and the parent links are all there is.
func (sysProc) strays(*exec.Cmd) []int { return nil }

type psRow struct {
	pid, ppid, pgid int
	cpu             time.Duration
}

// psRows asks ps for every process; macOS has no /proc.
func psRows() []psRow {
	out, err := exec.Command("ps", "-A", "-o", "pid=,ppid=,pgid=,time=").Output()
	if err != nil {
		return nil
	}
	var rows []psRow
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 {
			continue
		}
		var r psRow
		r.pid, _ = strconv.Atoi(f[0])
		r.ppid, _ = strconv.Atoi(f[1])
		r.pgid, _ = strconv.Atoi(f[2])
		r.cpu = parsePsTime(f[3])
		rows = append(rows, r)
	}
	return rows
}

// parsePsTime reads ps's "[[dd-]hh:]mm:ss.cc".
func parsePsTime(s string) time.Duration {
	var total time.Duration
	for _, part := range strings.Split(s, ":") {
		v, _ := strconv.ParseFloat(part, 64)
		total = total*60 + time.Duration(v*float64(time.Second))
	}
	return total
}

func treeRows(root int) []psRow {
	return inTree(root, psRows(), func(r psRow) (int, int, int) { return r.pid, r.ppid, r.pgid })
}

func (sysProc) tree(cmd *exec.Cmd) []int {
	var pids []int
	for _, r := range treeRows(cmd.Process.Pid) {
		pids = append(pids, r.pid)
	}
	return pids
}

func (sysProc) cpuTime(cmd *exec.Cmd) time.Duration {
	var total time.Duration
	for _, r := range treeRows(cmd.Process.Pid) {
		total += r.cpu
	}
	return total
}

func reapOrphans(int, []int) {}

func (sysProc) socketCount(*exec.Cmd) int { return -1 }
