package cmd_test

import (
	"os"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/netlearn/netlearn/lessons/lessonstest"
)

// readOnlyDir makes a directory unwritable until the script ends:
// `readonly DIR`. Guard it with [rodir]: as root it needs chattr +i.
func readOnlyDir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: readonly DIR")
	}
	undo, skip, err := lessonstest.MakeReadOnly(ts.MkAbs(args[0]))
	if err != nil || skip != "" {
		ts.Fatalf("readonly: %v %s", err, skip)
	}
	ts.Defer(undo)
}

// canMakeReadOnly answers the condition [rodir]: can this process make a
// directory read-only for itself? It tries on a scratch directory.
func canMakeReadOnly() (bool, error) {
	dir, err := os.MkdirTemp("", "rodir")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(dir)
	undo, skip, err := lessonstest.MakeReadOnly(dir)
	if err != nil || skip != "" {
		return false, err
	}
	undo()
	return true, nil
}
