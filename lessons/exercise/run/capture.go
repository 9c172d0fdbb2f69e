package run

import (
	"sync"
)

// Capture keeps what a program wrote to one stream, up to a cap: the first
// Cap/2 bytes and the last Cap/2, so a program that floods its output can
// neither exhaust memory nor push the traceback out of view.
type Capture struct {
	mu      sync.Mutex
	cap     int
	head    []byte
	tail    []byte
	dropped int64
	changed chan struct{} // closed and replaced on every write
}

// NewCapture returns a capture that keeps at most limit bytes.
func NewCapture(limit int) *Capture {
	return &Capture{cap: limit, changed: make(chan struct{})}
}

// Write keeps p within the cap and never fails, so the program is never
// blocked or killed by a full pipe.
func (c *Capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	half := c.cap / 2
	rest := p
	if room := half - len(c.head); room > 0 {
		n := min(room, len(rest))
		c.head = append(c.head, rest[:n]...)
		rest = rest[n:]
	}
	if len(rest) > 0 {
		c.tail = append(c.tail, rest...)
		if over := len(c.tail) - half; over > 0 {
			c.dropped += int64(over)
			c.tail = append(c.tail[:0], c.tail[over:]...)
		}
	}
	close(c.changed)
	c.changed = make(chan struct{})
	return len(p), nil
}

// Bytes returns what was kept, head then tail, and how many bytes were
// dropped between them.
func (c *Capture) Bytes() (kept []byte, dropped int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]byte, 0, len(c.head)+len(c.tail))
	out = append(out, c.head...)
	return append(out, c.tail...), c.dropped
}

// Tail returns up to n bytes from the end of what was kept.
func (c *Capture) Tail(n int) []byte {
	kept, _ := c.Bytes()
	if len(kept) > n {
		kept = kept[len(kept)-n:]
	}
	return kept
}

// Changed returns a channel closed at the next write.
func (c *Capture) Changed() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}
