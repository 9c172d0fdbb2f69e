package cmdutil

import (
	"errors"
	"fmt"
	"testing"
)

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{&UsageError{Msg: "x"}, 2},
		{fmt.Errorf("wrapped: %w", &UsageError{Msg: "x"}), 2},
		{&FailedError{}, 1},
		{&PermissionError{Msg: "raw socket"}, 4},
		{ErrInterrupted, 130},
		{fmt.Errorf("ctx: %w", ErrInterrupted), 130},
		{errors.New("something else"), 1},
	}
	for _, c := range cases {
		if got := ExitCode(c.err); got != c.want {
			t.Errorf("ExitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}
