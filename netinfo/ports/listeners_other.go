//go:build !linux && !darwin && !windows

package ports

// listeners is not implemented on this OS. Callers say so honestly
// instead of claiming that nothing listens.
func listeners(map[int]bool) ([]Listener, error) {
	return nil, ErrListenersUnsupported
}
