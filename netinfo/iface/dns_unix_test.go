//go:build !windows

package iface

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDNSFollowsSystemdStub(t *testing.T) {
	dir := t.TempDir()
	stub := writeFile(t, dir, "resolv.conf", "nameserver 127.0.0.53\noptions edns0\nsearch home\n")
	up := writeFile(t, dir, "upstream.conf", "nameserver 192.168.1.1\nnameserver 2001:db8::1\n")
	d, err := readDNS(stub, up)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Stub || !reflect.DeepEqual(d.Upstreams, addrs("192.168.1.1", "2001:db8::1")) || d.UpstreamSource != up || d.Source != stub {
		t.Errorf("%+v", d)
	}
	// The upstream file may be missing or unreadable: the stub is still reported.
	d, err = readDNS(stub, filepath.Join(dir, "missing"))
	if err != nil || !d.Stub || d.Upstreams != nil {
		t.Errorf("%+v %v", d, err)
	}
}

func TestReadDNSPlainAndMissing(t *testing.T) {
	dir := t.TempDir()
	plain := writeFile(t, dir, "resolv.conf", "nameserver 10.0.0.53\n")
	d, err := readDNS(plain, filepath.Join(dir, "never-read"))
	if err != nil || d.Stub || !reflect.DeepEqual(d.Servers, addrs("10.0.0.53")) {
		t.Errorf("%+v %v", d, err)
	}
	if _, err := readDNS(filepath.Join(dir, "absent"), ""); err == nil {
		t.Error("a missing resolv.conf must be an error")
	}
}
