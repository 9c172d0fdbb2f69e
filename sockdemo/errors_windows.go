package sockdemo

import "syscall"

// Winsock error numbers (winerror.h); Go's syscall package does not map
// them onto the Unix names.
var (
	errAddrInUse    error = syscall.Errno(10048) // WSAEADDRINUSE
	errAddrNotAvail error = syscall.Errno(10049) // WSAEADDRNOTAVAIL
	errConnRefused  error = syscall.Errno(10061) // WSAECONNREFUSED
	errConnReset    error = syscall.Errno(10054) // WSAECONNRESET
	errBrokenPipe   error = syscall.Errno(10053) // WSAECONNABORTED
)
