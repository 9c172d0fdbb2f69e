//go:build !unix

package exercise

import "net"

// strictListen is how a learner's program binds. On Windows Go sets no
// SO_REUSEADDR, and TIME_WAIT does not keep a port from a new listener.
var strictListen = net.ListenConfig{}
