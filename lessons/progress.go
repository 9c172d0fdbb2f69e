package lessons

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ProgressVersion is the version of the progress file's layout.
const ProgressVersion = 1

// What the learner last did.
const (
	ActivityLesson = "lesson"
	ActivityQuiz   = "quiz"
)

// AllActivities lists every Position.Activity.
func AllActivities() []string { return []string{ActivityLesson, ActivityQuiz} }

// Progress is what netlearn remembers about one learner.
type Progress struct {
	Version int `json:"version"`
	// Seen maps a section to when its lesson was first shown.
	Seen map[string]time.Time `json:"seen"`
	// Scores maps a section to its quiz results.
	Scores map[string]Score `json:"scores"`
	// Last is where the learner left off; nil before anything was done.
	Last *Position `json:"last,omitempty"`
	// Lang is the language last picked in the menu ("zh", "en"), "" before.
	Lang string `json:"lang,omitempty"`
}

// Attempt is one finished quiz of a section.
type Attempt struct {
	Correct int       `json:"correct"`
	Total   int       `json:"total"`
	At      time.Time `json:"at"`
}

// Score keeps a section's best and latest quiz result.
type Score struct {
	Best     Attempt `json:"best"`
	Last     Attempt `json:"last"`
	Attempts int     `json:"attempts"`
}

// Position is the learner's last step.
type Position struct {
	Section  string    `json:"section"`
	Activity string    `json:"activity"` // lesson or quiz
	At       time.Time `json:"at"`
}

// NewProgress returns the progress of someone who has done nothing yet.
func NewProgress() *Progress {
	return &Progress{Version: ProgressVersion, Seen: map[string]time.Time{}, Scores: map[string]Score{}}
}

// MarkSeen records that a section's lesson was shown.
func (p *Progress) MarkSeen(section string, now time.Time) {
	if _, ok := p.Seen[section]; !ok {
		p.Seen[section] = now
	}
	p.Last = &Position{Section: section, Activity: ActivityLesson, At: now}
}

// RecordQuiz records a finished quiz of a section. The best result is the
// one with the higher share of correct answers; a tie keeps the older one.
func (p *Progress) RecordQuiz(section string, correct, total int, now time.Time) {
	a := Attempt{Correct: correct, Total: total, At: now}
	s, had := p.Scores[section]
	if !had || better(a, s.Best) {
		s.Best = a
	}
	s.Last = a
	s.Attempts++
	p.Scores[section] = s
	p.Last = &Position{Section: section, Activity: ActivityQuiz, At: now}
}

func better(a, b Attempt) bool {
	if b.Total == 0 {
		return a.Total > 0
	}
	// Compare a.Correct/a.Total with b.Correct/b.Total without division.
	return a.Correct*b.Total > b.Correct*a.Total
}

// Next is the section to continue with: the first lesson not yet read
// after the last step, going round to the start, so that it never points
// at a lesson already read. "" means every lesson has been read.
func (p *Progress) Next() string {
	start := 0
	if p.Last != nil {
		start = slices.Index(Sections, p.Last.Section) + 1 // 0 for an unknown section
	}
	for i := range Sections {
		s := Sections[(start+i)%len(Sections)]
		if _, read := p.Seen[s]; !read {
			return s
		}
	}
	return ""
}

// ErrNotProgress is the cause when a file is not a progress file netlearn
// could have written: not JSON, or holding impossible values.
var ErrNotProgress = errors.New("not a netlearn progress file")

// ErrTruncated is the cause when a progress file ends before its JSON
// does: empty or half written (a full disk, a power cut while saving).
var ErrTruncated = errors.New("progress file cut short")

// VersionError is the cause when a progress file has another layout
// version, e.g. one written by a newer netlearn.
type VersionError struct{ Version int }

func (e *VersionError) Error() string {
	return fmt.Sprintf("progress file version %d, this netlearn writes version %d", e.Version, ProgressVersion)
}

// Check reports a progress value that could not have been written by
// netlearn: another version, a negative or impossible score.
func (p *Progress) Check() error {
	if p.Version != ProgressVersion {
		return &VersionError{Version: p.Version}
	}
	if p.Seen == nil || p.Scores == nil {
		return fmt.Errorf("%w: seen or scores is missing", ErrNotProgress)
	}
	for section, s := range p.Scores {
		for _, a := range []Attempt{s.Best, s.Last} {
			if a.Correct < 0 || a.Total < 0 || a.Correct > a.Total {
				return fmt.Errorf("%w: score of %s is %d/%d", ErrNotProgress, section, a.Correct, a.Total)
			}
		}
	}
	if p.Last != nil && p.Last.Activity != ActivityLesson && p.Last.Activity != ActivityQuiz {
		return fmt.Errorf("%w: last activity %q is unknown", ErrNotProgress, p.Last.Activity)
	}
	return nil
}
