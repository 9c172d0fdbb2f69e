package output

import "golang.org/x/sys/unix"

// flushInput drops what was typed on the terminal but not read yet.
func flushInput(fd uintptr) { _ = unix.IoctlSetInt(int(fd), unix.TCFLSH, unix.TCIFLUSH) }
