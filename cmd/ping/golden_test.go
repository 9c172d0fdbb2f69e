package ping

import (
	"testing"

	"github.com/netlearn/netlearn/internal/jsonshape"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// TestJSONShape pins the fields of `ping --json` and `ping --check --json`
// (testdata/json), and checks that real runs print nothing else.
func TestJSONShape(t *testing.T) {
	jsonshape.Check(t, "ping", probe.Result{})
	jsonshape.Check(t, "ping-check", checkJSON{})
	o := run{args: append([]string{"--json"}, lossyArgs...), pinger: lossy()}.do(t)
	jsonshape.Conforms(t, probe.Result{}, []byte(o.out))
	o = run{args: append([]string{"--json"}, loopbackOverrides...)}.do(t)
	jsonshape.Conforms(t, checkJSON{}, []byte(o.out))
}
