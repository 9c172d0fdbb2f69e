package menu

import (
	"context"
	"fmt"
	"strings"

	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// exercises lets the learner pick an exercise, then read it, write its
// starter file or check a program, each through the real command tree.
func (m *menu) exercises(ctx context.Context) error {
	tr := m.F.Tr
	p := learner.OpenTracker(m.F).Progress
	var labels []string
	for _, ex := range exercise.All() {
		mark := "  "
		if p.ExerciseStatus(ex.Name) == "passed" {
			mark = "✓ "
		}
		labels = append(labels, fmt.Sprintf("%s%-15s %s", mark, ex.Name, tr.T("exercise.title."+ex.Name)))
	}
	labels = append(labels, tr.T("menu.back"))
	i, err := m.F.Prompter().Select(tr.T("menu.pick_exercise"), labels)
	if err != nil || i == len(labels)-1 {
		return err
	}
	name := exercise.All()[i].Name
	actions := []string{tr.T("menu.exercise_show"), tr.T("menu.exercise_start"), tr.T("menu.exercise_check"), tr.T("menu.back")}
	j, err := m.F.Prompter().Select(tr.T("menu.pick_exercise_action", "name", name), actions)
	if err != nil {
		return err
	}
	switch j {
	case 0:
		return m.run(ctx, "exercise", "show", name)
	case 1:
		return m.run(ctx, "exercise", "start", name)
	case 2:
		file := exercise.DefaultFile(name)
		answer, err := m.F.Prompter().Input(tr.T("menu.exercise_file", "file", file))
		if err != nil {
			return err
		}
		if a := strings.TrimSpace(answer); a != "" {
			file = a
		}
		return m.run(ctx, "exercise", "check", name, file)
	}
	return nil
}
