//go:build !windows

package sockdemo

import "syscall"

var (
	errAddrInUse   error = syscall.EADDRINUSE
	errConnRefused error = syscall.ECONNREFUSED
	errConnReset   error = syscall.ECONNRESET
	errBrokenPipe  error = syscall.EPIPE
)
