// Command burst measures demo --packets' capture under load: inside a
// private network namespace it runs the demo server (echoing) and sends it
// a burst of bytes, every segment going through netlearn's capture,
// decoder and segment model, then prints the kernel's counts as one line:
// "segments=N frames=N dropped=N bytes=N seconds=S".
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"time"

	"github.com/netlearn/netlearn/netinfo/netns"
	"github.com/netlearn/netlearn/sockdemo"
)

func main() {
	size := flag.Int("bytes", 10<<20, "bytes in the burst")
	flag.Parse()
	if netns.Inside() {
		os.Exit(inside(*size))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := netns.Command(ctx, os.Args[1:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "burst:", err)
		os.Exit(1)
	}
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if err := c.Run(); err != nil {
		if r := netns.Classify(err); r != nil {
			err = r
		}
		fmt.Fprintln(os.Stderr, "burst:", err)
		os.Exit(1)
	}
}

func inside(size int) int {
	if err := netns.Setup(); err != nil {
		fmt.Fprintln(os.Stderr, "burst:", err)
		return 1
	}
	segments := 0
	var stats string
	start := time.Now()
	run := sockdemo.PacketRun{
		Pcap: io.Discard,
		Emit: func(ev sockdemo.Event) {
			switch {
			case ev.Segment != nil:
				segments++
			case ev.Capture != nil:
				stats = fmt.Sprintf("frames=%d dropped=%d", ev.Capture.Packets, ev.Capture.Drops)
			}
		},
		Client: func(ctx context.Context, addr netip.AddrPort) error { return echoBurst(addr, size) },
	}
	if err := run.Run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "burst:", err)
		return 1
	}
	fmt.Printf("segments=%d %s bytes=%d seconds=%.2f\n", segments, stats, size, time.Since(start).Seconds())
	return 0
}

// echoBurst writes size bytes while reading the echo back, and checks it.
func echoBurst(addr netip.AddrPort, size int) error {
	conn, err := net.Dial("tcp", addr.String())
	if err != nil {
		return err
	}
	defer conn.Close()
	data := bytes.Repeat([]byte("0123456789abcdef"), size/16)
	wrote := make(chan error, 1)
	go func() {
		_, err := conn.Write(data)
		wrote <- err
	}()
	got := make([]byte, len(data))
	if _, err := io.ReadFull(conn, got); err != nil {
		return err
	}
	if err := <-wrote; err != nil {
		return err
	}
	if !bytes.Equal(got, data) {
		return errors.New("the echo differs from what was sent")
	}
	return nil
}
