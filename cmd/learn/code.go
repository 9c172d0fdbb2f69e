package learn

import (
	"fmt"
	"slices"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// printCode prints the lesson's program exactly as written: no indent, no
// gutter, no colour, so `netlearn learn 1.6 --code > server.py` runs.
func printCode(f *cmdutil.Factory, l *lessons.Lesson) error {
	code := l.Code()
	if code == "" {
		return &cmdutil.FailedError{Msg: f.Tr.T("learn.no_code", "section", l.Section)}
	}
	_, err := f.IO.Out.Write([]byte(code))
	return err
}

// pointToExercise ends a lesson that has an exercise with the command that
// starts it.
func pointToExercise(f *cmdutil.Factory, section string) {
	for _, ex := range exercise.All() {
		if slices.Contains(ex.Lessons, section) {
			cs := f.IO.Output().ColorScheme()
			fmt.Fprintln(f.IO.Out, "\n"+cs.Bold(f.Tr.T("learn.exercise_pointer", "name", ex.Name,
				"start", "netlearn exercise start "+ex.Name, "check", "netlearn exercise check "+ex.Name+" "+exercise.DefaultFile(ex.Name))))
			return
		}
	}
}
