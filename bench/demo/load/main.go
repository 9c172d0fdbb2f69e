// Command load drives an echo server with many concurrent connections and
// checks every reply: bench/demo/run uses it against `netlearn demo server
// --echo --quiet` and against a minimal Go echo server.
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

type result struct {
	ok, lost, corrupt atomic.Int64
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8888", "echo server address (loopback only)")
	conns := flag.Int("conns", 1000, "concurrent connections")
	rounds := flag.Int("rounds", 100, "round trips per connection")
	size := flag.Int("size", 64, "bytes per message")
	limit := flag.Duration("timeout", 120*time.Second, "give up after this long")
	flag.Parse()
	if err := checkLoopback(*addr); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *limit)
	defer cancel()

	cs, err := dialAll(ctx, *addr, *conns)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	deadline, _ := ctx.Deadline()
	var res result
	var wg sync.WaitGroup
	start := time.Now()
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			c.SetDeadline(deadline)
			roundTrips(c, i, *rounds, *size, &res)
		}()
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	fmt.Printf("conns=%d rounds=%d ok=%d lost=%d corrupt=%d seconds=%.3f rtps=%.0f\n",
		*conns, *rounds, res.ok.Load(), res.lost.Load(), res.corrupt.Load(), secs, float64(res.ok.Load())/secs)
	if res.lost.Load()+res.corrupt.Load() > 0 {
		os.Exit(1)
	}
}

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s is not a loopback address; this benchmark only loads this machine", host)
	}
	return nil
}

// dialAll opens every connection before timing starts, at most 100
// connects in flight so the server's listen queue does not overflow.
func dialAll(ctx context.Context, addr string, n int) ([]net.Conn, error) {
	cs := make([]net.Conn, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, 100)
	var wg sync.WaitGroup
	var d net.Dialer
	for i := range cs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				errs <- err
				return
			}
			cs[i] = c
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		for _, c := range cs {
			if c != nil {
				c.Close()
			}
		}
		return nil, err
	}
	return cs, nil
}

// roundTrips sends messages that name their connection and round, so a
// reply that belongs elsewhere or is damaged counts as corrupt.
func roundTrips(c net.Conn, id, rounds, size int, res *result) {
	msg := make([]byte, size)
	got := make([]byte, size)
	for r := range rounds {
		for i := range msg {
			msg[i] = byte('a' + (id+r+i)%26)
		}
		binary.BigEndian.PutUint32(msg, uint32(id))
		binary.BigEndian.PutUint32(msg[4:], uint32(r))
		if _, err := c.Write(msg); err != nil {
			res.lost.Add(int64(rounds - r))
			return
		}
		if _, err := io.ReadFull(c, got); err != nil {
			res.lost.Add(int64(rounds - r))
			return
		}
		if !bytes.Equal(got, msg) {
			res.corrupt.Add(1)
			continue
		}
		res.ok.Add(1)
	}
}
