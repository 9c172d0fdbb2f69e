package exercise

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// How --watch notices a save: file-system events, and a poll of the
// file's size and time where events may not come (WSL's /mnt drives,
// network drives) or as a backstop elsewhere.
const (
	fastPoll   = 250 * time.Millisecond
	slowPoll   = time.Second
	settleTime = 50 * time.Millisecond // editors write a file in several steps
)

// watchRun checks the program, then again after every save, until Ctrl-C.
func watchRun(ctx context.Context, opts *CheckOptions, ex *exercise.Exercise, launch exercise.Launch) error {
	if opts.File == "" {
		return &cmdutil.UsageError{Msg: opts.F.Tr.T("exercise.watch_needs_file")}
	}
	path, _ := filepath.Abs(opts.File)
	changes, poll, closeWatch := watchFile(path)
	defer closeWatch()
	l := opts.F.IO.Output()
	if hint := watchHint(path, poll); hint != "" {
		l.Stream().Emit(output.Record{Type: "note", Text: opts.F.Tr.T(hint), Terminal: l.ColorScheme().Yellow(l.Wrap("! "+opts.F.Tr.T(hint), "  "))})
	}
	last := stamp(path)
	for {
		_ = checkOnce(ctx, opts, ex, launch)
		if ctx.Err() != nil {
			return cmdutil.ErrInterrupted
		}
		tell(l, "waiting", opts.F.Tr.T("exercise.watch_waiting", "file", opts.File))
		next, ok := waitForSave(ctx, path, last, changes, poll)
		if !ok {
			return cmdutil.ErrInterrupted
		}
		last = next
		tell(l, "changed", opts.F.Tr.T("exercise.watch_changed", "file", opts.File, "at", time.Now().Format("15:04:05")))
	}
}

// tell shows one step of the watch; what is a stable word for scripts.
func tell(l *output.Layer, what, text string) {
	s := l.Stream()
	s.Emit(output.Record{Type: "watch", Values: []string{what}, Text: text, Terminal: "\n" + l.ColorScheme().Cyan(text)})
	_ = s.End()
}

// watchFile watches the file's folder (editors often save by renaming a
// new file over the old one) and returns the events for this file and the
// poll interval to use beside them.
func watchFile(path string) (<-chan struct{}, time.Duration, func()) {
	changes := make(chan struct{}, 1)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return changes, fastPoll, func() {}
	}
	if err := w.Add(filepath.Dir(path)); err != nil {
		_ = w.Close()
		return changes, fastPoll, func() {}
	}
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Clean(ev.Name) == path && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
					select {
					case changes <- struct{}{}:
					default:
					}
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	poll := slowPoll
	if unreliableEvents(path) {
		poll = fastPoll
	}
	return changes, poll, func() { _ = w.Close() }
}

// unreliableEvents reports a file whose saves may raise no event: on WSL,
// a Windows drive under /mnt edited from Windows; on Windows, a network
// drive (a \\server\share path).
func unreliableEvents(path string) bool {
	if runtime.GOOS == "windows" {
		return strings.HasPrefix(path, `\\`)
	}
	return isWSL() && strings.HasPrefix(path, "/mnt/")
}

func isWSL() bool {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	return err == nil && strings.Contains(strings.ToLower(string(b)), "microsoft")
}

// watchHint is the key of a note for a file whose saves are polled.
func watchHint(path string, poll time.Duration) string {
	switch {
	case poll != fastPoll:
		return ""
	case isWSL():
		return "exercise.watch_hint_wsl"
	}
	return "exercise.watch_hint_poll"
}

type fileStamp struct {
	size int64
	mod  time.Time
}

func stamp(path string) fileStamp {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), mod: st.ModTime()}
}

// waitForSave waits for an event or a changed stamp, then for the writes
// to settle. ok is false on Ctrl-C.
func waitForSave(ctx context.Context, path string, last fileStamp, changes <-chan struct{}, poll time.Duration) (fileStamp, bool) {
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return last, false
		case <-changes:
		case <-tick.C:
			if stamp(path) == last {
				continue
			}
		}
		time.Sleep(settleTime)
		if now := stamp(path); now != last && now != (fileStamp{}) {
			// drain an event raised by the same save
			select {
			case <-changes:
			default:
			}
			return now, true
		}
	}
}
