package i18n

import (
	"context"
	"os/exec"
	"time"
)

// appleLanguagesLimit bounds the `defaults` call: the language must not
// hold up a command.
const appleLanguagesLimit = 500 * time.Millisecond

// osLanguage reads the AppleLanguages preference (System Settings ›
// General › Language & Region) with `defaults`, which ships with macOS.
func osLanguage() string {
	ctx, cancel := context.WithTimeout(context.Background(), appleLanguagesLimit)
	defer cancel()
	out, err := exec.CommandContext(ctx, "defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return ""
	}
	return firstAppleLanguage(string(out))
}
