package port

import (
	"errors"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/netinfo/ports"
)

// fakeOptions runs the command against a machine whose listeners are
// given, so verdicts do not depend on what this host runs.
func fakeOptions(args []string, listening map[int][]ports.Listener, err error) *Options {
	ios, _, _, _ := iostreams.Test()
	return &Options{
		F:         &cmdutil.Factory{IO: ios, Tr: i18n.For(i18n.EN)},
		Args:      args,
		Listening: true,
		LoadDB:    func() *ports.DB { return ports.NewDB(nil) },
		Machine: func() ports.Machine {
			m := ports.ThisMachine()
			m.Listeners = func([]int) (map[int][]ports.Listener, error) { return listening, err }
			return m
		},
	}
}

func TestListeningVerdicts(t *testing.T) {
	web := []ports.Listener{{Protocol: "tcp", Family: "ipv4", Address: "0.0.0.0", Port: 8001, PID: 9, Process: "web"}}
	cases := []struct {
		name    string
		args    []string
		found   map[int][]ports.Listener
		err     error
		wantMsg string // "" means success
	}{
		{"one listens", []string{"8001"}, map[int][]ports.Listener{8001: web}, nil, ""},
		{"a range with one listener passes", []string{"8000-8005"}, map[int][]ports.Listener{8001: web}, nil, ""},
		{"silent args are named once", []string{"8001", "9000", "9000", "ssh"}, map[int][]ports.Listener{8001: web}, nil, "nothing listens on 9000, ssh"},
		{"this OS cannot tell", []string{"8001"}, nil, ports.ErrListenersUnsupported, "cannot tell who listens"},
		{"asking the OS failed", []string{"8001"}, nil, errors.New("netlink: boom"), "could not check: netlink: boom"},
	}
	for _, c := range cases {
		err := portRun(fakeOptions(c.args, c.found, c.err))
		var failed *cmdutil.FailedError
		switch {
		case c.wantMsg == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.wantMsg != "" && (!errors.As(err, &failed) || !strings.Contains(failed.Msg, c.wantMsg)):
			t.Errorf("%s: error %v, want a FailedError with %q", c.name, err, c.wantMsg)
		}
	}
}
