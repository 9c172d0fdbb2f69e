//go:build !windows

package iface

import (
	"os"
)

// Files read for DNS servers. Reading a file sends no traffic.
const (
	resolvConfPath = "/etc/resolv.conf"
	resolvedUpPath = "/run/systemd/resolve/resolv.conf" // systemd-resolved's real upstreams
)

// DNSServers reads /etc/resolv.conf and, when it only names the
// systemd-resolved stub, the upstream servers that stub forwards to.
func DNSServers() (DNS, error) {
	return readDNS(resolvConfPath, resolvedUpPath)
}

func readDNS(path, upstreamPath string) (DNS, error) {
	rc, err := parseResolvFile(path)
	if err != nil {
		return DNS{Source: path}, err
	}
	d := DNS{Servers: rc.Nameservers, Search: rc.Search, Source: path}
	if IsSystemdStub(rc.Nameservers) {
		d.Stub = true
		if up, err := parseResolvFile(upstreamPath); err == nil {
			d.Upstreams, d.UpstreamSource = up.Nameservers, upstreamPath
		}
	}
	return d, nil
}

func parseResolvFile(path string) (ResolvConf, error) {
	f, err := os.Open(path)
	if err != nil {
		return ResolvConf{}, err
	}
	defer f.Close()
	return ParseResolvConf(f)
}
