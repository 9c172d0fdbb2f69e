package run

import (
	"os/exec"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// prepare starts the program in a new process group, so that a console
// Ctrl-Break reaches it and not netlearn.
func prepare(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: windows.CREATE_NEW_PROCESS_GROUP}
}

func wrapArgv(spec Spec) []string { return spec.Argv }

// sysProc holds the Job Object the program runs in. Closing the job kills
// every process in it (KILL_ON_JOB_CLOSE), children included, and the job
// carries the CPU-time and memory limits.
type sysProc struct{ job windows.Handle }

func started(cmd *exec.Cmd, spec Spec, _ string) sysProc {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return sysProc{}
	}
	var info windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	if spec.CPULimit > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_JOB_TIME
		info.BasicLimitInformation.PerJobUserTimeLimit = int64(spec.CPULimit / 100) // 100 ns units
	}
	if spec.MemoryLimit > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_JOB_MEMORY
		info.JobMemoryLimit = uintptr(spec.MemoryLimit)
	}
	_, _ = windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)))
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid))
	if err == nil {
		_ = windows.AssignProcessToJobObject(job, h)
		_ = windows.CloseHandle(h)
	}
	return sysProc{job: job}
}

// interrupt sends Ctrl-Break to the program's process group.
func (sysProc) interrupt(cmd *exec.Cmd) {
	_ = windows.GenerateConsoleCtrlEvent(windows.CTRL_BREAK_EVENT, uint32(cmd.Process.Pid))
}

func (s sysProc) kill(cmd *exec.Cmd) {
	if s.job != 0 {
		_ = windows.TerminateJobObject(s.job, 1)
	}
	_ = cmd.Process.Kill()
}

func (s sysProc) release() {
	if s.job != 0 {
		_ = windows.CloseHandle(s.job)
	}
}

// tree lists the processes still in the job.
func (s sysProc) tree(*exec.Cmd) []int {
	if s.job == 0 {
		return nil
	}
	const max = 256
	type pidList struct {
		assigned, inList uint32
		ids              [max]uintptr
	}
	var list pidList
	err := windows.QueryInformationJobObject(s.job, windows.JobObjectBasicProcessIdList,
		uintptr(unsafe.Pointer(&list)), uint32(unsafe.Sizeof(list)), nil)
	if err != nil {
		return nil
	}
	pids := make([]int, 0, list.inList)
	for _, id := range list.ids[:min(list.inList, max)] {
		pids = append(pids, int(id))
	}
	return pids
}

// cpuTime reads the job's accounting: every process it ever held.
func (s sysProc) cpuTime(*exec.Cmd) time.Duration {
	if s.job == 0 {
		return 0
	}
	// JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, which x/sys/windows lacks.
	var info struct {
		TotalUserTime, TotalKernelTime, ThisPeriodUserTime, ThisPeriodKernelTime int64
		TotalPageFaults, TotalProcesses, ActiveProcesses, TotalTerminated        uint32
	}
	err := windows.QueryInformationJobObject(s.job, windows.JobObjectBasicAccountingInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)), nil)
	if err != nil {
		return 0
	}
	return time.Duration(info.TotalUserTime+info.TotalKernelTime) * 100
}

func (sysProc) socketCount(*exec.Cmd) int { return -1 }
