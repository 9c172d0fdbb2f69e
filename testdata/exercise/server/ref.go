// Reference solution of the "server" exercise in Go.
package main

import (
	"fmt"
	"net"
	"os"
	"unicode/utf8"
)

func main() {
	port := "8888"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	conn, err := ln.Accept()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer conn.Close()
	var pending []byte // the start of a character whose other bytes are still on the way
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		pending = append(pending, buf[:n]...)
		cut := len(pending)
		for cut > 0 && !utf8.Valid(pending[:cut]) {
			cut--
		}
		text := string(pending[:cut])
		pending = pending[cut:]
		if text == "exit" {
			return
		}
		if text != "" {
			fmt.Println("received:", text)
			conn.Write([]byte("got " + text))
		}
	}
}
