package exercise

import (
	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/sockdemo"
)

// CheckJSON is the --json document of check, documented in the README. Text is translated and
// bytes are escaped like any network bytes.
type CheckJSON struct {
	Exercise   string      `json:"exercise"`
	Passed     bool        `json:"passed"`
	Checks     []jsonCheck `json:"checks"`
	Program    jsonProgram `json:"program"`
	DurationMs int64       `json:"duration_ms"`
	Where      string      `json:"where"`
	Notes      []string    `json:"notes"`
}

type jsonCheck struct {
	ID         string     `json:"id"`
	Status     string     `json:"status"`
	Message    string     `json:"message"`
	Did        string     `json:"did"`
	Hint       string     `json:"hint"`
	Error      *jsonError `json:"error"`
	Lesson     string     `json:"lesson"`
	Transcript []jsonLine `json:"transcript"`
}

type jsonError struct {
	Kind    string `json:"kind"`
	Line    string `json:"line"`
	File    string `json:"file"`
	LineNo  int    `json:"line_no"`
	Meaning string `json:"meaning"`
	Fix     string `json:"fix"`
}

type jsonLine struct {
	Dir   string `json:"dir"` // to-program, from-program or note
	Text  string `json:"text"`
	Bytes int    `json:"bytes"`
}

type jsonProgram struct {
	Command    []string `json:"command"`
	ExitCode   *int     `json:"exit_code"`
	StdoutTail string   `json:"stdout_tail"`
	StderrTail string   `json:"stderr_tail"`
}

// tailBytes is how much of the program's output the JSON keeps.
const tailBytes = 4096

func jsonReport(f *cmdutil.Factory, r exercise.Report) CheckJSON {
	tr := func(t exercise.Text) string {
		if t.Key == "" {
			return ""
		}
		return f.Tr.T(t.Key, t.Pairs()...)
	}
	doc := CheckJSON{Exercise: r.Exercise, Passed: r.Passed, Checks: []jsonCheck{}, DurationMs: r.Duration.Milliseconds(),
		Where: r.Where, Notes: []string{},
		Program: jsonProgram{Command: r.Program.Command, ExitCode: r.Program.ExitCode,
			StdoutTail: sockdemo.Sanitize(tail(r.Program.Stdout)), StderrTail: sockdemo.Sanitize(tail(r.Program.Stderr))}}
	for _, n := range r.Notes {
		doc.Notes = append(doc.Notes, tr(n))
	}
	for _, c := range r.Checks {
		jc := jsonCheck{ID: c.ID, Status: string(c.Status), Message: tr(c.Message), Did: tr(c.Did), Lesson: c.Lesson,
			Transcript: []jsonLine{}}
		if c.Hint != nil {
			jc.Hint = tr(*c.Hint)
		}
		if k := c.Known; k != nil {
			jc.Error = &jsonError{Kind: k.Key, Line: k.Error, File: k.File, LineNo: k.Line,
				Meaning: f.Tr.T("exercise.known." + k.Key), Fix: f.Tr.T("exercise.known." + k.Key + ".fix")}
		}
		for _, e := range c.Transcript {
			line := jsonLine{Dir: e.Dir, Text: sockdemo.Sanitize(e.Bytes), Bytes: len(e.Bytes)}
			if e.Dir == exercise.Note {
				// A note's Bytes hold the address it names; no byte crossed the connection.
				line.Text, line.Bytes = f.Tr.T("exercise.transcript."+e.Note, "addr", string(e.Bytes)), 0
			}
			jc.Transcript = append(jc.Transcript, line)
		}
		doc.Checks = append(doc.Checks, jc)
	}
	return doc
}

func tail(b []byte) []byte {
	if len(b) > tailBytes {
		return b[len(b)-tailBytes:]
	}
	return b
}
