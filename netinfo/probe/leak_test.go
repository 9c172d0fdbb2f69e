package probe_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

// TestRunsLeaveNoGoroutineBehind: every way a run can end (count reached,
// losses, -w, Ctrl-C, refused TCP, a permission error) returns only once
// everything it started has stopped. Real runs go to loopback only.
func TestRunsLeaveNoGoroutineBehind(t *testing.T) {
	listening := probetest.LoopbackListener(t) // its accept loop outlives the runs
	closed := probetest.ClosedLoopbackPort(t)
	before := runtime.NumGoroutine()

	ctx, cancel := context.WithCancel(context.Background())
	interrupted := fastOptions(&probetest.Pinger{Late: map[int]time.Duration{1: time.Hour}}, 0)
	interrupted.OnEvent = func(ev probe.Event) {
		if ev.Kind == probe.EventReply && ev.Seq == 3 {
			cancel() // as Ctrl-C would, with a reply still outstanding
		}
	}
	deadline := fastOptions(&probetest.Pinger{}, 0)
	deadline.Deadline = 30 * time.Millisecond
	denied := &probe.PermissionError{Err: errors.New("socket: permission denied")}
	runs := map[string]struct {
		ctx context.Context
		o   probe.Options
	}{
		"fake with losses": {context.Background(), fastOptions(&probetest.Pinger{Lost: map[int]bool{1: true}}, 3)},
		"fake until -w":    {context.Background(), deadline},
		"fake Ctrl-C":      {ctx, interrupted},
		"fake no right":    {context.Background(), fastOptions(&probetest.Pinger{Err: denied}, 1)},
		"icmp 127.0.0.1":   {context.Background(), realOptions("127.0.0.1", probe.ICMP{})},
		"tcp listening":    {context.Background(), realOptions("127.0.0.1", probe.TCP{Port: listening})},
		"tcp closed":       {context.Background(), realOptions("127.0.0.1", probe.TCP{Port: closed})},
	}
	for name, r := range runs {
		if _, err := probe.Run(r.ctx, r.o); err != nil && name != "fake no right" && name != "icmp 127.0.0.1" {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Goroutines that have signalled they are done may still be exiting:
	// wait a bounded while for the count to settle.
	after := runtime.NumGoroutine()
	for end := time.Now().Add(2 * time.Second); after > before && time.Now().Before(end); after = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if after > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before the runs, %d after:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}
