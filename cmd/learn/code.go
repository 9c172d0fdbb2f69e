package learn

import (
	"fmt"
	"slices"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// printCode prints the lesson's program, its first whole program (see
// lessons.Lesson.Programs), exactly as written: no indent, no gutter, no
// colour, so `netlearn learn 1.6 --code > server.py` runs. A lesson that
// shows a second, bigger program (1.6's threaded server) still gives one
// file that runs.
func printCode(f *cmdutil.Factory, l *lessons.Lesson) error {
	programs := l.Programs()
	if len(programs) == 0 {
		return &cmdutil.FailedError{Msg: f.Tr.T("learn.no_code", "section", l.Section)}
	}
	code := programs[0]
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
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
