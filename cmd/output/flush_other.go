//go:build !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd && !windows

package output

// flushInput: this system offers no way to drop unread terminal input.
func flushInput(uintptr) {}
