package lessons

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func fakeSources(lan string) MachineSources {
	return MachineSources{
		LANAddress: func() (netip.Addr, string, error) {
			if lan == "" {
				return netip.Addr{}, "", errors.New("no default route")
			}
			return netip.MustParseAddr(lan), "wlan0", nil
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
		{"", "loopback"},                 // no LAN: ask about 127.0.0.1
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
	for _, lan := range []string{"192.168.1.20", "192.168.1.21", "10.0.0.7", "fd00::5"} {
		q := machineQuestion(t, fakeSources(lan), "1.1.2")
		if q.EN.Choices[*q.Answer] != lan || q.ZH.Choices[*q.Answer] != lan {
			t.Errorf("%s: the correct choice is %q", lan, q.EN.Choices[*q.Answer])
		}
		if !strings.Contains(q.EN.Explain, "wlan0") {
			t.Errorf("%s: explanation %q does not name the interface", lan, q.EN.Explain)
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
	if !q.Grade(ZH, "５１２３４").Correct || q.Grade(EN, "40000").Correct {
		t.Errorf("the client's port should be the answer, not the server's: %+v", q.EN)
	}
}

func TestMissingOrFailingSourcesGiveNoQuestion(t *testing.T) {
	none := MachineSources{}
	failing := MachineSources{
		LANAddress:     func() (netip.Addr, string, error) { return netip.Addr{}, "", errors.New("x") },
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
