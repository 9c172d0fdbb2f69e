//go:build !linux && !darwin

package ports

// listeners is not implemented here: Windows needs the IP Helper API
// (GetExtendedTcpTable), which this build does not call. Callers say so
// honestly instead of claiming that nothing listens.
func listeners(map[int]bool) ([]Listener, error) {
	return nil, ErrListenersUnsupported
}
