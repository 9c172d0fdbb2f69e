package sockdemo

import (
	"bytes"
	"context"
	"io"
	"net"
	"testing"
)

func BenchmarkSanitize(b *testing.B) {
	line := bytes.Repeat([]byte("hello 你好 \x1b[31m "), 64)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		Sanitize(line)
	}
}

// BenchmarkEchoRoundTrip measures one 64-byte round trip through a quiet
// --echo server on loopback, the per-message cost the load benchmark sees.
func BenchmarkEchoRoundTrip(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := Listen(ctx, ServerConfig{Host: "127.0.0.1", Echo: true, Quiet: true, IdleTimeout: DefaultIdleTimeout})
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ctx)
	c, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	msg, got := bytes.Repeat([]byte("x"), 64), make([]byte, 64)
	for b.Loop() {
		c.Write(msg)
		if _, err := io.ReadFull(c, got); err != nil {
			b.Fatal(err)
		}
	}
}
