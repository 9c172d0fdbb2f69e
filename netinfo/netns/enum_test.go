package netns_test

import (
	"testing"

	"github.com/netlearn/netlearn/internal/enumtest"
	"github.com/netlearn/netlearn/netinfo/netns"
)

// The commands build message keys from each Reason and their key tests
// iterate AllReasons: a reason missing from it would escape them.
func TestEnumListsAreComplete(t *testing.T) {
	enumtest.Complete(t, "Reason", netns.AllReasons())
}
