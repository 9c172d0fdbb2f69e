package cmd

import (
	"testing"

	"github.com/netlearn/netlearn/cmd/ip"
	"github.com/netlearn/netlearn/cmd/port"
	"github.com/netlearn/netlearn/cmd/progress"
	"github.com/netlearn/netlearn/cmd/quiz"
	"github.com/netlearn/netlearn/internal/jsonshape"
	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/ports"
	"github.com/netlearn/netlearn/sockdemo"
)

// TestJSONShapes pins the fields of every command's --json output in
// testdata/json (ping and learn pin theirs in their packages), and checks
// that a real run of each prints no field its golden type lacks. Only
// loopback and this machine's own tables are touched.
func TestJSONShapes(t *testing.T) {
	cases := []struct {
		name  string
		doc   any
		args  []string
		input string
	}{
		{"ip", ip.Report{}, []string{"ip", "--json"}, ""},
		{"ip-explain", []iface.Explanation{}, []string{"ip", "--json", "192.168.1.10/24", "fe80::1"}, ""},
		{"port", []ports.Report{}, []string{"port", "--json", "22", "8000-8003", "http"}, ""},
		{"port-list", []port.ListRow{}, []string{"port", "--list", "--json"}, ""},
		{"quiz", quiz.Result{}, []string{"quiz", "1.3", "--no-machine", "--seed", "1", "--json"}, "right"},
		{"progress", progress.View{}, []string{"progress", "--json"}, ""},
		{"demo", sockdemo.Event{}, []string{"demo", "--json"}, ""},
	}
	dir := freshConfig(t)
	for _, c := range cases {
		jsonshape.Check(t, c.name, c.doc)
		input := c.input
		if input == "right" {
			input = quizInput(t, "1.3", true)
		}
		code, out, errOut := runWithInput(t, dir, input, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
		jsonshape.Conforms(t, c.doc, []byte(out))
	}
}
