// Package testbin helps tests that run their own test binary as another
// user (nobody) or inside a namespace.
package testbin

import (
	"os"
	"path/filepath"
	"testing"
)

// PublicCopy copies the running test binary, as name, into a fresh
// directory every user may enter: go test builds it in a folder only its
// owner may enter. The copy is removed when the test ends.
func PublicCopy(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "netlearn-testbin-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, name)
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}
