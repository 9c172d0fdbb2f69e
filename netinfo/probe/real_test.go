package probe_test

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/netlearn/netlearn/netinfo/probe"
	"github.com/netlearn/netlearn/netinfo/probe/probetest"
)

// These tests send real packets, to loopback addresses only.

func realOptions(host string, p probe.Pinger) probe.Options {
	return probe.Options{
		Host: host, Count: 3, Interval: 20 * time.Millisecond, Timeout: time.Second,
		Size: probe.DefaultSize, TTL: probe.DefaultTTL, Resolver: net.DefaultResolver, Pinger: p,
	}
}

func TestICMPOnLoopback(t *testing.T) {
	for _, host := range []string{"127.0.0.1", "127.0.0.2", "::1"} {
		t.Run(host, func(t *testing.T) {
			if host == "::1" && !probetest.HasIPv6Loopback() {
				t.Skip("this machine has no ::1 (IPv6 disabled)")
			}
			res, err := probe.Run(context.Background(), realOptions(host, probe.ICMP{}))
			var perm *probe.PermissionError
			if errors.As(err, &perm) {
				t.Skipf("ICMP is not allowed for uid %d here: %v", os.Getuid(), err)
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Received != 3 || res.Sent != 3 || res.LossPercent != 0 || res.Verdict.Code != probe.VerdictOK {
				t.Errorf("%+v", res)
			}
			if res.Mode != probe.ModeUnprivileged && res.Mode != probe.ModePrivileged && res.Mode != probe.ModeWindowsAPI {
				t.Errorf("mode %q", res.Mode)
			}
			for _, r := range res.Replies {
				// Only Windows may not know the TTL (0): see Reply.TTL.
				if r.TTL < 0 || (r.TTL == 0 && runtime.GOOS != "windows") || r.Bytes != probe.DefaultSize+8 || r.RTTMs <= 0 {
					t.Errorf("reply %+v", r)
				}
			}
			if res.MinMs > res.AvgMs || res.AvgMs > res.MaxMs {
				t.Errorf("stats out of order %+v", res.RTTStats)
			}
		})
	}
}

func TestICMPRejectsTinyPayloads(t *testing.T) {
	o := realOptions("127.0.0.1", probe.ICMP{})
	o.Size = probe.MinSize - 1
	if _, err := probe.Run(context.Background(), o); err == nil {
		t.Error("a payload below pro-bing's minimum was accepted")
	}
}

func TestTCPConnectsToALoopbackListener(t *testing.T) {
	port := probetest.LoopbackListener(t)
	res, err := probe.Run(context.Background(), realOptions("127.0.0.1", probe.TCP{Port: port}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Mode != probe.ModeTCP || res.Received != 3 || res.Verdict.Code != probe.VerdictOK {
		t.Errorf("%+v", res)
	}
	if res.Replies[0].TTL != 0 {
		t.Errorf("a TCP reply claims a TTL: %+v", res.Replies[0])
	}
}

func TestTCPToAClosedPortIsRefused(t *testing.T) {
	port := probetest.ClosedLoopbackPort(t)
	res, err := probe.Run(context.Background(), realOptions("127.0.0.1", probe.TCP{Port: port}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Received != 0 || res.Refused != 3 || res.Verdict.Code != probe.VerdictPortClosed {
		t.Errorf("%+v", res)
	}
}

func TestRealLadderOnLoopback(t *testing.T) {
	rep := probe.Check(context.Background(), probe.CheckOptions{
		LAN: netip.MustParseAddr("127.0.0.2"), Gateway: netip.MustParseAddr("127.0.0.3"),
		InternetHost: "something.invalid", Resolver: net.DefaultResolver, Pinger: probe.ICMP{},
	})
	if rep.Permission() {
		t.Skipf("ICMP is not allowed for uid %d here", os.Getuid())
	}
	for _, s := range rep.Steps[:3] {
		if !s.OK {
			t.Errorf("step %+v failed on loopback", s)
		}
	}
	if rep.Steps[3].Reason != probe.ReasonDNSFailed || !rep.Steps[4].Skipped {
		t.Errorf("DNS steps %+v", rep.Steps[3:])
	}
}
