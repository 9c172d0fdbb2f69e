package ports

import (
	"reflect"
	"testing"
)

func TestParseLsof(t *testing.T) {
	out := "p101\ncnginx\nf6\nPTCP\ntIPv4\nn*:80\nf7\nPTCP\ntIPv6\nn*:80\n" +
		"p202\ncmDNSResponder\nf5\nPUDP\ntIPv4\nn*:5353\nf9\nPUDP\ntIPv6\nn[::1]:5353\n" +
		"p303\ncclient\nf3\nPUDP\ntIPv4\nn127.0.0.1:5353->127.0.0.1:53\nf4\nPTCP\ntIPv4\nn127.0.0.1:8080\n"
	got := parseLsof(out, map[int]bool{80: true, 5353: true})
	want := []Listener{
		{"tcp", "ipv4", "0.0.0.0", 80, 101, "nginx"},
		{"tcp", "ipv6", "::", 80, 101, "nginx"},
		{"udp", "ipv4", "0.0.0.0", 5353, 202, "mDNSResponder"},
		{"udp", "ipv6", "::1", 5353, 202, "mDNSResponder"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseLsof:\n got %+v\nwant %+v", got, want)
	}
}

func FuzzParseLsof(f *testing.F) {
	f.Add("p1\ncx\nf3\nPTCP\ntIPv4\nn*:80\n")
	f.Add("n[::1:80\nPUDP\nn:\n")
	f.Fuzz(func(t *testing.T, out string) {
		for _, l := range parseLsof(out, map[int]bool{80: true}) {
			if l.Port != 80 || (l.Protocol != "tcp" && l.Protocol != "udp") {
				t.Fatalf("bad listener %+v", l)
			}
		}
	})
}
