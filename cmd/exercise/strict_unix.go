//go:build unix

package exercise

import (
	"net"
	"syscall"
)

// strictListen is how a learner's program that never sets SO_REUSEADDR
// binds. Go sets the option on every listener, and so binds beside a
// connection of an earlier run in TIME_WAIT, where such a program gets
// "Address already in use".
var strictListen = net.ListenConfig{Control: func(_, _ string, rc syscall.RawConn) error {
	var err error
	if cerr := rc.Control(func(fd uintptr) {
		err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 0)
	}); cerr != nil {
		return cerr
	}
	return err
}}
