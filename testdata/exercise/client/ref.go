// Reference solution of the "client" exercise in Go.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strings"
)

func main() {
	port := "8888"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	conn, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	replies := bufio.NewReader(conn)
	input := bufio.NewScanner(os.Stdin)
	for input.Scan() {
		line := strings.TrimRight(input.Text(), "\r")
		if line == "exit" {
			break
		}
		if line == "" {
			continue
		}
		conn.Write([]byte(line))
		reply, err := replies.ReadString('\n')
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("reply:", strings.TrimSuffix(reply, "\n"))
	}
	conn.Write([]byte("exit"))
	conn.Close()
}
