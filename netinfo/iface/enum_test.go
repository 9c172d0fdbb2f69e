package iface

import (
	"testing"

	"github.com/netlearn/netlearn/internal/enumtest"
)

// The renderer builds message keys from these values, and its key test
// iterates the lists: a value missing from a list would escape it.
func TestEnumListsAreComplete(t *testing.T) {
	enumtest.Complete(t, "Kind", AllKinds)
	enumtest.Complete(t, "Family", AllFamilies)
}
