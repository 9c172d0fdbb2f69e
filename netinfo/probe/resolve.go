package probe

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"time"
	"unicode"
)

// Family restricts which IP version a name may resolve to.
type Family string

// The families, named as Go's resolver names them.
const (
	AnyFamily Family = "ip"
	IPv4      Family = "ip4"
	IPv6      Family = "ip6"
)

// Resolver looks names up. *net.Resolver satisfies it.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Resolution is the DNS step: which name became which address, and how
// long the lookup took. FromDNS is false when the host was an address.
type Resolution struct {
	Host    string        `json:"host"`
	Address netip.Addr    `json:"address"`
	FromDNS bool          `json:"from_dns"`
	Took    time.Duration `json:"-"`
}

// Target errors: what is wrong with the text the user typed.
var (
	ErrEmptyHost    = errors.New("empty host")
	ErrHostIsURL    = errors.New("host looks like a URL")
	ErrHostIsPrefix = errors.New("host is a network prefix (ADDRESS/LENGTH)")
	ErrHostHasPort  = errors.New("host has a port")
	ErrHostBadChars = errors.New("host has characters no host name may have")
	ErrWrongFamily  = errors.New("address is of the other IP version")
	ErrHostTooLong  = errors.New("host name longer than DNS allows")
	ErrBadIPv4      = errors.New("only digits and dots, but not an IPv4 address")
)

// DNS limits (RFC 1035): a name of at most 253 characters, written
// without the final dot, and at most 63 between two dots.
const (
	maxNameLen  = 253
	maxLabelLen = 63
)

// ResolveError means the name did not become an address. It is a DNS
// failure, not a network one: no packet was sent to the host.
type ResolveError struct {
	Host     string
	NotFound bool // the name does not exist (as opposed to no answer)
	Timeout  bool // the DNS server did not answer in time
	Err      error
}

func (e *ResolveError) Error() string { return "resolve " + e.Host + ": " + e.Err.Error() }
func (e *ResolveError) Unwrap() error { return e.Err }

// errReservedInvalid is returned for names under .invalid, which RFC 6761
// reserves as never resolving: asking a DNS server would only leak the name.
var errReservedInvalid = errors.New("names under .invalid never resolve (RFC 6761)")

// ParseTarget checks the host the user typed. It returns the address when
// the host is an IP literal (brackets allowed: [::1]) and the cleaned name
// otherwise.
func ParseTarget(host string, fam Family) (name string, addr netip.Addr, err error) {
	host = strings.TrimSpace(host)
	if host == "" {
		return "", netip.Addr{}, ErrEmptyHost
	}
	if _, perr := netip.ParsePrefix(strings.Trim(host, "[]")); perr == nil {
		return "", netip.Addr{}, ErrHostIsPrefix
	}
	if strings.Contains(host, "://") || strings.ContainsRune(host, '/') {
		return "", netip.Addr{}, ErrHostIsURL
	}
	if trimmed, ok := strings.CutPrefix(host, "["); ok {
		if inner, ok := strings.CutSuffix(trimmed, "]"); ok {
			host = inner
		}
	}
	if host == "" {
		return "", netip.Addr{}, ErrEmptyHost
	}
	if a, perr := netip.ParseAddr(host); perr == nil {
		a = a.Unmap()
		if !familyAllows(fam, a) {
			return "", netip.Addr{}, ErrWrongFamily
		}
		return host, a, nil
	}
	if strings.ContainsRune(host, ':') {
		return "", netip.Addr{}, ErrHostHasPort
	}
	if strings.ContainsAny(host, " []@?#\\\"'<>,;") || strings.IndexFunc(host, unicode.IsControl) >= 0 {
		return "", netip.Addr{}, ErrHostBadChars
	}
	if err := checkName(host); err != nil {
		return "", netip.Addr{}, err
	}
	return host, netip.Addr{}, nil
}

// checkName refuses what no DNS server could answer, so that a typo such
// as 256.1.1.1 is reported as what it is, and never sent to a DNS server.
func checkName(host string) error {
	name := strings.TrimSuffix(host, ".")
	if len(name) > maxNameLen {
		return ErrHostTooLong
	}
	digitsOnly := true
	for label := range strings.SplitSeq(name, ".") {
		switch {
		case label == "":
			return ErrHostBadChars // "a..b", ".a" or "."
		case len(label) > maxLabelLen:
			return ErrHostTooLong
		}
		digitsOnly = digitsOnly && strings.Trim(label, "0123456789") == ""
	}
	if digitsOnly {
		// ParseAddr refused it, yet it is all numbers: a mistyped
		// address (256.1.1.1, 10.1.1), never a name (RFC 3696 §2).
		return ErrBadIPv4
	}
	return nil
}

// Resolve turns host into one address of the wanted family, timing the
// lookup. An IP literal needs no lookup. The first address the resolver
// gives wins, as with iputils (the system orders them by RFC 6724).
func Resolve(ctx context.Context, r Resolver, host string, fam Family) (Resolution, error) {
	name, addr, err := ParseTarget(host, fam)
	if err != nil {
		return Resolution{}, err
	}
	if addr.IsValid() {
		return Resolution{Host: name, Address: addr}, nil
	}
	if isReservedInvalid(name) {
		return Resolution{}, &ResolveError{Host: name, NotFound: true, Err: errReservedInvalid}
	}
	start := time.Now()
	addrs, err := r.LookupNetIP(ctx, string(fam), name)
	took := time.Since(start)
	if err != nil {
		return Resolution{}, classifyDNSError(name, err)
	}
	for _, a := range addrs {
		if a = a.Unmap(); familyAllows(fam, a) {
			return Resolution{Host: name, Address: a, FromDNS: true, Took: took}, nil
		}
	}
	return Resolution{}, &ResolveError{Host: name, NotFound: true, Err: errors.New("no address of the wanted IP version")}
}

func isReservedInvalid(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(name, "."))
	return n == "invalid" || strings.HasSuffix(n, ".invalid")
}

func familyAllows(fam Family, a netip.Addr) bool {
	switch fam {
	case IPv4:
		return a.Is4()
	case IPv6:
		return a.Is6()
	}
	return true
}

func classifyDNSError(name string, err error) *ResolveError {
	re := &ResolveError{Host: name, Err: err}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		re.NotFound = dnsErr.IsNotFound
		re.Timeout = dnsErr.IsTimeout
	}
	if errors.Is(err, context.DeadlineExceeded) {
		re.Timeout = true
	}
	return re
}
