package iface

import (
	"bufio"
	"io"
	"net/netip"
	"strings"
)

// DNS is where this machine sends its name lookups.
type DNS struct {
	Servers []netip.Addr `json:"servers"`
	Search  []string     `json:"search,omitempty"` // domains tried after a short name
	Source  string       `json:"source"`           // the file or OS call the list came from
	// Stub is true when the only server is systemd-resolved's local stub
	// (127.0.0.53): the real servers are then its Upstreams.
	Stub           bool         `json:"stub,omitempty"`
	Upstreams      []netip.Addr `json:"upstreams,omitempty"`
	UpstreamSource string       `json:"upstream_source,omitempty"`
	// PerInterface holds each adapter's own list where the OS keeps one
	// (Windows); keys are interface names.
	PerInterface map[string][]netip.Addr `json:"per_interface,omitempty"`
}

// ResolvConf is what a resolv.conf file says about DNS servers.
type ResolvConf struct {
	Nameservers []netip.Addr
	Search      []string
}

// ParseResolvConf reads resolv.conf(5): "nameserver ADDR" lines in order,
// and "search"/"domain" for the search list (the last such line wins, as in
// glibc). Comments start with # or ;. Lines that do not parse are skipped,
// as the C library skips them.
func ParseResolvConf(r io.Reader) (ResolvConf, error) {
	var rc ResolvConf
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	for sc.Scan() {
		fields := strings.Fields(stripComment(sc.Text()))
		if len(fields) < 2 {
			continue
		}
		switch fields[0] {
		case "nameserver":
			if a, err := netip.ParseAddr(fields[1]); err == nil {
				rc.Nameservers = append(rc.Nameservers, a.Unmap())
			}
		case "search", "domain":
			rc.Search = append([]string(nil), fields[1:]...)
		}
	}
	return rc, sc.Err()
}

func stripComment(line string) string {
	if i := strings.IndexAny(line, "#;"); i >= 0 {
		return line[:i]
	}
	return line
}

// systemdStub is the address systemd-resolved listens on for local
// programs; a resolv.conf naming only it hides the real servers.
var systemdStub = netip.MustParseAddr("127.0.0.53")

// IsSystemdStub reports whether servers is just systemd-resolved's stub.
func IsSystemdStub(servers []netip.Addr) bool {
	return len(servers) == 1 && servers[0] == systemdStub
}
