//go:build !windows

package probe

// The syscall errors IsNoRoute checks are the real ones outside Windows.
func isPlatformNoRoute(error) bool { return false }
