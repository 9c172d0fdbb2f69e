package exercise

import (
	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/lessons/exercise"
)

// ListOptions are the inputs of `exercise` on its own.
type ListOptions struct {
	F    *cmdutil.Factory
	JSON bool
}

// Row is one exercise as the list shows it.
type Row struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Status   string `json:"status"` // new, failed or passed
	Date     string `json:"date"`   // of the pass, or of the last attempt
	Next     bool   `json:"next"`
	Attempts int    `json:"attempts"`
}

// Rows lists the exercises with the learner's status, marking the first
// one not passed yet as next. The menu and progress use it too.
func Rows(f *cmdutil.Factory, p *lessons.Progress) []Row {
	var rows []Row
	nextSet := false
	for _, ex := range exercise.All() {
		r := Row{Name: ex.Name, Title: f.Tr.T("exercise.title." + ex.Name), Status: p.ExerciseStatus(ex.Name)}
		if rec, ok := p.Exercises[ex.Name]; ok {
			r.Attempts = rec.Attempts
			at := rec.Last.At
			if !rec.PassedAt.IsZero() {
				at = rec.PassedAt
			}
			r.Date = at.Local().Format("2006-01-02")
		}
		if r.Status != "passed" && !nextSet {
			r.Next, nextSet = true, true
		}
		rows = append(rows, r)
	}
	return rows
}

func listRun(opts *ListOptions) error {
	f := opts.F
	rows := Rows(f, learner.OpenTracker(f).Progress)
	return output.Render(f.IO.Output().WithJSON(opts.JSON), rows, func(l *output.Layer, rows []Row) error {
		return listTable(f, l, rows)
	}, func(l *output.Layer, rows []Row) error {
		return listTable(f, l, rows)
	})
}

func listTable(f *cmdutil.Factory, l *output.Layer, rows []Row) error {
	tr, cs := f.Tr, l.ColorScheme()
	t := l.NewTable("exercise", tr.T("exercise.col_name"), tr.T("exercise.col_status"), tr.T("exercise.col_date"), tr.T("exercise.col_title"), "").Prose(3)
	for _, r := range rows {
		status := tr.T("exercise.status_" + r.Status)
		date := r.Date
		if date == "" {
			date = "-"
		}
		colored := status
		switch r.Status {
		case "passed":
			colored = cs.Green(status)
		case "failed":
			colored = cs.Red(status)
		}
		mark := ""
		if r.Next {
			mark = cs.Bold(tr.T("exercise.next_mark"))
		}
		t.AddRow(output.Text(r.Name), output.Value(colored, r.Status), output.Text(date), output.Text(r.Title), output.Value(mark, nextWord(r.Next)))
	}
	s, err := t.Render()
	if err != nil {
		return err
	}
	_, err = l.Writer().Write([]byte(s))
	if err == nil && l.IsTerminal() {
		_, err = l.Writer().Write([]byte("\n" + cs.Gray(tr.T("exercise.list_hint")) + "\n"))
	}
	return err
}

func nextWord(next bool) string {
	if next {
		return "next"
	}
	return "-"
}
