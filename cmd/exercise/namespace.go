package exercise

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/netinfo/netns"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// namespacePort is the port used inside the private namespace, where it
// is always free: the notes' and the starters' 8888.
const namespacePort = 8888

// checkInNamespace re-runs netlearn inside a private network namespace to
// do the checks there, and passes on the events it writes as JSON lines.
// A *netns.Refusal means the system gave no namespace.
func checkInNamespace(ctx context.Context, opts *CheckOptions, emit func(exercise.Event)) (exercise.Report, error) {
	args := []string{"exercise", "check", "--in-netns", "--lang=" + string(opts.F.Tr.Lang()), opts.Name}
	if len(opts.Command) > 0 {
		args = append(append(args, "--"), opts.Command...)
	} else {
		args = append(args, opts.File)
	}
	cmd, err := netns.Command(ctx, args...)
	if err != nil {
		if r, ok := netns.AsRefusal(err); ok {
			return exercise.Report{}, r
		}
		return exercise.Report{}, &netns.Refusal{Reason: netns.Other, Err: err}
	}
	// Ctrl-C: let the child stop the learner's program itself.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 3 * time.Second
	cmd.Stderr = opts.F.IO.ErrOut
	out, err := cmd.StdoutPipe()
	if err != nil {
		return exercise.Report{}, err
	}
	if err := cmd.Start(); err != nil {
		if r := netns.Classify(err); r != nil {
			return exercise.Report{}, r
		}
		return exercise.Report{}, &netns.Refusal{Reason: netns.Other, Err: err}
	}
	var report *exercise.Report
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var ev exercise.Event
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		if ev.Report != nil {
			report = ev.Report
		}
		emit(ev)
	}
	waitErr := cmd.Wait()
	if report == nil {
		if ctx.Err() != nil {
			return exercise.Report{}, cmdutil.ErrInterrupted
		}
		return exercise.Report{}, &cmdutil.FailedError{Msg: opts.F.Tr.T("exercise.child_failed", "err", fmt.Sprint(waitErr))}
	}
	return *report, nil
}

// childRun is the netlearn inside the namespace: it brings lo up, checks,
// and writes each event as one JSON line for the parent.
func childRun(ctx context.Context, opts *CheckOptions, ex *exercise.Exercise, launch exercise.Launch) error {
	if err := netns.Setup(); err != nil {
		return &cmdutil.FailedError{Msg: opts.F.Tr.T("exercise.child_failed", "err", err)}
	}
	enc := json.NewEncoder(opts.F.IO.Out)
	enc.SetEscapeHTML(false)
	report := exercise.Check(ctx, ex, exercise.Options{Launch: launch, Port: namespacePort, Where: "namespace",
		Emit: func(ev exercise.Event) { _ = enc.Encode(ev) }})
	if !report.Passed {
		return &cmdutil.FailedError{}
	}
	return nil
}

// refusalNote says why the checks run on this machine's loopback.
func refusalNote(r *netns.Refusal) exercise.Text {
	return exercise.T("exercise.note.no_netns."+string(r.Reason), "sysctl", r.Sysctl, "err", errText(r.Err))
}

func errText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// hostPort picks the port on this machine: 8888 when it is free, so a
// program that ignores its argument still meets netlearn, else one the OS
// hands out. When 8888 is taken it names who holds it.
func hostPort() (int, []exercise.Text) { return hostPortFor(namespacePort) }

// hostPortFor is hostPort for the wanted port. "Free" means free for a
// program without SO_REUSEADDR: a connection of the last check still in
// TIME_WAIT on the port keeps that program from binding.
func hostPortFor(want int) (int, []exercise.Text) {
	if ln, err := strictListen.Listen(context.Background(), "tcp", "127.0.0.1:"+strconv.Itoa(want)); err == nil {
		_ = ln.Close()
		return want, nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return want, nil
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	holder := exercise.T("exercise.note.port_taken_unknown", "port", want, "other", port)
	if ls, err := ports.Listeners(want); err == nil {
		holder = exercise.T("exercise.note.port_time_wait", "port", want, "other", port)
		for _, l := range ls {
			if l.Protocol != "tcp" {
				continue
			}
			holder = exercise.T("exercise.note.port_taken_unknown", "port", want, "other", port)
			if l.PID != 0 {
				holder = exercise.T("exercise.note.port_taken", "port", want, "other", port, "pid", l.PID, "process", l.Process)
				break
			}
		}
	}
	return port, []exercise.Text{holder}
}
