package exercise

import (
	"io"
	"net"
	"runtime"
	"testing"
	"time"
)

// On this machine's loopback, a port whose last server closed first (its
// side in TIME_WAIT) is not free for a learner's program without
// SO_REUSEADDR, though Go's own listeners still bind it: the check moves
// to another port and says why.
func TestHostPortAvoidsTimeWait(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("TIME_WAIT keeps no port from a listener on Windows")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	_ = ln.Close()
	_ = server.Close() // the server closes first: its side goes to TIME_WAIT
	_ = client.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.Copy(io.Discard, client); err != nil {
		t.Fatal(err)
	}
	_ = client.Close()
	time.Sleep(50 * time.Millisecond) // the last ACK

	got, notes := hostPortFor(port)
	if got == port {
		t.Fatalf("port %d in TIME_WAIT was given to the program", port)
	}
	if len(notes) != 1 || notes[0].Key != "exercise.note.port_time_wait" {
		t.Fatalf("notes %+v", notes)
	}
}
