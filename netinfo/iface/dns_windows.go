//go:build windows

package iface

import (
	"errors"
	"net/netip"
	"unsafe"

	"golang.org/x/sys/windows"
)

// DNSServers asks Windows for the adapters' DNS servers with
// GetAdaptersAddresses (the list `ipconfig /all` shows) and keeps those
// Go's own resolver would use; see adapterDNS.
func DNSServers() (DNS, error) {
	adapters, err := systemAdapters()
	if err != nil {
		return DNS{Source: "GetAdaptersAddresses"}, err
	}
	return adapterDNS(adapters), nil
}

// systemGateways reads each adapter's default gateways, IPv4 and IPv6, from
// the same GetAdaptersAddresses call (GAA_FLAG_INCLUDE_GATEWAYS). Windows
// names the adapter itself, so nameOf is not needed.
func systemGateways(func(index int) string) ([]Gateway, error) {
	adapters, err := systemAdapters()
	if err != nil {
		return nil, err
	}
	return adapterGateways(adapters), nil
}

// systemAdapters converts Windows' linked list of adapters.
func systemAdapters() ([]adapter, error) {
	aa, err := adapterAddresses()
	if err != nil {
		return nil, err
	}
	var out []adapter
	for ; aa != nil; aa = aa.Next {
		ad := adapter{
			Name:   windows.UTF16PtrToString(aa.FriendlyName),
			Up:     aa.OperStatus == windows.IfOperStatusUp,
			Suffix: windows.UTF16PtrToString(aa.DnsSuffix),
		}
		for g := aa.FirstGatewayAddress; g != nil; g = g.Next {
			ad.Gateways = appendAddr(ad.Gateways, g.Address)
		}
		for s := aa.FirstDnsServerAddress; s != nil; s = s.Next {
			ad.DNS = appendAddr(ad.DNS, s.Address)
		}
		out = append(out, ad)
	}
	return out, nil
}

func appendAddr(list []netip.Addr, sa windows.SocketAddress) []netip.Addr {
	if a, ok := netip.AddrFromSlice(sa.IP()); ok {
		return append(list, a.Unmap())
	}
	return list
}

// adapterAddresses calls GetAdaptersAddresses, growing the buffer when
// Windows says it is too small (a bounded number of times: adapters can
// appear between two calls).
func adapterAddresses() (*windows.IpAdapterAddresses, error) {
	const flags = windows.GAA_FLAG_SKIP_ANYCAST | windows.GAA_FLAG_SKIP_MULTICAST | windows.GAA_FLAG_INCLUDE_GATEWAYS
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
