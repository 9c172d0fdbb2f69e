package cmd_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives netlearn in a real terminal: tmux gives it a pty, keys
// go in with send-keys and the screen comes back with capture-pane.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, home string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	bin, err := exec.LookPath("netlearn") // put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("netlearn-test-%d", os.Getpid())}
	shell := fmt.Sprintf("env -i HOME=%s XDG_CONFIG_HOME=%s/.config PATH=%s TERM=xterm-256color NETLEARN_LANG=en %s %s; echo EXIT=$?; sleep 60",
		home, home, os.Getenv("PATH"), bin, strings.Join(args, " "))
	s.tmux("new-session", "-d", "-s", "nl", "-x", "100", "-y", "45", shell)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "nl") }

// waitFor returns the screen once it shows text, failing after 10 s.
func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if screen := s.screen(); strings.Contains(screen, text) {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q:\n%s", text, s.screen())
	return ""
}

// quiet is how long the screen must stay unchanged before a key is sent.
// A prompt draws itself a moment before it puts the terminal in raw mode;
// a key that lands in between is read in line mode and lost.
const quiet = 300 * time.Millisecond

// settle waits (at most 5 s) until the screen stops changing.
func (s *tmuxSession) settle() {
	s.t.Helper()
	last, since := s.screen(), time.Now()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		if screen := s.screen(); screen != last {
			last, since = screen, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
}

// key sends one key once the prompt is ready for it, and waits for the
// screen to show what it should lead to.
func (s *tmuxSession) key(key, expect string) string {
	s.t.Helper()
	s.settle()
	s.tmux("send-keys", "-t", "nl", key)
	return s.waitFor(expect)
}

// TestMenuInARealTerminal opens the menu, reads a lesson without running
// its commands, looks at the progress, switches to Chinese, starts a quiz,
// and leaves with Ctrl-C. It never picks a tool, so nothing is sent on any
// network. HOME is a fresh folder, so real progress is never touched.
func TestMenuInARealTerminal(t *testing.T) {
	home := t.TempDir()
	s := startTmux(t, home)
	s.waitFor("❯ Lessons")
	s.key("Enter", "Which lesson?")
	s.key("Enter", "Run `netlearn ip` now? [y/N]")
	lesson := s.key("n", "Run `netlearn ip 192.168.1.10/24` now?")
	if !strings.Contains(lesson, "» 1.1  IP addresses") && !strings.Contains(lesson, "Common mistakes") {
		t.Errorf("no lesson on screen:\n%s", lesson)
	}
	s.key("n", "❯ Lessons")
	s.key("Down", "❯ Tools")
	s.key("Down", "❯ Quiz")
	s.key("Down", "❯ Progress")
	progress := s.key("Enter", "Lessons read: 1 of 12")
	t.Logf("progress screen:\n%s", progress)
	s.key("Down", "❯ Tools")
	s.key("Down", "❯ Quiz")
	s.key("Down", "❯ Progress")
	s.key("Down", "❯ 语言")
	s.key("Enter", "❯ 课程")
	s.key("Down", "❯ 工具")
	s.key("Down", "❯ 测验")
	s.key("Enter", "测验哪一节？")
	s.key("Down", "❯ ✓ 1.1 ") // read a moment ago
	question := s.key("Enter", "[1.1 · 1/")
	t.Logf("quiz screen:\n%s", question)
	s.key("C-c", "❯ 课程") // Ctrl-C in the quiz: back to the menu
	end := s.key("C-c", "EXIT=")
	if !strings.Contains(end, "再见") || !strings.Contains(end, "EXIT=0") {
		t.Errorf("Ctrl-C at the menu should leave cleanly:\n%s", end)
	}
	data, err := os.ReadFile(filepath.Join(home, ".config", "netlearn", "progress.json"))
	if err != nil || !strings.Contains(string(data), `"1.1"`) {
		t.Errorf("progress in the fresh HOME: %s %v", data, err)
	}
}
