//go:build !windows

package probe

import "context"

// runMode runs one mode through pro-bing: ping socket or raw socket.
func runMode(ctx context.Context, req Request, h Hooks, m Mode) (opened bool, err error) {
	return runProbingMode(ctx, req, h, m)
}
