package cmd

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
)

// TestCtrlCStopsOnlyTheCommandALessonRuns: a learner who starts
// `demo server` from a lesson and presses Ctrl-C gets back to the lesson.
func TestCtrlCStopsOnlyTheCommandALessonRuns(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, i18n.EN)
	lessonCtx, closeLesson := f.Interrupts.Scope(context.Background())
	defer closeLesson()

	addrFile := filepath.Join(t.TempDir(), "addr")
	code := make(chan int, 1)
	go func() {
		code <- runInProcess(lessonCtx, f, []string{"demo", "server", "--port", "0", "--quiet", "--addr-file", addrFile})
	}()
	waitForFile(t, addrFile)
	f.Interrupts.Interrupt()

	select {
	case c := <-code:
		if c != cmdutil.ExitInterrupted {
			t.Errorf("the interrupted command exited %d, want 130", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop on the interrupt")
	}
	if lessonCtx.Err() != nil {
		t.Error("Ctrl-C in the command also cancelled the lesson around it")
	}
}
