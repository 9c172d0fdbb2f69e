package lessons

import (
	"context"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/netinfo/iface"
	"github.com/netlearn/netlearn/netinfo/iface/ifacetest"
)

// fakeSources is a machine whose wlan0 holds lan (an IPv4 /24 or an IPv6
// /64) behind the gateway .1 or fe80::1, next to lo and docker0. With lan
// "" there is no default route.
func fakeSources(lan string) MachineSources {
	return MachineSources{
		Network: func() ([]iface.Interface, []iface.Gateway, error) {
			ifaces := []iface.Interface{
				{Name: "lo", Up: true, Flags: []string{"up", "loopback"}, Addrs: []iface.Addr{
					iface.NewAddr(netip.MustParseAddr("127.0.0.1"), 8), iface.NewAddr(netip.MustParseAddr("::1"), 128)}},
				{Name: "docker0", Up: true, Addrs: []iface.Addr{iface.NewAddr(netip.MustParseAddr("172.17.0.1"), 16)}},
			}
			if lan == "" {
				return ifaces, nil, nil
			}
			a := netip.MustParseAddr(lan)
			bits, gw := 64, netip.MustParseAddr("fe80::1%wlan0")
			if a.Is4() {
				b := a.As4()
				bits, gw = 24, netip.AddrFrom4([4]byte{b[0], b[1], b[2], 1})
			}
			ifaces = append(ifaces, iface.Interface{Name: "wlan0", Up: true, Addrs: []iface.Addr{
				iface.NewAddr(a, bits), iface.NewAddr(netip.MustParseAddr("fe80::23"), 64)}})
			return ifaces, []iface.Gateway{{Address: gw, Interface: "wlan0"}}, nil
		},
		ListeningPorts: func() ([]int, error) { return []int{8080, 631, 5353}, nil },
		ClientConnection: func(context.Context) (netip.AddrPort, netip.AddrPort, error) {
			return netip.MustParseAddrPort("127.0.0.1:51234"), netip.MustParseAddrPort("127.0.0.1:40000"), nil
		},
	}
}

func machineQuestion(t *testing.T, m MachineSources, section string) *Question {
	t.Helper()
	qs := m.Questions(context.Background(), section)
	if len(qs) != 1 {
		t.Fatalf("section %s: %d machine questions, want 1", section, len(qs))
	}
	q := &qs[0]
	if err := q.Check(); err != nil {
		t.Fatalf("section %s: the generated question breaks the rules: %v", section, err)
	}
	if !q.Machine || !strings.HasPrefix(q.ID, "machine-"+section) {
		t.Errorf("section %s: id %q machine %v", section, q.ID, q.Machine)
	}
	return q
}

func TestAddressKindQuestion(t *testing.T) {
	cases := []struct{ lan, answer string }{
		{"192.168.1.23", "private (LAN only)"},
		{"203.0.113.9", "documentation"}, // not a kind a learner is asked about: no question
		{"", "loopback (this host)"},     // no LAN: ask about 127.0.0.1
		{"100.64.0.7", "shared (carrier-grade NAT)"},
		{"8.8.8.8", "global (public)"},
	}
	for _, c := range cases {
		m := fakeSources(c.lan)
		if c.answer == "documentation" {
			if qs := m.Questions(context.Background(), "1.1"); len(qs) != 0 {
				t.Errorf("%s: got a question %+v", c.lan, qs[0])
			}
			continue
		}
		q := machineQuestion(t, m, "1.1")
		if got := q.EN.Choices[*q.Answer]; got != c.answer {
			t.Errorf("%s: answer %q, want %q", c.lan, got, c.answer)
		}
	}
}

func TestLANAddressQuestion(t *testing.T) {
	cases := []struct {
		lan    string
		decoys []string
	}{
		{"192.168.1.20", []string{"192.168.1.1", "192.168.1.255", "172.17.0.1"}},
		{"10.0.0.7", []string{"10.0.0.1", "10.0.0.255", "172.17.0.1"}},
		// An IPv6-only LAN: the link-local gateway and the network's number.
		{"2001:db8:1::23", []string{"fe80::1", "2001:db8:1::"}},
	}
	for _, c := range cases {
		q := machineQuestion(t, fakeSources(c.lan), "1.1.2")
		if q.EN.Choices[*q.Answer] != c.lan || q.ZH.Choices[*q.Answer] != c.lan {
			t.Errorf("%s: the correct choice is %q", c.lan, q.EN.Choices[*q.Answer])
		}
		wrong := slices.Delete(slices.Clone(q.EN.Choices), *q.Answer, *q.Answer+1)
		if !slices.Equal(wrong, c.decoys) {
			t.Errorf("%s: decoys %q, want the real neighbours %q", c.lan, wrong, c.decoys)
		}
		for _, d := range wrong {
			if !strings.Contains(q.EN.Explain, d+" ") || !strings.Contains(q.ZH.Explain, d+" ") {
				t.Errorf("%s: the explanation does not say what %s is: %q", c.lan, d, q.EN.Explain)
			}
		}
		if !strings.Contains(q.EN.Explain, "wlan0") {
			t.Errorf("%s: explanation %q does not name the interface", c.lan, q.EN.Explain)
		}
	}
	a := machineQuestion(t, fakeSources("192.168.1.20"), "1.1.2")
	b := machineQuestion(t, fakeSources("192.168.1.21"), "1.1.2")
	if *a.Answer == *b.Answer {
		t.Error("the right answer sits in the same place for different addresses")
	}
	if qs := fakeSources("").Questions(context.Background(), "1.1.2"); len(qs) != 0 {
		t.Error("a LAN question without a LAN address")
	}
}

