package ports

import (
	"errors"

	"github.com/netlearn/netlearn/locale"
)

// Report is everything netlearn says about one port. JSON field names are
// a stable interface documented in the README.
type Report struct {
	Arg              string     `json:"arg"` // the argument that named the port
	Port             int        `json:"port"`
	Class            string     `json:"class"`      // the notes' class
	IANARange        string     `json:"iana_range"` // IANA's range
	Services         []Service  `json:"services"`
	EphemeralRange   Range      `json:"ephemeral_range"`
	EphemeralSource  string     `json:"ephemeral_source"`
	InEphemeralRange bool       `json:"in_ephemeral_range"`
	NeedsPrivilege   bool       `json:"needs_privilege"`
	Privilege        Privilege  `json:"privilege"`
	Listening        []Listener `json:"listening"`
	// ListeningStatus is "checked", "unavailable" (this OS or build cannot
	// list sockets) or "failed" (ListeningError says why).
	ListeningStatus string `json:"listening_status"`
	ListeningError  string `json:"listening_error,omitempty"`
}

// Values of Report.ListeningStatus.
const (
	ListeningChecked     = "checked"
	ListeningUnavailable = "unavailable"
	ListeningFailed      = "failed"
)

// Target is one port to report on and the argument that named it.
type Target struct {
	Arg  string
	Port int
}

// Machine is what Inspect asks the OS; tests replace parts of it.
type Machine struct {
	Ephemeral       func() (Range, error)
	EphemeralSource string
	Privilege       func(port int) Privilege
	Listeners       func(ports []int) (map[int][]Listener, error)
}

// ThisMachine asks the real OS. The privilege rule is read once here, not
// per port: it comes from files under /proc, and a few range arguments can
// ask about tens of thousands of ports.
func ThisMachine() Machine {
	rule := privilegeRule()
	return Machine{
		Ephemeral:       EphemeralRange,
		EphemeralSource: EphemeralSource(),
		Privilege:       rule.privilegeFor,
		Listeners:       ListenersOn,
	}
}

// Inspect builds the reports for targets, in order, with service
// descriptions in lang. The OS is asked once for all of them.
func Inspect(targets []Target, db *DB, m Machine, lang locale.Lang) []Report {
	eph, _ := m.Ephemeral() // on error it is the OS's default, still the best answer
	ports := make([]int, len(targets))
	for i, t := range targets {
		ports[i] = t.Port
	}
	listening, err := m.Listeners(ports)
	status, errText := ListeningChecked, ""
	switch {
	case errors.Is(err, ErrListenersUnsupported):
		status = ListeningUnavailable
	case err != nil:
		status, errText = ListeningFailed, err.Error()
	}
	reports := make([]Report, len(targets))
	for i, t := range targets {
		priv := m.Privilege(t.Port)
		reports[i] = Report{
			Arg:              t.Arg,
			Port:             t.Port,
			Class:            NotesClass(t.Port),
			IANARange:        IANARange(t.Port),
			Services:         db.ServicesFor(t.Port, lang),
			EphemeralRange:   eph,
			EphemeralSource:  m.EphemeralSource,
			InEphemeralRange: eph.Contains(t.Port),
			NeedsPrivilege:   priv.Needed,
			Privilege:        priv,
			Listening:        append([]Listener{}, listening[t.Port]...),
			ListeningStatus:  status,
			ListeningError:   errText,
		}
	}
	return reports
}
