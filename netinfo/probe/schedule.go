package probe

import (
	"context"
	"sync"
	"time"
)

// sendEvery starts one request per req.Interval, the first at once:
// sent(seq) is called in turn, then send(seq) in a goroutine of its own
// that wg tracks. It stops after req.Count requests (0: when ctx ends)
// and returns without waiting for the goroutines.
func sendEvery(ctx context.Context, req Request, wg *sync.WaitGroup, sent, send func(seq int)) {
	tick := time.NewTicker(req.Interval)
	defer tick.Stop()
	for seq := 0; req.Count == 0 || seq < req.Count; seq++ {
		sent(seq)
		wg.Go(func() { send(seq) })
		if req.Count > 0 && seq == req.Count-1 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
