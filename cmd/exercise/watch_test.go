package exercise

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A save is noticed through file events, and through the poll alone where
// events do not come (WSL's /mnt, network drives).
func TestWaitForSaveNoticesASave(t *testing.T) {
	for _, events := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "server.py")
		if err := os.WriteFile(path, []byte("v1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		changes, poll, closeWatch := watchFile(path)
		if !events {
			changes, poll = make(chan struct{}), fastPoll // no events: the poll must do it
		}
		last := stamp(path)
		done := make(chan time.Duration, 1)
		go func() {
			began := time.Now()
			_, ok := waitForSave(context.Background(), path, last, changes, poll)
			if ok {
				done <- time.Since(began)
			}
		}()
		time.Sleep(50 * time.Millisecond)
		if err := os.WriteFile(path, []byte("version 2\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case d := <-done:
			if limit := poll + time.Second; d > limit {
				t.Errorf("events=%v: the save was noticed after %v", events, d)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("events=%v: the save was not noticed within 5 s", events)
		}
		closeWatch()
	}
}

// Ctrl-C ends the wait.
func TestWaitForSaveEndsOnCtrlC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "server.py")
	_ = os.WriteFile(path, []byte("v1\n"), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, ok := waitForSave(ctx, path, stamp(path), make(chan struct{}), fastPoll); ok {
		t.Fatal("waitForSave reported a save that never happened")
	}
}
