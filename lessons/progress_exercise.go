package lessons

import "time"

// ExerciseRecord is what netlearn remembers of one exercise: when it was
// first passed and the last attempt.
type ExerciseRecord struct {
	// PassedAt is when every check first passed; zero until then.
	PassedAt time.Time       `json:"passed_at,omitzero"`
	Last     ExerciseAttempt `json:"last"`
	Attempts int             `json:"attempts"`
}

// ExerciseAttempt is one `exercise check` run.
type ExerciseAttempt struct {
	At     time.Time `json:"at"`
	Passed bool      `json:"passed"`
	// Failed is the first check that failed, "" when all passed.
	Failed string `json:"failed,omitempty"`
}

// RecordExercise records one check of an exercise.
func (p *Progress) RecordExercise(name string, passed bool, failed string, now time.Time) {
	if p.Exercises == nil {
		p.Exercises = map[string]ExerciseRecord{}
	}
	r := p.Exercises[name]
	r.Last = ExerciseAttempt{At: now, Passed: passed, Failed: failed}
	r.Attempts++
	if passed && r.PassedAt.IsZero() {
		r.PassedAt = now
	}
	p.Exercises[name] = r
}

// ExerciseStatus is "new", "failed" or "passed" (passed once is passed).
func (p *Progress) ExerciseStatus(name string) string {
	r, ok := p.Exercises[name]
	switch {
	case !ok:
		return "new"
	case !r.PassedAt.IsZero():
		return "passed"
	}
	return "failed"
}
