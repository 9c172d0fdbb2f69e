package ports

// listenersOf reads the owner tables once, on every port, and keeps the
// TCP listeners of the given processes: a server that binds another port
// than the one it was given is found too, and nothing connects to it.
func listenersOf(pids []int) ([]Listener, error) {
	all, err := listeners(nil)
	if err != nil {
		return nil, err
	}
	return tcpOwnedBy(all, pids), nil
}
