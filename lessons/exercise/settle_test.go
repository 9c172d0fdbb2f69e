package exercise

import (
	"testing"
	"time"
)

// TestSettleWaitsForTheReader: a client that sends exit and exits at once
// can be noticed as ended before the partner's reader has taken the exit
// from the socket. The verdict must wait for the reader (seen under load
// in CI: empty-line failed on the reference client).
func TestSettleWaitsForTheReader(t *testing.T) {
	pt := &partner{changed: make(chan struct{}), conn: &peer{}}
	go func() {
		time.Sleep(100 * time.Millisecond)
		pt.update(func() { pt.exit = true })
		pt.update(func() { pt.closed = "fin" })
	}()
	if !pt.settle(func() bool { return pt.exit }) {
		t.Fatal("settle decided before the reader saw exit")
	}
}

// TestSettleEndsWhenTheConnectionEnded: once the reader has seen the end,
// nothing more can arrive, so settle answers at once.
func TestSettleEndsWhenTheConnectionEnded(t *testing.T) {
	pt := &partner{changed: make(chan struct{}), conn: &peer{}, closed: "fin"}
	start := time.Now()
	if pt.settle(func() bool { return pt.exit }) {
		t.Fatal("no exit arrived")
	}
	if time.Since(start) > exitGrace/2 {
		t.Fatal("settle waited although the connection had ended")
	}
}
