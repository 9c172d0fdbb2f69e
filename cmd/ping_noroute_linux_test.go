package cmd

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestPingWithoutARouteForReal is lesson 1.1.3's "turn Wi-Fi off" case, for
// real: netlearn runs in a network namespace of its own that has no route
// at all, so every request fails to leave (ENETUNREACH) and nothing is ever
// sent anywhere. Each request must get its own translated line, the count
// must go on, and the summary, the verdict and the JSON must follow.
func TestPingWithoutARouteForReal(t *testing.T) {
	bin := namespaceReadyBinary(t)
	// The ping socket is opened to every group in this namespace only.
	unprivileged := `echo "0 2147483647" >/proc/sys/net/ipv4/ping_group_range && `
	for _, c := range []struct {
		name, setup, lang string
		args              []string
		check             func(t *testing.T, out string)
	}{
		{"raw socket, lo up", "ip link set lo up && ", "en", []string{"-c", "3", "-i", "0.2", "10.1.1.1"},
			func(t *testing.T, out string) {
				wantLines(t, out, "start\tmode=privileged",
					"error\tseq=1\treason=no_route", "error\tseq=2\treason=no_route", "error\tseq=3\treason=no_route",
					"summary\thost=10.1.1.1\taddress=10.1.1.1\tmode=privileged\tsent=3\treceived=0\tduplicates=0\terrors=3\tloss_percent=100",
					"verdict\tunreachable")
			}},
		{"ping socket, lo down", unprivileged, "zh", []string{"-c", "3", "-i", "0.2", "10.1.1.1"},
			func(t *testing.T, out string) {
				wantLines(t, out, "start\tmode=unprivileged", "error\tseq=3\treason=no_route\tdetail=网络不可达",
					"errors=3\tloss_percent=100", "verdict\tunreachable")
			}},
		{"json", unprivileged, "en", []string{"--json", "-c", "2", "-i", "0.2", "10.1.1.1"},
			func(t *testing.T, out string) {
				var doc struct {
					Mode                   string
					Sent, Received, Errors int
					Verdict                struct{ Code string }
				}
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatalf("not one JSON object: %v\n%s", err, out)
				}
				if doc.Mode != "unprivileged" || doc.Sent != 2 || doc.Received != 0 || doc.Errors != 2 ||
					doc.Verdict.Code != "unreachable" {
					t.Errorf("%+v", doc)
				}
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			script := c.setup + `exec "$0" ping "$@"` // $0 is the copy, named netlearn
			cmd := exec.Command("unshare", append([]string{"--net", "sh", "-c", script, bin}, c.args...)...)
			cmd.Env = []string{"NETLEARN_LANG=" + c.lang, "HOME=/", "PATH=" + os.Getenv("PATH")}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			exit, _ := err.(*exec.ExitError)
			if exit == nil || exit.ExitCode() != 1 {
				t.Fatalf("%v, want exit 1\nstdout:\n%s\nstderr:\n%s", err, out, stderr.String())
			}
			if strings.Contains(string(out)+stderr.String(), "write ") || stderr.Len() > 0 {
				t.Errorf("a raw Go error or a stray message:\nstdout:\n%s\nstderr:\n%s", out, stderr.String())
			}
			c.check(t, string(out))
		})
	}
}

// wantLines checks that out holds every one of wants.
func wantLines(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}
