package run

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func needPython(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: cannot start the test programs")
	}
	return p
}

// marked returns the pids of live processes whose command line holds
// mark, so a test sees exactly what its own program left behind.
func marked(t *testing.T, mark string) []int {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if bytes.Contains(cmdline, []byte(mark)) && !strings.Contains(string(stat), ") Z ") {
			pids = append(pids, pid)
		}
	}
	return pids
}

func start(t *testing.T, code, mark string) *Proc {
	t.Helper()
	py := needPython(t)
	p, err := Start(Spec{Argv: []string{py, "-c", code, mark}, OutputCap: 1 << 10, CPULimit: 10 * time.Second, MemoryLimit: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	return p
}

// A program that never exits, even ignoring the interrupt, is killed.
func TestStopKillsProgramThatNeverExits(t *testing.T) {
	mark := "netlearn-test-forever-" + strconv.Itoa(os.Getpid())
	p := start(t, "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint('up', flush=True)\nwhile True: time.sleep(1)", mark)
	waitOutput(t, p, "up")
	began := time.Now()
	p.Stop()
	if d := time.Since(began); d < GracePeriod || d > GracePeriod+2*time.Second {
		t.Errorf("Stop took %v, want the %v grace period and then a kill", d, GracePeriod)
	}
	if left := marked(t, mark); len(left) > 0 {
		t.Fatalf("processes left after Stop: %v", left)
	}
}

// A program that forks a child which leaves the process group (setsid) and
// ignores signals leaves nothing behind either. The grandchild says when it
// runs: the middle process exits at once, so only its word proves it is
// there (and no longer in the program's tree) when Stop is called.
func TestStopKillsForkedChildren(t *testing.T) {
	mark := "netlearn-test-fork-" + strconv.Itoa(os.Getpid())
	code := `import os, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        print('grandchild', flush=True)
        time.sleep(60)
    sys.exit(0)
print('forked', flush=True)
time.sleep(60)`
	p := start(t, code, mark)
	waitOutput(t, p, "forked")
	waitOutput(t, p, "grandchild")
	if n := len(marked(t, mark)); n < 2 {
		t.Fatalf("%d processes carry the mark, want the program and its grandchild", n)
	}
	p.Stop()
	if left := marked(t, mark); len(left) > 0 {
		t.Fatalf("processes left after Stop: %v", left)
	}
}

// Output beyond the cap is dropped from the middle; the end stays.
func TestCaptureKeepsHeadAndTailOfAFlood(t *testing.T) {
	p := start(t, "import sys\nsys.stdout.write('x' * 5000000)\nsys.stdout.write('THE END')", "flood")
	if !p.Wait(10 * time.Second) {
		t.Fatal("flooding program did not finish")
	}
	kept, dropped := p.Stdout.Bytes()
	if len(kept) != 1<<10 || dropped != int64(5000007-len(kept)) {
		t.Fatalf("kept %d bytes, dropped %d", len(kept), dropped)
	}
	if !bytes.HasSuffix(kept, []byte("THE END")) {
		t.Fatalf("the end of the output was lost: ...%q", kept[len(kept)-20:])
	}
}

// RLIMIT_CPU stops a program that spins.
func TestCPULimitStopsASpinningProgram(t *testing.T) {
	py := needPython(t)
	p, err := Start(Spec{Argv: []string{py, "-c", "while True: pass"}, OutputCap: 1024, CPULimit: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	if !p.Wait(10 * time.Second) {
		t.Fatal("a spinning program outlived its 1 s CPU limit by 9 s")
	}
	if cpu := p.CPUTime(); cpu < 900*time.Millisecond {
		t.Fatalf("ended after %v of CPU, before its limit", cpu)
	}
}

func waitOutput(t *testing.T, p *Proc, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if kept, _ := p.Stdout.Bytes(); bytes.Contains(kept, []byte(want)) {
			return
		}
		select {
		case <-p.Done():
			kept, _ := p.Stderr.Bytes()
			t.Fatalf("program ended before printing %q: %s", want, kept)
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("program did not print %q within 10 s", want)
}
