package ports

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// MaxRangePorts caps how many ports one range argument may name: enough for
// any lesson, small enough that the answer stays readable and quick.
const MaxRangePorts = 1024

// Why an argument is not a port, for ArgError.Kind.
const (
	BadEmpty       = "empty"          // "" or only spaces
	BadOutOfRange  = "out-of-range"   // -1, 65536, 99999
	BadNotDecimal  = "not-decimal"    // 80x, 0x50, +80: starts like a number but is not one
	BadUnknownName = "unknown-name"   // not a service name this machine or netlearn knows
	BadReversed    = "reversed-range" // 9000-8000
	BadTooLarge    = "range-too-large"
)

// AllBadKinds lists every kind of bad argument (ArgError.Kind).
func AllBadKinds() []string {
	return []string{BadEmpty, BadOutOfRange, BadNotDecimal, BadUnknownName, BadReversed, BadTooLarge}
}

// ArgError says why an argument names no port. Kind is one of the Bad
// constants; the command layer turns it into a translated sentence.
type ArgError struct {
	Kind string
	Arg  string
}

func (e *ArgError) Error() string { return "ports: " + strconv.Quote(e.Arg) + ": " + e.Kind }

// ParseArg turns one argument into the ports it names: a number ("80"), a
// range ("8000-8010", at most MaxRangePorts ports) or a service name or
// alias known to db ("http", "www"), in ASCII or full-width characters.
// Ports come back ascending.
func ParseArg(arg string, db *DB) ([]int, error) {
	// A Chinese input method in full-width mode types ８０ for 80.
	s := strings.TrimSpace(width.Narrow.String(arg))
	bad := func(kind string) ([]int, error) { return nil, &ArgError{Kind: kind, Arg: arg} }
	switch {
	case s == "":
		return bad(BadEmpty)
	case isDecimal(s):
		port, ok := portNumber(s)
		if !ok {
			return bad(BadOutOfRange)
		}
		return []int{port}, nil
	case s[0] == '-' && isDecimal(s[1:]):
		return bad(BadOutOfRange) // a negative number
	}
	if low, high, ok := strings.Cut(s, "-"); ok && isDecimal(low) && isDecimal(high) {
		return parseRangeArg(low, high, bad)
	}
	if ports := db.PortsFor(s); len(ports) > 0 {
		return ports, nil
	}
	if looksNumeric(s) {
		return bad(BadNotDecimal)
	}
	return bad(BadUnknownName)
}

func parseRangeArg(lowText, highText string, bad func(string) ([]int, error)) ([]int, error) {
	low, okLow := portNumber(lowText)
	high, okHigh := portNumber(highText)
	switch {
	case !okLow || !okHigh:
		return bad(BadOutOfRange)
	case low > high:
		return bad(BadReversed)
	case high-low+1 > MaxRangePorts:
		return bad(BadTooLarge)
	}
	ports := make([]int, 0, high-low+1)
	for p := low; p <= high; p++ {
		ports = append(ports, p)
	}
	return ports, nil
}

// portNumber converts decimal digits to a port; false when it is beyond
// 65535 (including numbers too long for an int).
func portNumber(digits string) (int, bool) {
	n, err := strconv.Atoi(digits)
	return n, err == nil && n <= MaxPort
}

// looksNumeric reports whether an unknown argument was probably meant as a
// number (it starts with a digit or a sign), so the message talks about
// number syntax rather than service names.
func looksNumeric(s string) bool {
	c := s[0]
	return (c >= '0' && c <= '9') || c == '-' || c == '+'
}
