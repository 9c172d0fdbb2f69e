package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"time"
)

// ErrStopped is returned by Next once Stop was called and the frames
// queued before it were read.
var ErrStopped = errors.New("capture stopped")

// Stats are the kernel's counts for one capture socket: frames it queued
// for us and frames it dropped because the queue was full.
type Stats struct {
	Packets uint64 `json:"packets"`
	Drops   uint64 `json:"drops"`
}

// PcapWriter writes frames as a classic pcap file (Ethernet link type,
// nanosecond times), the format tcpdump -r and Wireshark open.
type PcapWriter struct {
	w   io.Writer
	buf [16]byte
}

// frameLimit is the snap length the file declares: lo's MTU (65536) plus
// the Ethernet header, so no frame of lo is cut.
const frameLimit = 65536 + 14

// NewPcapWriter writes the file header to w: the nanosecond magic number,
// format 2.4, the snap length and link type 1 (Ethernet), little-endian.
func NewPcapWriter(w io.Writer) (*PcapWriter, error) {
	var h [24]byte
	le := binary.LittleEndian
	le.PutUint32(h[0:], 0xa1b23c4d)
	le.PutUint16(h[4:], 2)
	le.PutUint16(h[6:], 4)
	le.PutUint32(h[16:], frameLimit)
	le.PutUint32(h[20:], 1)
	if _, err := w.Write(h[:]); err != nil {
		return nil, err
	}
	return &PcapWriter{w: w}, nil
}

// Write adds one frame captured at t.
func (p *PcapWriter) Write(frame []byte, t time.Time) error {
	le := binary.LittleEndian
	le.PutUint32(p.buf[0:], uint32(t.Unix()))
	le.PutUint32(p.buf[4:], uint32(t.Nanosecond()))
	le.PutUint32(p.buf[8:], uint32(len(frame)))
	le.PutUint32(p.buf[12:], uint32(len(frame)))
	if _, err := p.w.Write(p.buf[:]); err != nil {
		return err
	}
	_, err := p.w.Write(frame)
	return err
}
