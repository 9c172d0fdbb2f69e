//go:build windows

package iface

import (
	"errors"
	"net/netip"
	"unsafe"

	"golang.org/x/sys/windows"
)

// DNSServers asks Windows for every adapter's DNS servers with
// GetAdaptersAddresses (the list `ipconfig /all` shows). Servers holds them
// all, de-duplicated, in adapter order; PerInterface keeps each adapter's.
func DNSServers() (DNS, error) {
	adapters, err := adapterAddresses()
	if err != nil {
		return DNS{Source: "GetAdaptersAddresses"}, err
	}
	d := DNS{Source: "GetAdaptersAddresses", PerInterface: map[string][]netip.Addr{}}
	seen := map[netip.Addr]bool{}
	for aa := adapters; aa != nil; aa = aa.Next {
		name := windows.UTF16PtrToString(aa.FriendlyName)
		for s := aa.FirstDnsServerAddress; s != nil; s = s.Next {
			a, ok := netip.AddrFromSlice(s.Address.IP())
			if !ok {
				continue
			}
			a = a.Unmap()
			d.PerInterface[name] = append(d.PerInterface[name], a)
			if !seen[a] {
				seen[a] = true
				d.Servers = append(d.Servers, a)
			}
		}
		if sfx := windows.UTF16PtrToString(aa.DnsSuffix); sfx != "" && len(d.Search) == 0 {
			d.Search = []string{sfx}
		}
	}
	return d, nil
}

// adapterAddresses calls GetAdaptersAddresses, growing the buffer when
// Windows says it is too small (a bounded number of times: adapters can
// appear between two calls).
func adapterAddresses() (*windows.IpAdapterAddresses, error) {
	const flags = windows.GAA_FLAG_SKIP_ANYCAST | windows.GAA_FLAG_SKIP_MULTICAST
	size := uint32(16 * 1024)
	for range 4 {
		buf := make([]byte, size)
		aa := (*windows.IpAdapterAddresses)(unsafe.Pointer(&buf[0]))
		err := windows.GetAdaptersAddresses(windows.AF_UNSPEC, flags, 0, aa, &size)
		if err == nil {
			return aa, nil
		}
		if !errors.Is(err, windows.ERROR_BUFFER_OVERFLOW) {
			return nil, err
		}
	}
	return nil, errors.New("GetAdaptersAddresses: the adapter list kept growing")
}
