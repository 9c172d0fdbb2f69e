// Command netlearn is a hands-on tool for learning network basics.
package main

import (
	"os"

	"github.com/netlearn/netlearn/cmd"
)

func main() { os.Exit(cmd.Main()) }
