package ports

// ListenersOf returns the TCP listeners that the given processes hold, on
// any port. A checker uses it to find where a learner's server really
// listens, whatever port it was told.
func ListenersOf(pids []int) ([]Listener, error) { return listenersOf(pids) }
