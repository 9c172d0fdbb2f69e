package exercise

// KnownKeys lists the keys of every error Recognize can report.
func KnownKeys() []string {
	keys := make([]string, len(knownErrors))
	for i, k := range knownErrors {
		keys[i] = k.key
	}
	return keys
}
