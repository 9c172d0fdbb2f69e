package exercise

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// ShowOptions are the inputs of `exercise show`.
type ShowOptions struct {
	F    *cmdutil.Factory
	Name string
	JSON bool
}

// NewCmdShow returns `exercise show`; runF replaces the work in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(context.Context, *ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{F: f}
	c := &cobra.Command{
		Use:     "show NAME",
		Short:   f.Tr.T("exercise.show.short"),
		Example: "  netlearn exercise show server\n  netlearn exercise show client --json",
		Args:    nameArg(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return showRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("exercise.flag_json_show"))
	return c
}

// Task is an exercise as `show` states it.
type Task struct {
	Name     string      `json:"name"`
	Kind     string      `json:"kind"`
	Title    string      `json:"title"`
	Task     string      `json:"task"`
	Contract string      `json:"contract"`
	Checks   []TaskCheck `json:"checks"`
	Hints    string      `json:"hints"`
	Lessons  []string    `json:"lessons"`
	Start    string      `json:"start"`
	Check    string      `json:"check"`
}

// TaskCheck is one check as `show` describes it.
type TaskCheck struct {
	ID          string   `json:"id"`
	Needs       []string `json:"needs"`
	Description string   `json:"description"`
}

func taskOf(f *cmdutil.Factory, ex *exercise.Exercise) Task {
	tr := f.Tr
	t := Task{Name: ex.Name, Kind: string(ex.Kind), Title: tr.T("exercise.title." + ex.Name),
		Task: tr.T("exercise.task." + ex.Name), Contract: tr.T("exercise.contract_" + string(ex.Kind)),
		Hints: tr.T("exercise.hints." + ex.Name), Lessons: ex.Lessons,
		Start: "netlearn exercise start " + ex.Name,
		Check: "netlearn exercise check " + ex.Name + " " + exercise.DefaultFile(ex.Name)}
	for _, c := range ex.Checks {
		t.Checks = append(t.Checks, TaskCheck{ID: c.ID, Needs: append([]string{}, c.Needs...),
			Description: tr.T("exercise.checkdesc." + ex.Name + "." + c.ID)})
	}
	return t
}

func showRun(opts *ShowOptions) error {
	f := opts.F
	ex, _ := exercise.Lookup(opts.Name)
	return output.Render(f.IO.Output().WithJSON(opts.JSON), taskOf(f, ex), func(l *output.Layer, t Task) error {
		return showText(f, l, t)
	}, func(l *output.Layer, t Task) error {
		return showText(f, l, t)
	})
}

// showText states the task: the same words on a terminal and in a pipe,
// styled and wrapped only on a terminal.
func showText(f *cmdutil.Factory, l *output.Layer, t Task) error {
	tr, cs := f.Tr, l.ColorScheme()
	var b strings.Builder
	section := func(title, body string) {
		fmt.Fprintf(&b, "\n%s\n%s\n", cs.Bold(title), l.Wrap(body, ""))
	}
	fmt.Fprintf(&b, "%s\n", cs.Bold(tr.T("exercise.show_title", "name", t.Name, "title", t.Title)))
	section(tr.T("exercise.label_task"), t.Task)
	section(tr.T("exercise.label_contract"), t.Contract)
	fmt.Fprintf(&b, "\n%s\n", cs.Bold(tr.T("exercise.label_checks")))
	for i, c := range t.Checks {
		fmt.Fprintf(&b, "%s\n", l.Wrap(fmt.Sprintf("%2d. %s  %s", i+1, cs.Cyan(c.ID), c.Description), "      "))
	}
	section(tr.T("exercise.label_hints"), t.Hints)
	lessons := make([]string, len(t.Lessons))
	for i, s := range t.Lessons {
		lessons[i] = "netlearn learn " + s
	}
	section(tr.T("exercise.label_lessons"), strings.Join(lessons, "\n"))
	section(tr.T("exercise.label_next"), t.Start+"\n"+t.Check)
	_, err := l.Writer().Write([]byte(strings.TrimPrefix(b.String(), "\n")))
	return err
}
