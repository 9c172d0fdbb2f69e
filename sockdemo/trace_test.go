package sockdemo

import (
	"net/netip"
	"testing"

	"github.com/netlearn/netlearn/netinfo/socktable"
)

func TestFindState(t *testing.T) {
	ap := netip.MustParseAddrPort
	socks := []socktable.Socket{
		{State: socktable.Listen, Local: ap("127.0.0.1:8888"), Remote: ap("0.0.0.0:0")},
		{State: socktable.Established, Local: ap("127.0.0.1:8888"), Remote: ap("127.0.0.1:54000")},
		{State: socktable.TimeWait, Local: ap("127.0.0.1:54000"), Remote: ap("127.0.0.1:8888")},
		{IPv6: true, State: socktable.CloseWait, Local: ap("[::ffff:127.0.0.1]:8080"), Remote: ap("[::ffff:127.0.0.1]:50000")},
		{IPv6: true, State: socktable.Listen, Local: ap("[::1]:8080"), Remote: ap("[::]:0")},
	}
	cases := []struct{ local, remote, want string }{
		{"127.0.0.1:8888", "", "LISTEN"},
		{"127.0.0.1:8888", "127.0.0.1:54000", "ESTABLISHED"},
		{"127.0.0.1:54000", "127.0.0.1:8888", "TIME_WAIT"},
		{"127.0.0.1:8080", "127.0.0.1:50000", "CLOSE_WAIT"}, // a v4-mapped socket found by its IPv4 address
		{"[::1]:8080", "", "LISTEN"},
		{"127.0.0.1:1", "", ""},
		{"bogus", "", ""},
	}
	for _, c := range cases {
		if got := findState(socks, c.local, c.remote); got != c.want {
			t.Errorf("findState(%s, %s) = %q, want %q", c.local, c.remote, got, c.want)
		}
	}
}
