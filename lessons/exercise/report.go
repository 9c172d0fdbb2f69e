package exercise

import "time"

// Status of one check.
type Status string

// The three outcomes of a check.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	Skip Status = "skip"
)

// Text is a message to translate: a catalogue key and its arguments as
// name/value pairs. The logic package picks the words; the command layer
// translates them.
type Text struct {
	Key  string         `json:"key"`
	Args map[string]any `json:"args,omitempty"`
}

// T builds a Text from a key and name, value pairs.
func T(key string, pairs ...any) Text {
	t := Text{Key: key}
	if len(pairs) > 0 {
		t.Args = make(map[string]any, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			t.Args[pairs[i].(string)] = pairs[i+1]
		}
	}
	return t
}

// Pairs returns the arguments as name, value pairs for the translator.
func (t Text) Pairs() []any {
	out := make([]any, 0, 2*len(t.Args))
	for k, v := range t.Args {
		out = append(out, k, v)
	}
	return out
}

// Direction of bytes in a transcript, seen from the learner's program.
const (
	ToProgram   = "to-program"
	FromProgram = "from-program"
	// Note marks a line netlearn adds to the transcript, such as "closed".
	Note = "note"
)

// Exchange is one piece of a conversation: bytes written in one direction
// (kept raw; the renderer escapes them like any network bytes), or a note.
type Exchange struct {
	Dir   string `json:"dir"`
	Bytes []byte `json:"bytes,omitempty"`
	// Note is the catalogue key of a note, such as "closed with FIN".
	Note string `json:"note,omitempty"`
}

// Result is the outcome of one check.
type Result struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Did is what netlearn did, Message what happened.
	Did     Text `json:"did"`
	Message Text `json:"message"`
	// Hint is one hint on a failure; Lesson the section to read.
	Hint       *Text      `json:"hint,omitempty"`
	Lesson     string     `json:"lesson,omitempty"`
	Known      *Known     `json:"known,omitempty"`
	Transcript []Exchange `json:"transcript,omitempty"`
}

// Program is what is known about the learner's program after the run.
type Program struct {
	Command  []string `json:"command"`
	ExitCode *int     `json:"exit_code"`
	Stdout   []byte   `json:"stdout"`
	Stderr   []byte   `json:"stderr"`
	// Dropped counts the bytes cut from the middle of a flood of output.
	Dropped int64 `json:"dropped"`
}

// Report is the outcome of checking one exercise.
type Report struct {
	Exercise string        `json:"exercise"`
	Passed   bool          `json:"passed"`
	Checks   []Result      `json:"checks"`
	Program  Program       `json:"program"`
	Duration time.Duration `json:"duration"`
	// Where is how the program was isolated: "namespace" or "host".
	Where string `json:"where"`
	// Notes are things to say before the results, such as why the check
	// runs outside a private network namespace.
	Notes []Text `json:"notes,omitempty"`
}

// Event is what Check emits while it works, so results can be shown as
// they come: a note, one check's result, and finally the report.
type Event struct {
	Note   *Text   `json:"note,omitempty"`
	Result *Result `json:"result,omitempty"`
	Report *Report `json:"report,omitempty"`
}
