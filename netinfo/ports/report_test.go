package ports

import (
	"errors"
	"testing"
)

func fakeMachine(listeners map[int][]Listener, err error) Machine {
	return Machine{
		Ephemeral:       func() (Range, error) { return Range{32768, 60999}, nil },
		EphemeralSource: SourceLinuxSysctl,
		Privilege: func(port int) Privilege {
			return Privilege{Needed: port < 1024, UnprivilegedStart: 1024, Rule: RuleLinux}
		},
		Listeners: func([]int) (map[int][]Listener, error) { return listeners, err },
	}
}

func TestInspect(t *testing.T) {
	l := Listener{Protocol: "tcp", Family: "ipv4", Address: "0.0.0.0", Port: 80, PID: 7, Process: "web"}
	got := Inspect([]Target{{"http", 80}, {"40000", 40000}}, testDB(t), fakeMachine(map[int][]Listener{80: {l}}, nil), "en")
	http, high := got[0], got[1]
	if http.Arg != "http" || http.Class != ClassWellKnown || http.IANARange != IANASystem || !http.NeedsPrivilege ||
		http.InEphemeralRange || len(http.Listening) != 1 || http.ListeningStatus != ListeningChecked {
		t.Errorf("80: %+v", http)
	}
	if high.Class != ClassDynamic || high.IANARange != IANAUser || high.NeedsPrivilege || !high.InEphemeralRange ||
		high.Listening == nil || len(high.Listening) != 0 || len(high.Services) != 0 {
		t.Errorf("40000: %+v", high)
	}
}

func TestInspectSaysWhenListenersCannotBeSeen(t *testing.T) {
	got := Inspect([]Target{{"80", 80}}, testDB(t), fakeMachine(nil, ErrListenersUnsupported), "en")
	if got[0].ListeningStatus != ListeningUnavailable || got[0].ListeningError != "" {
		t.Errorf("unsupported: %+v", got[0])
	}
	got = Inspect([]Target{{"80", 80}}, testDB(t), fakeMachine(nil, errors.New("netlink: boom")), "en")
	if got[0].ListeningStatus != ListeningFailed || got[0].ListeningError != "netlink: boom" {
		t.Errorf("failed: %+v", got[0])
	}
}
