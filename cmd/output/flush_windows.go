package output

import "golang.org/x/sys/windows"

// flushInput drops what was typed on the console but not read yet.
func flushInput(fd uintptr) { _ = windows.FlushConsoleInputBuffer(windows.Handle(fd)) }
