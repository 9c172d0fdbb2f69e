//go:build !windows

package sockdemo

import "syscall"

var (
	errAddrInUse    error = syscall.EADDRINUSE
	errAddrNotAvail error = syscall.EADDRNOTAVAIL
	errConnRefused  error = syscall.ECONNREFUSED
	errConnReset    error = syscall.ECONNRESET
	errBrokenPipe   error = syscall.EPIPE
)
