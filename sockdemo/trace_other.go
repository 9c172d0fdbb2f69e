//go:build !linux

package sockdemo

// NewTracer returns ErrTraceUnavailable: outside Linux there is no
// unprivileged, per-socket view of the kernel's TCP state that netlearn uses.
func NewTracer() (Tracer, error) { return nil, ErrTraceUnavailable }
