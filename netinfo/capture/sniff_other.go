//go:build !linux

package capture

import (
	"errors"
	"time"
)

// Supported says whether this OS can capture here.
const Supported = false

// ErrUnsupported: capturing needs Linux's AF_PACKET.
var ErrUnsupported = errors.New("packet capture needs Linux")

// Sniffer is never opened on this OS.
type Sniffer struct{}

// Open fails: only Linux captures.
func Open(string) (*Sniffer, error) { return nil, ErrUnsupported }

// Next never returns a frame.
func (*Sniffer) Next() ([]byte, time.Time, error) { return nil, time.Time{}, ErrStopped }

// Stop does nothing.
func (*Sniffer) Stop() {}

// Stats is always zero.
func (*Sniffer) Stats() (Stats, error) { return Stats{}, nil }

// Close does nothing.
func (*Sniffer) Close() error { return nil }
