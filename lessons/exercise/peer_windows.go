package exercise

import (
	"errors"

	"golang.org/x/sys/windows"
)

func isWinReset(err error) bool {
	return errors.Is(err, windows.WSAECONNRESET) || errors.Is(err, windows.WSAECONNABORTED)
}
