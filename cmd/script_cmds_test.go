package cmd_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCommands are the extra commands testscript scripts may use.
func scriptCommands() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"waitfile": waitFile,
		"noansi":   noANSI,
		"addrport": demoAddrPort, "demosteps": demoSteps,
		"portlisten":  portListen,
		"readonly":    readOnlyDir,
		"quizanswers": quizAnswers,
		"files":       countFiles,
	}
}

// countFiles checks how many entries of a folder start with a prefix:
// `files DIR PREFIX N`, portably (Windows has no ls).
func countFiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: files DIR PREFIX N")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), args[1]) {
			n++
		}
	}
	if (fmt.Sprint(n) == args[2]) == neg {
		ts.Fatalf("%s holds %d entries starting with %q (want %s; negated: %v)", args[0], n, args[1], args[2], neg)
	}
}

// waitFile waits until a file exists and, optionally, contains a string:
// `waitfile [-t LIMIT] FILE [TEXT]`. Background servers write their
// address to a file; scripts wait for it instead of sleeping. LIMIT (10s
// unless given) only ends a hung script: the demo scripts that wait for
// Python helpers give 60s, since Python's start-up alone can take seconds
// on a loaded machine.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	limit := 10 * time.Second
	if len(args) >= 2 && args[0] == "-t" {
		d, err := time.ParseDuration(args[1])
		if err != nil || d <= 0 {
			ts.Fatalf("waitfile -t %s: not a duration", args[1])
		}
		limit, args = d, args[2:]
	}
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: waitfile [-t LIMIT] FILE [TEXT]")
	}
	path := ts.MkAbs(args[0])
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(path)
		if err == nil && (len(args) == 1 || strings.Contains(string(data), args[1])) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.Fatalf("waitfile %s: not there after %v", strings.Join(args, " "), limit)
}

// noANSI fails when a file (stdout or stderr included) holds an escape byte.
func noANSI(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: noansi FILE")
	}
	has := strings.ContainsRune(ts.ReadFile(args[0]), '\x1b')
	if has != neg {
		ts.Fatalf("%s: escape bytes present = %v", args[0], has)
	}
}

// scriptCondition answers conditions such as [exec:nc], handled by
// testscript itself, plus netlearn's own: [root], [netns] (this user may
// have a private network namespace, as demo --packets needs).
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "rodir":
		return canMakeReadOnly()
	case "ipv6":
		return hasIPv6Loopback(), nil
	case "icmp":
		return icmpAllowed(), nil
	case "netns":
		return privateNetnsWorks(), nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}
