// Package run starts a learner's program under limits and makes sure that
// nothing it started outlives it: its own process group, a CPU-time and
// memory limit, a wall clock kept by the caller, an interrupt first and a
// kill 500 ms later, and a sweep for every process it left behind.
package run

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Spec says what to run and how.
type Spec struct {
	Argv []string
	Dir  string
	// Env is added to this process's environment.
	Env []string
	// OutputCap is how many bytes of stdout and of stderr are kept each.
	OutputCap int
	// CPULimit and MemoryLimit cap the program (RLIMIT_CPU, RLIMIT_AS, or
	// a Job Object on Windows); zero means no limit.
	CPULimit    time.Duration
	MemoryLimit uint64
}

// GracePeriod is how long a program has to stop after the interrupt before
// it and everything it started are killed.
const GracePeriod = 500 * time.Millisecond

// Proc is a started program.
type Proc struct {
	Stdout, Stderr *Capture

	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan struct{}
	sys   sysProc

	stopOnce sync.Once
	stopped  atomic.Bool // Stop ended it
}

// markEnv is set in the program's environment, which everything it starts
// inherits: the sweep finds a process by it even after it left both the
// process group and the parent links (a double fork whose middle process
// exited).
const markEnv = "NETLEARN_RUN"

var runCount atomic.Int64

func runMark() string {
	return strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(runCount.Add(1), 10)
}

// ErrNotFound means the program to run does not exist or is not executable.
var ErrNotFound = errors.New("run: program not found")

// Start starts the program. Its stdin is a pipe (see Stdin); stdout and
// stderr are captured.
func Start(spec Spec) (*Proc, error) {
	if len(spec.Argv) == 0 {
		return nil, ErrNotFound
	}
	argv := wrapArgv(spec)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = spec.Dir
	mark := runMark()
	cmd.Env = append(append(os.Environ(), spec.Env...), markEnv+"="+mark)
	// A process that escaped the sweep may still hold the output pipes;
	// Wait must not wait for it.
	cmd.WaitDelay = time.Second
	p := &Proc{Stdout: NewCapture(spec.OutputCap), Stderr: NewCapture(spec.OutputCap), cmd: cmd, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.Stdout, p.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	p.stdin = stdin
	prepare(cmd)
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	p.sys = started(cmd, spec, mark)
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Pid is the program's process id.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Stdin is the program's standard input.
func (p *Proc) Stdin() io.WriteCloser { return p.stdin }

// Done is closed when the program has exited.
func (p *Proc) Done() <-chan struct{} { return p.done }

// Running reports whether the program has not exited yet.
func (p *Proc) Running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// ExitCode is the exit code once the program has exited on its own, -1 while
// it runs or when a signal ended it.
func (p *Proc) ExitCode() int {
	if p.Running() {
		return -1
	}
	return p.cmd.ProcessState.ExitCode()
}

// StoppedByUs reports whether the program ended because Stop was called.
func (p *Proc) StoppedByUs() bool {
	<-p.done
	return p.stopped.Load()
}

// Wait waits up to d for the program to exit and reports whether it did.
func (p *Proc) Wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-p.done:
		return true
	case <-t.C:
		return false
	}
}

// Stop interrupts the program and everything it started, kills what is
// left GracePeriod later, and returns once none of it runs any more.
func (p *Proc) Stop() {
	p.stopOnce.Do(func() {
		_ = p.stdin.Close()
		if p.Running() {
			p.stopped.Store(true)
		}
		p.sys.interrupt(p.cmd)
		deadline := time.Now().Add(GracePeriod)
		for time.Now().Before(deadline) && (p.Running() || len(p.Tree()) > 0) {
			time.Sleep(20 * time.Millisecond)
		}
		p.sys.kill(p.cmd)
		<-p.done
		p.sys.release()
	})
}

// Tree lists the processes of the program that are still alive: its own
// process and everything it started, even a child that left the group.
func (p *Proc) Tree() []int { return p.sys.tree(p.cmd) }

// CPUTime is the CPU time (user + system) the program and its processes
// used so far.
func (p *Proc) CPUTime() time.Duration {
	if !p.Running() {
		st := p.cmd.ProcessState
		return st.UserTime() + st.SystemTime()
	}
	return p.sys.cpuTime(p.cmd)
}

// SocketCount is how many sockets the program's processes hold, or -1
// where netlearn cannot tell.
func (p *Proc) SocketCount() int {
	if !p.Running() {
		return 0
	}
	return p.sys.socketCount(p.cmd)
}
