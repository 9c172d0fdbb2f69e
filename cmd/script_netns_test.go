package cmd_test

import (
	"context"
	"os/exec"
	"time"

	"github.com/netlearn/netlearn/netinfo/netns"
)

// privateNetnsWorks tries what demo --packets does: a program started in a
// private network namespace (with a user namespace when not root).
func privateNetnsWorks() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := netns.Command(ctx)
	if err != nil {
		return false
	}
	// Not this test binary: true only has to start inside the namespaces.
	path, err := exec.LookPath("true")
	if err != nil {
		return false
	}
	c.Path, c.Args = path, []string{"true"}
	return c.Run() == nil
}
