package lessonstest

import (
	"path/filepath"
	"testing"
)

// IsolateConfig points the config folder at an empty temporary one for
// the rest of the test, on every OS: os.UserConfigDir reads
// XDG_CONFIG_HOME (then HOME) on Linux, HOME on macOS and APPDATA on
// Windows, which ignores the other two. lessons.DefaultDir then names the
// folder netlearn will use.
func IsolateConfig(t *testing.T) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("APPDATA", filepath.Join(home, "AppData", "Roaming"))
}
