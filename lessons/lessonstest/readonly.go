// Package lessonstest helps tests of progress saving.
package lessonstest

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// MakeReadOnly makes dir unwritable for this process and returns how to
// undo it. root ignores mode bits, so as root the directory is made
// immutable with chattr +i instead. skip is non-empty (and err nil) when
// that is impossible here: root without a working chattr, or Windows,
// which ignores a folder's read-only attribute (files can still be
// created in it).
func MakeReadOnly(dir string) (undo func(), skip string, err error) {
	if runtime.GOOS == "windows" {
		return nil, "Windows ignores a folder's read-only attribute: no way to make a directory read-only", nil
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			return nil, "", err
		}
		return func() { os.Chmod(dir, 0o755) }, "", nil
	}
	chattr, err := exec.LookPath("chattr")
	if err != nil {
		return nil, "running as root and chattr is absent: no way to make a directory read-only", nil
	}
	if out, err := exec.Command(chattr, "+i", dir).CombinedOutput(); err != nil {
		return nil, fmt.Sprintf("running as root and chattr +i does not work here: %s", out), nil
	}
	return func() { exec.Command(chattr, "-i", dir).Run() }, "", nil
}

// ReadOnly makes dir unwritable until the test ends, or skips the test
// with the reason when that is impossible here.
func ReadOnly(t testing.TB, dir string) {
	t.Helper()
	undo, skip, err := MakeReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if skip != "" {
		t.Skip(skip)
	}
	t.Cleanup(undo)
}
