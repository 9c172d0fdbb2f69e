package cmd_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// tmuxSession drives netlearn in a real terminal: tmux gives it a pty, keys
// go in with send-keys and the screen comes back with capture-pane.
type tmuxSession struct {
	t      *testing.T
	socket string
	conf   string // tmux's configuration file
}

func startTmux(t *testing.T, home string, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxWith(t, "/bin/sh", home, args...)
}

// startTmuxWith runs netlearn under shell, which tmux uses to start the
// pane's command; it is set in tmux's own configuration, so that the
// user's login shell (nologin for a service account) plays no part.
func startTmuxWith(t *testing.T, shell, home string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	bin, err := exec.LookPath("netlearn") // put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g default-shell "+shell+"\nset -g remain-on-exit on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("netlearn-test-%d-%d", os.Getpid(), sessions.Add(1)), conf: conf}
	command := fmt.Sprintf("echo %s; env -i HOME=%s XDG_CONFIG_HOME=%s/.config PATH=%s TERM=xterm-256color NETLEARN_LANG=en %s %s; echo EXIT=$?; sleep 60",
		started, home, home, os.Getenv("PATH"), bin, strings.Join(args, " "))
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("new-session", "-d", "-s", "nl", "-x", "100", "-y", "45", command)
	s.skipUnlessStarted(shell)
	return s
}

// skipUnlessStarted skips the test when the pane's shell has not run the
// command within 5 s: a shell that cannot start is this machine's limit,
// not netlearn's failure.
func (s *tmuxSession) skipUnlessStarted(shell string) {
	s.t.Helper()
	query := func(args ...string) string {
		out, _ := exec.Command("tmux", append([]string{"-L", s.socket, "-f", s.conf}, args...)...).Output()
		return strings.TrimSpace(string(out))
	}
	var screen string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		screen = query("capture-pane", "-p", "-t", "nl")
		if strings.Contains(screen, started) {
			return
		}
		if query("display-message", "-p", "-t", "nl", "#{pane_dead}") == "1" {
			break // the shell exited without running the command
		}
	}
	s.t.Skipf("the shell %s could not start a command in tmux (a nologin shell?):\n%s", shell, screen)
}

// sessions numbers the tmux servers of this test process.
var sessions atomic.Int32

// started is what the pane's shell prints before it starts netlearn.
const started = "netlearn-tmux-started"

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket, "-f", s.conf}, args...)...).CombinedOutput()
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
	return s.keys(expect, key)
}

// keys sends several keys at once, as a fast typist, a held key or a paste
// does (they usually arrive in one read), then waits for expect.
func (s *tmuxSession) keys(expect string, keys ...string) string {
	s.t.Helper()
	s.settle()
	s.tmux(append([]string{"send-keys", "-t", "nl"}, keys...)...)
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
	// A yes/no question waits for Enter: one key alone answers nothing.
	s.key("n", "now? [y/N] n")
	lesson := s.key("Enter", "Run `netlearn ip 192.168.1.10/24` now?")
	if !strings.Contains(lesson, "» 1.1  IP addresses") && !strings.Contains(lesson, "Common mistakes") {
		t.Errorf("no lesson on screen:\n%s", lesson)
	}
	// The lesson stays on screen until Enter, then its list comes back;
	// Esc goes back to the main menu.
	s.keys("Press Enter to go back", "n", "Enter")
	s.key("Enter", "Which lesson?")
	s.key("Escape", "❯ Lessons")
	// Three keys in one go: every one of them counts.
	progress := s.keys("Lessons read: 1 of 10", "Down", "Down", "Down", "Enter")
	t.Logf("progress screen:\n%s", progress)
	s.key("Enter", "❯ Lessons")
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
	s.key("C-c", "按回车键返回") // Ctrl-C in the quiz ends it
	s.key("Enter", "测验哪一节？")
	s.key("Escape", "❯ 课程")
	end := s.key("C-c", "EXIT=")
	if !strings.Contains(end, "再见") || !strings.Contains(end, "EXIT=0") {
		t.Errorf("Ctrl-C at the menu should leave cleanly:\n%s", end)
	}
	data, err := os.ReadFile(filepath.Join(home, ".config", "netlearn", "progress.json"))
	if err != nil || !strings.Contains(string(data), `"1.1"`) || !strings.Contains(string(data), `"lang": "zh"`) {
		t.Errorf("progress in the fresh HOME: %s %v", data, err)
	}
}

// TestTmuxSkipsWhenTheShellCannotStart: where the shell cannot run a
// command (a nologin shell), the terminal tests are skipped with the
// reason, not failed after a timeout.
func TestTmuxSkipsWhenTheShellCannotStart(t *testing.T) {
	nologin := filepath.Join(t.TempDir(), "nologin")
	script := "#!/bin/sh\necho 'This account is currently not available.'\nexit 1\n"
	if err := os.WriteFile(nologin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	var inner *testing.T
	t.Run("nologin", func(t *testing.T) {
		inner = t
		startTmuxWith(t, nologin, t.TempDir())
		t.Error("the session was taken as started")
	})
	if !inner.Skipped() {
		t.Error("not skipped")
	}
}
