package demo

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/netinfo/netns"
	"github.com/netlearn/netlearn/sockdemo"
)

// childFlag runs the demo inside the private namespace (hidden).
const childFlag = "packets-child"

// packetsRun is `netlearn demo --packets`: it re-executes netlearn in a
// private network namespace, where the demo runs with lo captured, and
// draws the events that child streams back. Where that cannot work, it
// says why in one line, shows the demo inferred from socket events, and
// exits 4.
func packetsRun(ctx context.Context, opts *Options) error {
	f := opts.F
	if opts.Pcap != "" {
		// Created here, so a bad path is reported before anything runs.
		file, err := os.Create(opts.Pcap)
		if err != nil {
			return fileError(f.Tr, "demo.err.pcap", opts.Pcap, err)
		}
		file.Close()
	}
	child, err := netns.Command(ctx, childArgs(opts)...)
	if err != nil {
		return fallback(ctx, opts, err, "")
	}
	out, err := child.StdoutPipe()
	if err != nil {
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.session", "err", err)}
	}
	var stderr bytes.Buffer
	child.Stderr = &stderr
	if err := child.Start(); err != nil {
		return fallback(ctx, opts, err, "")
	}
	view := newPacketView(opts)
	n, readErr := view.read(out)
	waitErr := child.Wait()
	switch {
	case ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case n == 0 && waitErr != nil:
		// The namespace or the capture failed before the demo began.
		return fallback(ctx, opts, waitErr, firstLine(stderr.String()))
	case waitErr != nil || readErr != nil:
		return &cmdutil.FailedError{Msg: f.Tr.T("demo.err.session", "err", errors.Join(waitErr, readErr, errors.New(firstLine(stderr.String()))))}
	}
	view.finish()
	return nil
}

// childArgs are the command line of the run inside the namespace.
func childArgs(opts *Options) []string {
	args := []string{"demo", "--" + childFlag}
	if opts.Lose > 0 {
		args = append(args, "--lose="+strconv.Itoa(opts.Lose))
	}
	if opts.SlowReader {
		args = append(args, "--slow-reader")
	} else {
		for _, m := range opts.Messages {
			args = append(args, "--message="+m)
		}
	}
	if opts.Pcap != "" {
		args = append(args, "--pcap="+opts.Pcap)
	}
	return args
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// packetsChild is the run inside the namespace: lo up, the capture and
// the demo, every event a JSON line on stdout for the parent to draw.
func packetsChild(ctx context.Context, opts *Options) error {
	if !netns.Inside() {
		return &cmdutil.UsageError{Msg: opts.F.Tr.T("demo.err.child_only", "flag", "--"+childFlag)}
	}
	if err := netns.Setup(); err != nil {
		return &cmdutil.FailedError{Msg: err.Error()}
	}
	enc := json.NewEncoder(opts.F.IO.Out)
	enc.SetEscapeHTML(false)
	run := sockdemo.PacketRun{Messages: opts.Messages, Lose: opts.Lose, SlowReader: opts.SlowReader,
		Emit: func(ev sockdemo.Event) { _ = enc.Encode(ev) }}
	if opts.Pcap != "" {
		file, err := os.Create(opts.Pcap)
		if err != nil {
			return &cmdutil.FailedError{Msg: err.Error()}
		}
		defer file.Close()
		w := bufio.NewWriter(file)
		defer w.Flush()
		run.Pcap = w
	}
	if err := run.Run(ctx); err != nil {
		return &cmdutil.FailedError{Msg: err.Error()}
	}
	return nil
}

// packetView draws a captured run: the socket steps live (in two columns
// on a terminal), then the picture of every segment.
type packetView struct {
	opts   *Options
	view   *demoView
	events []sockdemo.Event
}

func newPacketView(opts *Options) *packetView {
	f := opts.F
	return &packetView{opts: opts, view: newDemoView(f.IO.Output().WithJSON(opts.JSON), f.Tr)}
}

// read draws the child's events as they come and returns how many.
func (v *packetView) read(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var ev sockdemo.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return len(v.events), fmt.Errorf("reading the capture's events: %w", err)
		}
		v.events = append(v.events, ev)
		v.view.print(ev)
	}
	return len(v.events), sc.Err()
}

// finish draws the picture of the captured segments.
func (v *packetView) finish() {
	info := captureInfo{pcap: v.opts.Pcap}
	for _, ev := range v.events {
		if ev.Step == sockdemo.StepCapture {
			info.stats = ev.Capture
		}
	}
	v.view.picture(sockdemo.Captured(v.events), info)
}

// fallback says in one line why nothing can be captured and what to do,
// shows the demo inferred from socket events instead, and exits 4.
func fallback(ctx context.Context, opts *Options, err error, detail string) error {
	fmt.Fprintln(opts.F.IO.ErrOut, refusalLine(opts, err, detail))
	plain := *opts
	plain.Packets, plain.Lose, plain.SlowReader, plain.Pcap = false, 0, false, ""
	if plain.Messages == nil || opts.SlowReader {
		plain.Messages = scriptedMessages
	}
	if runErr := inProcessRun(ctx, &plain); runErr != nil {
		return runErr
	}
	return &cmdutil.PermissionError{}
}

// refusalLine is the one line that says why capture cannot work here and
// what to do about it.
func refusalLine(opts *Options, err error, detail string) string {
	t := opts.F.Tr.T
	var why string
	r, ok := netns.AsRefusal(err)
	if !ok {
		r = netns.Classify(err)
	}
	switch {
	case runtime.GOOS == "darwin":
		why = t("demo.packets.macos")
	case runtime.GOOS == "windows":
		why = t("demo.packets.windows")
	case r != nil && r.Reason == netns.NotLinux:
		why = t("demo.packets.not_linux")
	case r != nil && r.Sysctl != "":
		why = t("demo.packets.sysctl."+string(r.Reason), "sysctl", r.Sysctl)
	case r != nil:
		why = t("demo.packets.refused_other", "err", r.Err)
	case detail != "":
		why = t("demo.packets.capture_failed", "err", detail)
	default:
		why = t("demo.packets.capture_failed", "err", err)
	}
	return t("demo.packets.fallback", "why", why)
}