// TestLANDecoysSkipLoopbackInterfaces: macOS's lo0 (with fe80::1) and
// Windows' loopback pseudo-interface never supply a decoy.
func TestLANDecoysSkipLoopbackInterfaces(t *testing.T) {
	cases := []struct {
		name   string
		fake   ifacetest.Fake
		gw     string
		lan    string
		decoys []string
	}{
		{"macOS", ifacetest.FakeMacOS(), "100.72.0.1", "100.72.10.5", []string{"100.72.0.1", "100.72.255.255", "100.72.0.0"}},
		{"Windows", ifacetest.FakeWindows(), "172.20.0.1", "172.20.5.14", []string{"172.20.0.1", "172.20.15.255", "172.20.0.0"}},
	}
	for _, c := range cases {
		ifaces, err := iface.Collect(c.fake)
		if err != nil {
			t.Fatal(err)
		}
		gws := iface.NameGatewayInterfaces([]iface.Gateway{{Address: netip.MustParseAddr(c.gw)}}, ifaces)
		m := MachineSources{Network: func() ([]iface.Interface, []iface.Gateway, error) { return ifaces, gws, nil }}
		q := machineQuestion(t, m, "1.1.2")
		wrong := slices.Delete(slices.Clone(q.EN.Choices), *q.Answer, *q.Answer+1)
		if q.EN.Choices[*q.Answer] != c.lan || !slices.Equal(wrong, c.decoys) {
			t.Errorf("%s: answer %q, decoys %q, want %s and %q", c.name, q.EN.Choices[*q.Answer], wrong, c.lan, c.decoys)
		}
	}
}

func TestListeningPortQuestion(t *testing.T) {
	q := machineQuestion(t, fakeSources(""), "1.2.4")
	if !strings.Contains(q.EN.Prompt, "631") || q.EN.Choices[*q.Answer] != "well-known (0-1023)" {
		t.Errorf("prompt %q, answer %q", q.EN.Prompt, q.EN.Choices[*q.Answer])
	}
	m := fakeSources("")
	m.ListeningPorts = func() ([]int, error) { return []int{50000}, nil }
	q = machineQuestion(t, m, "1.2.4")
	if q.ZH.Choices[*q.Answer] != "动态端口（1024-65535）" || !strings.Contains(q.EN.Explain, "its Dynamic (49152-65535) range") || !strings.Contains(q.ZH.Explain, "在它的动态端口（49152-65535）段") {
		t.Errorf("50000: answer %q, explain %q", q.ZH.Choices[*q.Answer], q.EN.Explain)
	}
	m.ListeningPorts = func() ([]int, error) { return nil, nil }
	if qs := m.Questions(context.Background(), "1.2.4"); len(qs) != 0 {
		t.Error("a listening-port question with nothing listening")
	}
}

func TestClientPortQuestion(t *testing.T) {
	q := machineQuestion(t, fakeSources(""), "1.7")
	for _, lang := range Langs {
		text := q.In(lang)
		if !strings.Contains(text.Prompt, "51234") || !strings.Contains(text.Prompt, "40000") {
			t.Errorf("%s: the prompt should show both real ports: %q", lang, text.Prompt)
		}
		// Both numbers came from the OS: the server's at bind(0).
		if !strings.Contains(text.Choices[*q.Answer], "bind(0)") || !strings.Contains(text.Explain, "bind()") {
			t.Errorf("%s: answer %q, explain %q", lang, text.Choices[*q.Answer], text.Explain)
		}
		if strings.Count(text.Explain, "51234") != 1 {
			t.Errorf("%s: the explanation should name the client's port once: %q", lang, text.Explain)
		}
	}
}

func TestMissingOrFailingSourcesGiveNoQuestion(t *testing.T) {
	none := MachineSources{}
	failing := MachineSources{
		Network:        func() ([]iface.Interface, []iface.Gateway, error) { return nil, nil, errors.New("x") },
		ListeningPorts: func() ([]int, error) { return nil, errors.New("x") },
		ClientConnection: func(context.Context) (netip.AddrPort, netip.AddrPort, error) {
			return netip.AddrPort{}, netip.AddrPort{}, errors.New("x")
		},
	}
	if qs := none.Questions(context.Background(), "1.1"); len(qs) != 0 {
		t.Error("an address question without an address source")
	}
	for _, m := range []MachineSources{none, failing} {
		for _, s := range []string{"1.1.2", "1.2.4", "1.7", "1.3"} {
			if qs := m.Questions(context.Background(), s); len(qs) != 0 {
				t.Errorf("section %s: %d questions from no facts", s, len(qs))
			}
		}
	}
}

func TestLoopbackConnection(t *testing.T) {
	client, server, err := LoopbackConnection(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !client.Addr().IsLoopback() || !server.Addr().IsLoopback() || client.Port() == 0 || client.Port() == server.Port() {
		t.Errorf("client %v server %v", client, server)
	}
}

// TestMachineChoicesGiveNothingAway: in the machine questions whose
// choices are fixed texts (1.1 for the usual private or loopback answer,
// 1.7), the right choice is neither the only longest nor the only
// shortest, in either language, so the blind strategies of
// strategy_test.go gain nothing from them.
func TestMachineChoicesGiveNothingAway(t *testing.T) {
	for _, c := range []struct{ lan, section string }{{"192.168.1.23", "1.1"}, {"", "1.1"}, {"", "1.7"}} {
		q := machineQuestion(t, fakeSources(c.lan), c.section)
		for _, lang := range Langs {
			choices := q.In(lang).Choices
			for _, s := range blindStrategies[:2] { // longest, shortest
				if picks := s.pick(choices); len(picks) == 1 && picks[0] == *q.Answer {
					t.Errorf("%s %s (lan %q): %q finds the answer %q among %q", q.ID, lang, c.lan, s.name, choices[*q.Answer], choices)
				}
			}
		}
	}
}
