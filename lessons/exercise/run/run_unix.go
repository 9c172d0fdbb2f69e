//go:build unix

package run

import (
	"os/exec"
	"syscall"
)

// prepare puts the program in a process group of its own, so one signal
// reaches everything it starts, and on Linux asks the kernel to kill it if
// netlearn itself dies.
func prepare(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setDeathSignal(cmd.SysProcAttr)
}

func (sysProc) interrupt(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
}

// kill kills the group, then every process the program started that
// left the group (setsid after a fork); they were found through their
// parent links.
func (s sysProc) kill(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	for range 3 {
		left := append(s.tree(cmd), s.strays(cmd)...)
		for _, pid := range left {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
		reapOrphans(cmd.Process.Pid, left)
		if len(left) == 0 {
			return
		}
	}
}

func (sysProc) release() {}
