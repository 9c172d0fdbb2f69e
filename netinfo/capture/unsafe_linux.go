package capture

import "unsafe"

// unsafePointer views a control message's bytes as the C struct the
// kernel wrote there.
func unsafePointer(b []byte) unsafe.Pointer { return unsafe.Pointer(&b[0]) }
