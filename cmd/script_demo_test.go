package cmd_test

import (
	"bufio"
	"encoding/json"
	"net/netip"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// demoAddrPort reads the address a demo server wrote with --addr-file and
// sets an environment variable to its port: `addrport FILE VAR`.
// Use waitfile first; scripts then run clients against $VAR.
func demoAddrPort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: addrport FILE VAR")
	}
	ap, err := netip.ParseAddrPort(strings.TrimSpace(ts.ReadFile(args[0])))
	if err != nil {
		ts.Fatalf("addrport: %v", err)
	}
	ts.Setenv(args[1], strconv.Itoa(int(ap.Port())))
}

// demoSteps checks the order of the steps in a JSON event stream:
// `demosteps FILE SIDE[:CLIENT] STEP...` compares the steps of that side
// (and client number) with the list, exactly and in order.
func demoSteps(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: demosteps FILE SIDE[:CLIENT] STEP...")
	}
	side, client, _ := strings.Cut(args[1], ":")
	var got []string
	sc := bufio.NewScanner(strings.NewReader(ts.ReadFile(args[0])))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev struct {
			Side   string `json:"side"`
			Client int    `json:"client"`
			Step   string `json:"step"`
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			ts.Fatalf("demosteps: line %q is not a JSON event: %v", sc.Text(), err)
		}
		if ev.Side == side && (client == "" || client == strconv.Itoa(ev.Client)) {
			got = append(got, ev.Step)
		}
	}
	same := strings.Join(got, " ") == strings.Join(args[2:], " ")
	if same == neg {
		ts.Fatalf("demosteps %s:\n got  %s\n want %s", args[1], strings.Join(got, " "), strings.Join(args[2:], " "))
	}
}
