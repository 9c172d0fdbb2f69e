package ports

import (
	"testing"

	"github.com/netlearn/netlearn/internal/enumtest"
)

// The renderers build message keys from these values, and their key tests
// iterate the lists: a value missing from a list would escape them.
func TestEnumListsAreComplete(t *testing.T) {
	enumtest.Complete(t, "Bad", AllBadKinds())
	enumtest.Complete(t, "Class", AllClasses())
	enumtest.Complete(t, "IANA", AllIANARanges())
	enumtest.Complete(t, "Rule", AllRules())
	enumtest.Complete(t, "Source", AllEphemeralSources())
}
