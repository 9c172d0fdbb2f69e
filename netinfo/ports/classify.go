// Package ports answers questions about TCP and UDP port numbers: which class
// the notes and IANA put a port in, which services use it, whether the OS
// would pick it as a client's ephemeral port, whether binding it needs
// privilege, and who on this machine listens on it now. It never prints.
package ports

// The edges of the port space and of its classes.
const (
	MinPort = 0
	MaxPort = 65535

	// FirstDynamic is where the notes' "dynamic" class starts; everything
	// below it is "well-known". IANA calls the same lower part "system".
	FirstDynamic = 1024
	// FirstIANADynamic is where IANA's dynamic/private range starts; IANA
	// calls 1024..49151 "user" (registered) ports.
	FirstIANADynamic = 49152
)

// The notes' two classes.
const (
	ClassWellKnown = "well-known"
	ClassDynamic   = "dynamic"
)

// IANA's three ranges (RFC 6335).
const (
	IANASystem  = "system"
	IANAUser    = "user"
	IANADynamic = "dynamic"
)

// AllClasses lists every class of the notes' simple split.
func AllClasses() []string { return []string{ClassWellKnown, ClassDynamic} }

// AllIANARanges lists every IANA range.
func AllIANARanges() []string { return []string{IANASystem, IANAUser, IANADynamic} }

// NotesClass returns the notes' class of port: "well-known" for 0..1023,
// "dynamic" above. The notes fold IANA's user and dynamic ranges into one.
func NotesClass(port int) string {
	if port < FirstDynamic {
		return ClassWellKnown
	}
	return ClassDynamic
}

// IANARange returns IANA's range of port: "system" (0..1023), "user"
// (1024..49151) or "dynamic" (49152..65535).
func IANARange(port int) string {
	switch {
	case port < FirstDynamic:
		return IANASystem
	case port < FirstIANADynamic:
		return IANAUser
	default:
		return IANADynamic
	}
}

// Range is an inclusive span of ports.
type Range struct {
	Low  int `json:"low"`
	High int `json:"high"`
}

// Contains reports whether port lies in r.
func (r Range) Contains(port int) bool { return port >= r.Low && port <= r.High }

// IANADynamicRange is IANA's suggestion for ephemeral ports, used by
// Windows and the BSDs out of the box.
var IANADynamicRange = Range{Low: FirstIANADynamic, High: MaxPort}
