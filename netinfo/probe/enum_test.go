package probe_test

import (
	"testing"

	"github.com/netlearn/netlearn/internal/enumtest"
	"github.com/netlearn/netlearn/netinfo/probe"
)

// The renderers build message keys from these values, and their key tests
// iterate the lists: a value missing from a list would escape them.
func TestEnumListsAreComplete(t *testing.T) {
	enumtest.Complete(t, "Reason", probe.AllReasons())
	enumtest.Complete(t, "Mode", probe.AllModes())
	enumtest.Complete(t, "Scope", probe.AllScopes())
	enumtest.Complete(t, "Note", probe.AllNotes())
	enumtest.Complete(t, "StepName", probe.LadderSteps())
}
