package ping_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/ping"
	"github.com/netlearn/netlearn/netinfo/ping/pingtest"
)

var (
	lanAddr = netip.MustParseAddr("127.0.0.2")
	gwAddr  = netip.MustParseAddr("127.0.0.3")
	netAddr = netip.MustParseAddr("127.0.0.4")
)

// loopbackLadder points every rung at loopback stand-ins.
func loopbackLadder(p ping.Pinger) ping.CheckOptions {
	return ping.CheckOptions{
		LAN: lanAddr, Gateway: gwAddr, InternetHost: "internet.test",
		Resolver: &pingtest.Resolver{Addrs: map[string][]netip.Addr{"internet.test": {netAddr}}},
		Pinger:   p,
	}
}

type stepWant struct {
	name    ping.StepName
	ok      bool
	skipped bool
	reason  ping.Reason
}

func checkSteps(t *testing.T, rep ping.CheckReport, want []stepWant) {
	t.Helper()
	if len(rep.Steps) != len(want) {
		t.Fatalf("%d steps, want %d: %+v", len(rep.Steps), len(want), rep.Steps)
	}
	for i, w := range want {
		s := rep.Steps[i]
		if s.Name != w.name || s.OK != w.ok || s.Skipped != w.skipped || s.Reason != w.reason {
			t.Errorf("step %d = %s ok=%v skipped=%v reason=%q, want %+v", i, s.Name, s.OK, s.Skipped, s.Reason, w)
		}
	}
}

func TestCheckClimbsTheWholeLadder(t *testing.T) {
	var seen []ping.StepName
	o := loopbackLadder(&pingtest.Pinger{})
	o.OnStep = func(s ping.Step) { seen = append(seen, s.Name) }
	rep := ping.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{ping.StepLoopback, true, false, ""}, {ping.StepLAN, true, false, ""},
		{ping.StepGateway, true, false, ""}, {ping.StepDNS, true, false, ""},
		{ping.StepInternet, true, false, ""},
	})
	if !rep.OK || rep.FailedAt != "" || len(seen) != 5 {
		t.Errorf("ok %v failed at %q, %d steps seen", rep.OK, rep.FailedAt, len(seen))
	}
	if rep.Steps[3].Address != netAddr.String() || rep.Steps[4].Target != netAddr.String() {
		t.Errorf("internet step did not ping what DNS found: %+v", rep.Steps[3:])
	}
}

// TestCheckGoesOnPastASilentGateway: many routers ignore ping, so a
// gateway that stays silent (no error, just no reply) does not end the
// ladder: DNS and the internet host are still tried. When they answer, the
// network works and the report says the gateway only ignores ping.
func TestCheckGoesOnPastASilentGateway(t *testing.T) {
	rep := ping.Check(context.Background(), loopbackLadder(&pingtest.Pinger{Silent: []netip.Addr{gwAddr}}))
	checkSteps(t, rep, []stepWant{
		{ping.StepLoopback, true, false, ""}, {ping.StepLAN, true, false, ""},
		{ping.StepGateway, false, false, ping.ReasonNoReply},
		{ping.StepDNS, true, false, ""},
		{ping.StepInternet, true, false, ""},
	})
	if !rep.OK || rep.FailedAt != "" || rep.Verdict != ping.CheckGatewayIgnoresPing {
		t.Errorf("ok %v failed at %q verdict %q, want ok, none, %q", rep.OK, rep.FailedAt, rep.Verdict, ping.CheckGatewayIgnoresPing)
	}
}

// TestCheckBlamesASilentGatewayWhenTheWayOutFails: when the internet does
// not answer either, the silent gateway is where it most likely breaks.
func TestCheckBlamesASilentGatewayWhenTheWayOutFails(t *testing.T) {
	rep := ping.Check(context.Background(), loopbackLadder(&pingtest.Pinger{Silent: []netip.Addr{gwAddr, netAddr}}))
	checkSteps(t, rep, []stepWant{
		{ping.StepLoopback, true, false, ""}, {ping.StepLAN, true, false, ""},
		{ping.StepGateway, false, false, ping.ReasonNoReply},
		{ping.StepDNS, true, false, ""},
		{ping.StepInternet, false, false, ping.ReasonNoReply},
	})
	if rep.OK || rep.FailedAt != ping.StepGateway || rep.Verdict != ping.CheckFailed {
		t.Errorf("ok %v failed at %q verdict %q", rep.OK, rep.FailedAt, rep.Verdict)
	}
}

