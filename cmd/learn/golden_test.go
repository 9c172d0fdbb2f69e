package learn

import (
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/internal/jsonshape"
	"github.com/netlearn/netlearn/lessons"
)

// TestJSONShape pins the fields of `learn --json` and `learn SECTION
// --json` (testdata/json), and checks that real output prints nothing else.
func TestJSONShape(t *testing.T) {
	jsonshape.Check(t, "learn", listData{})
	jsonshape.Check(t, "learn-lesson", lessons.Lesson{})
	ios, _, out, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, i18n.EN)
	tracker := learner.OpenTrackerIn(f, t.TempDir())
	tracker.Progress.MarkSeen("1.2", tracker.Now())
	tracker.Progress.RecordQuiz("1.2", 3, 4, tracker.Now())
	if err := renderList(f, true, learner.Rows(mustLib(t), tracker.Progress, lessons.EN), "1.3"); err != nil {
		t.Fatal(err)
	}
	jsonshape.Conforms(t, listData{}, out.Bytes())
	out.Reset()
	if err := Show(t.Context(), &Options{F: f, JSON: true}, mustLib(t), tracker, "1.6"); err != nil {
		t.Fatal(err)
	}
	jsonshape.Conforms(t, lessons.Lesson{}, out.Bytes())
}
