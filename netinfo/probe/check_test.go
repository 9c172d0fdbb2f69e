package probe_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

var (
	lanAddr = netip.MustParseAddr("127.0.0.2")
	gwAddr  = netip.MustParseAddr("127.0.0.3")
	netAddr = netip.MustParseAddr("127.0.0.4")
)

// loopbackLadder points every rung at loopback stand-ins.
func loopbackLadder(p probe.Pinger) probe.CheckOptions {
	return probe.CheckOptions{
		LAN: lanAddr, Gateway: gwAddr, InternetHost: "internet.test",
		Resolver: &probetest.Resolver{Addrs: map[string][]netip.Addr{"internet.test": {netAddr}}},
		Pinger:   p,
	}
}

type stepWant struct {
	name    probe.StepName
	ok      bool
	skipped bool
	reason  probe.Reason
}

func checkSteps(t *testing.T, rep probe.CheckReport, want []stepWant) {
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
	var seen []probe.StepName
	o := loopbackLadder(&probetest.Pinger{})
	o.OnStep = func(s probe.Step) { seen = append(seen, s.Name) }
	rep := probe.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{probe.StepLoopback, true, false, ""}, {probe.StepLAN, true, false, ""},
		{probe.StepGateway, true, false, ""}, {probe.StepDNS, true, false, ""},
		{probe.StepInternet, true, false, ""},
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
	rep := probe.Check(context.Background(), loopbackLadder(&probetest.Pinger{Silent: []netip.Addr{gwAddr}}))
	checkSteps(t, rep, []stepWant{
		{probe.StepLoopback, true, false, ""}, {probe.StepLAN, true, false, ""},
		{probe.StepGateway, false, false, probe.ReasonNoReply},
		{probe.StepDNS, true, false, ""},
		{probe.StepInternet, true, false, ""},
	})
	if !rep.OK || rep.FailedAt != "" || rep.Verdict != probe.CheckGatewayIgnoresPing {
		t.Errorf("ok %v failed at %q verdict %q, want ok, none, %q", rep.OK, rep.FailedAt, rep.Verdict, probe.CheckGatewayIgnoresPing)
	}
}

// TestCheckBlamesASilentGatewayWhenTheWayOutFails: when the internet does
// not answer either, the silent gateway is where it most likely breaks.
func TestCheckBlamesASilentGatewayWhenTheWayOutFails(t *testing.T) {
	rep := probe.Check(context.Background(), loopbackLadder(&probetest.Pinger{Silent: []netip.Addr{gwAddr, netAddr}}))
	checkSteps(t, rep, []stepWant{
		{probe.StepLoopback, true, false, ""}, {probe.StepLAN, true, false, ""},
		{probe.StepGateway, false, false, probe.ReasonNoReply},
		{probe.StepDNS, true, false, ""},
		{probe.StepInternet, false, false, probe.ReasonNoReply},
	})
	if rep.OK || rep.FailedAt != probe.StepGateway || rep.Verdict != probe.CheckFailed {
		t.Errorf("ok %v failed at %q verdict %q", rep.OK, rep.FailedAt, rep.Verdict)
	}
}

// TestCheckStopsAtAGatewayThatCannotBeReached: an error instead of silence
// (no route to it) still ends the ladder there.
func TestCheckStopsAtAGatewayThatCannotBeReached(t *testing.T) {
	o := loopbackLadder(&probetest.Pinger{})
	o.Gateway = netip.Addr{}
	o.FindGateway = func() (netip.Addr, error) { return netip.Addr{}, errors.New("no default route") }
	rep := probe.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{probe.StepLoopback, true, false, ""}, {probe.StepLAN, true, false, ""},
		{probe.StepGateway, false, false, probe.ReasonNotFound},
		{probe.StepDNS, false, true, probe.ReasonLowerFailed},
		{probe.StepInternet, false, true, probe.ReasonLowerFailed},
	})
	if rep.OK || rep.FailedAt != probe.StepGateway || rep.Verdict != probe.CheckFailed {
		t.Errorf("ok %v failed at %q verdict %q", rep.OK, rep.FailedAt, rep.Verdict)
	}
}

func TestCheckReportsADNSFailureAsSuch(t *testing.T) {
	o := loopbackLadder(&probetest.Pinger{})
	o.InternetHost = "something.invalid"
	rep := probe.Check(context.Background(), o)
	checkSteps(t, rep, []stepWant{
		{probe.StepLoopback, true, false, ""}, {probe.StepLAN, true, false, ""},
		{probe.StepGateway, true, false, ""},
		{probe.StepDNS, false, false, probe.ReasonDNSFailed},
		{probe.StepInternet, false, true, probe.ReasonLowerFailed},
	})
}

func TestCheckFindsTargetsItWasNotGiven(t *testing.T) {
	o := loopbackLadder(&probetest.Pinger{})
	o.LAN, o.Gateway = netip.Addr{}, netip.Addr{}
	o.FindLAN = func() (netip.Addr, error) { return lanAddr, nil }
	o.FindGateway = func() (netip.Addr, error) { return netip.Addr{}, errors.New("no default route") }
	rep := probe.Check(context.Background(), o)
	if rep.Steps[1].Target != lanAddr.String() || !rep.Steps[1].OK {
		t.Errorf("LAN step %+v", rep.Steps[1])
	}
	if s := rep.Steps[2]; s.Reason != probe.ReasonNotFound || s.Err == nil {
		t.Errorf("gateway step %+v, want not_found with the cause", s)
	}
}

func TestCheckStopsAtAPermissionRefusal(t *testing.T) {
	denied := &probe.PermissionError{Err: errors.New("socket: operation not permitted")}
	rep := probe.Check(context.Background(), loopbackLadder(&probetest.Pinger{Err: denied}))
	if rep.Steps[0].Reason != probe.ReasonPermission || !rep.Permission() {
		t.Errorf("first step %+v", rep.Steps[0])
	}
}

// TestCheckKeepsItsBudget: with every target silent and DNS hanging, the
// ladder still ends, with the step that ran out of time saying so.
func TestCheckKeepsItsBudget(t *testing.T) {
	o := loopbackLadder(&probetest.Pinger{Silent: []netip.Addr{probe.DefaultLoopback}})
	o.Budget = 150 * time.Millisecond
	rep := probe.Check(context.Background(), o)
	if rep.Steps[0].Reason != probe.ReasonOutOfTime {
		t.Errorf("first step %+v, want out_of_time", rep.Steps[0])
	}

	o = loopbackLadder(&probetest.Pinger{})
	o.Resolver = &probetest.Resolver{Hang: true}
	rep = probe.Check(context.Background(), o)
	if s := rep.Steps[3]; s.Reason != probe.ReasonDNSTimeout {
		t.Errorf("DNS step %+v, want dns_timeout", s)
	}
}

func TestCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	o := loopbackLadder(&probetest.Pinger{})
	o.OnStep = func(s probe.Step) {
		if s.Name == probe.StepLAN {
			cancel()
		}
	}
	rep := probe.Check(ctx, o)
	if !rep.Interrupted || rep.OK || rep.Steps[2].Reason != probe.ReasonInterrupted {
		t.Errorf("report %+v", rep)
	}
}