// TestCheckStopsAtAGatewayThatCannotBeReached: an error instead of silence
// (no route to it) still ends the ladder there.
func TestCheckStopsAtAGatewayThatCannotBeReached(t *testing.T) {
	o := loopbackLadder(&pingtest.Pinger{})
	o.Gateway = netip.Addr{}
	o.FindGateway = func() (netip.Addr, error) { return netip.Addr{}, errors.New("no default route") }
	rep := ping.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{ping.StepLoopback, true, false, ""}, {ping.StepLAN, true, false, ""},
		{ping.StepGateway, false, false, ping.ReasonNotFound},
		{ping.StepDNS, false, true, ping.ReasonLowerFailed},
		{ping.StepInternet, false, true, ping.ReasonLowerFailed},
	})
	if rep.OK || rep.FailedAt != ping.StepGateway || rep.Verdict != ping.CheckFailed {
		t.Errorf("ok %v failed at %q verdict %q", rep.OK, rep.FailedAt, rep.Verdict)
	}
}

func TestCheckReportsADNSFailureAsSuch(t *testing.T) {
	o := loopbackLadder(&pingtest.Pinger{})
	o.InternetHost = "something.invalid"
	rep := ping.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{ping.StepLoopback, true, false, ""}, {ping.StepLAN, true, false, ""},
		{ping.StepGateway, true, false, ""},
		{ping.StepDNS, false, false, ping.ReasonDNSFailed},
		{ping.StepInternet, false, true, ping.ReasonLowerFailed},
	})
}

func TestCheckFindsTargetsItWasNotGiven(t *testing.T) {
	o := loopbackLadder(&pingtest.Pinger{})
	o.LAN, o.Gateway = netip.Addr{}, netip.Addr{}
	o.FindLAN = func() (netip.Addr, error) { return lanAddr, nil }
	o.FindGateway = func() (netip.Addr, error) { return netip.Addr{}, errors.New("no default route") }
	rep := ping.Check(context.Background(), o)
	if rep.Steps[1].Target != lanAddr.String() || !rep.Steps[1].OK {
		t.Errorf("LAN step %+v", rep.Steps[1])
	}
	if s := rep.Steps[2]; s.Reason != ping.ReasonNotFound || s.Err == nil {
		t.Errorf("gateway step %+v, want not_found with the cause", s)
	}
}

func TestCheckStopsAtAPermissionRefusal(t *testing.T) {
	denied := &ping.PermissionError{Err: errors.New("socket: operation not permitted")}
	rep := ping.Check(context.Background(), loopbackLadder(&pingtest.Pinger{Err: denied}))
	if rep.Steps[0].Reason != ping.ReasonPermission || !rep.Permission() {
		t.Errorf("first step %+v", rep.Steps[0])
	}
}

// TestCheckKeepsItsBudget: with every target silent and DNS hanging, the
// ladder still ends, with the step that ran out of time saying so.
func TestCheckKeepsItsBudget(t *testing.T) {
	o := loopbackLadder(&pingtest.Pinger{Silent: []netip.Addr{ping.DefaultLoopback}})
	o.Budget = 150 * time.Millisecond
	rep := ping.Check(context.Background(), o)
	if rep.Steps[0].Reason != ping.ReasonOutOfTime {
		t.Errorf("first step %+v, want out_of_time", rep.Steps[0])
	}

	o = loopbackLadder(&pingtest.Pinger{})
	o.Resolver = &pingtest.Resolver{Hang: true}
	rep = ping.Check(context.Background(), o)
	if s := rep.Steps[3]; s.Reason != ping.ReasonDNSTimeout {
		t.Errorf("DNS step %+v, want dns_timeout", s)
	}
}

func TestCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	o := loopbackLadder(&pingtest.Pinger{})
	o.OnStep = func(s ping.Step) {
		if s.Name == ping.StepLAN {
			cancel()
		}
	}
	rep := ping.Check(ctx, o)
	if !rep.Interrupted || rep.OK || rep.Steps[2].Reason != ping.ReasonInterrupted {
		t.Errorf("report %+v", rep)
	}
}
