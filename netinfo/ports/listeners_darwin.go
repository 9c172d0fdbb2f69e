package ports

import (
	"context"
	"errors"
	"os/exec"
	"time"
)

// listeners runs lsof, which ships with macOS, once for TCP listeners and
// once for UDP sockets. Without root lsof shows only this user's
// processes, so other users' listeners are missed: best effort.
func listeners(want map[int]bool) ([]Listener, error) {
	if _, err := exec.LookPath("lsof"); err != nil {
		return nil, ErrListenersUnsupported
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var found []Listener
	for _, sel := range [][]string{{"-iTCP", "-sTCP:LISTEN"}, {"-iUDP"}} {
		args := append([]string{"-nP", "-w", "-FpcPtn"}, sel...)
		out, err := exec.CommandContext(ctx, "lsof", args...).Output()
		// lsof exits 1 when it found nothing, which is an answer.
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
			return nil, err
		}
		found = append(found, parseLsof(string(out), want)...)
	}
	return found, nil
}
