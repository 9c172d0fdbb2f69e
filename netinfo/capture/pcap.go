package capture

import (
	"errors"
	"io"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
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
	w *pcapgo.Writer
}

// NewPcapWriter writes the file header to w.
func NewPcapWriter(w io.Writer) (*PcapWriter, error) {
	pw := pcapgo.NewWriterNanos(w)
	if err := pw.WriteFileHeader(frameLimit, layers.LinkTypeEthernet); err != nil {
		return nil, err
	}
	return &PcapWriter{w: pw}, nil
}

// frameLimit is the snap length the file declares: lo's MTU (65536) plus
// the Ethernet header, so no frame of lo is cut.
const frameLimit = 65536 + 14

// Write adds one frame captured at t.
func (p *PcapWriter) Write(frame []byte, t time.Time) error {
	return p.w.WritePacket(gopacket.CaptureInfo{Timestamp: t, CaptureLength: len(frame), Length: len(frame)}, frame)
}
