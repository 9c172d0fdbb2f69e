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
		"addrport": demoAddrPort, "demosteps": demoSteps, "demowait": demoWait,
		"portlisten":  portListen,
		"readonly":    readOnlyDir,
		"quizanswers": quizAnswers,
	}
}

// waitFile waits (at most 10 s) until a file exists and, optionally,
// contains a string: `waitfile FILE [TEXT]`. Background servers write
// their address to a file; scripts wait for it instead of sleeping.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: waitfile FILE [TEXT]")
	}
	path := ts.MkAbs(args[0])
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(path)
		if err == nil && (len(args) == 1 || strings.Contains(string(data), args[1])) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.Fatalf("waitfile %s: not there after 10s", strings.Join(args, " "))
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
// testscript itself, plus netlearn's own: [root].
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "rodir":
		return canMakeReadOnly()
	case "ipv6":
		return hasIPv6Loopback(), nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}
