//go:build unix

package iostreams

import "golang.org/x/sys/unix"

// startedClosed tells whether fd was closed when the program started. The
// Go runtime then opens /dev/null in its place, read-write, so that the
// number is not reused; a shell redirect (>/dev/null) opens it write-only.
func startedClosed(fd int) bool {
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var st, null unix.Stat_t
	if unix.Fstat(fd, &st) != nil || unix.Stat("/dev/null", &null) != nil {
		return false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFCHR && st.Rdev == null.Rdev
}
