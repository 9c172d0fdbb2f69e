//go:build !windows

package exercise

func isWinReset(error) bool { return false }
