//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package output

import "golang.org/x/sys/unix"

// fread is FREAD of <sys/fcntl.h>: flush the input queue.
const fread = 1

// flushInput drops what was typed on the terminal but not read yet.
func flushInput(fd uintptr) { _ = unix.IoctlSetPointerInt(int(fd), unix.TIOCFLUSH, fread) }
