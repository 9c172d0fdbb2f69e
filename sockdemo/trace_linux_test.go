package sockdemo

import (
	"context"
	"slices"
	"testing"
)

// TestTraceShowsKernelStates runs a real conversation on loopback with the
// sock_diag tracer and checks the states the kernel reports at key steps.
func TestTraceShowsKernelStates(t *testing.T) {
	tr, err := NewTracer()
	if err != nil {
		t.Skip("no kernel socket table here:", err)
	}
	rec := &recorder{}
	ctx := context.Background()
	srv, err := Listen(ctx, ServerConfig{Host: "127.0.0.1", Once: true, Emit: rec.emit, Tracer: tr})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := srv.Serve(ctx); done <- err }()
	cl, err := Dial(ctx, ClientConfig{Host: "127.0.0.1", Port: int(srv.Addr().Port()), Emit: rec.emit, Tracer: tr})
	if err != nil {
		t.Fatal(err)
	}
	if err := cl.Converse(ctx, FromList("hi", "exit")); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cl.ReportTCPState()
	state := func(side Side, step Step) string {
		ev, _ := rec.find(func(e Event) bool { return e.Side == side && e.Step == step })
		return ev.TCPState
	}
	checks := []struct {
		side  Side
		step  Step
		allow []string
	}{
		{SideServer, StepBind, []string{"CLOSE"}},
		{SideServer, StepListen, []string{"LISTEN"}},
		{SideServer, StepAccept, []string{"ESTABLISHED"}},
		{SideClient, StepConnect, []string{"ESTABLISHED"}},
		// After close the kernel is somewhere in the closing handshake.
		{SideClient, StepClose, []string{"FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSING", "CLOSE"}},
		{SideServer, StepClose, []string{"LAST_ACK", "TIME_WAIT", "FIN_WAIT1", "FIN_WAIT2", "CLOSING", "CLOSE"}},
		// Both have closed. The client usually closed first and holds
		// TIME_WAIT; if the server's FIN won the race, the client went
		// through LAST_ACK instead.
		{SideClient, StepAfterClose, []string{"TIME_WAIT", "FIN_WAIT2", "LAST_ACK", "CLOSE"}},
	}
	for _, c := range checks {
		if got := state(c.side, c.step); !slices.Contains(c.allow, got) {
			t.Errorf("%s %s: state %q, want one of %v", c.side, c.step, got, c.allow)
		}
	}
}
