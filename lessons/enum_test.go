package lessons

import (
	"testing"

	"github.com/netlearn/netlearn/internal/enumtest"
)

// progress words the last activity with a key built from it.
func TestEnumListsAreComplete(t *testing.T) {
	enumtest.Complete(t, "Activity", AllActivities())
}
