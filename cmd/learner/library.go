// Package learner holds what the learning commands (learn, quiz, progress,
// the menu, exercise) share about the learner: the embedded lessons in the
// run's language, the sections a learner can name, and the saved progress
// with its one-line notices. Sibling commands never import each other; what
// they share lives here.
package learner

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/locale"
)

// Library returns the embedded lessons and quizzes. Broken content is a
// packaging bug the tests catch; should one slip through, the learner gets
// one line naming the first problem instead of a crash.
func Library(f *cmdutil.Factory) (*lessons.Library, error) {
	lib, err := lessons.Default()
	if err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		return nil, &cmdutil.FailedError{Msg: f.Tr.T("learn.content_broken", "reason", first)}
	}
	return lib, nil
}

// CheckSection explains, in the run's language, a word that is not a
// section.
func CheckSection(f *cmdutil.Factory, s string) error {
	if lessons.IsSection(s) {
		return nil
	}
	return errors.New(f.Tr.T("learn.bad_section", "section", s, "sections", strings.Join(lessons.Sections, " ")))
}

// CompleteSection offers the sections to shell completion, for a command
// that takes one section.
func CompleteSection(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, s := range lessons.Sections {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// SectionRow is one section's line in the lesson list and progress view.
type SectionRow struct {
	Section  string           `json:"section"`
	Title    string           `json:"title"`
	Seen     bool             `json:"seen"`
	SeenAt   *time.Time       `json:"seen_at,omitempty"`
	Best     *lessons.Attempt `json:"best,omitempty"`
	Last     *lessons.Attempt `json:"last,omitempty"`
	Attempts int              `json:"attempts"`
}

// Rows lists every section with what the learner did there.
func Rows(lib *lessons.Library, p *lessons.Progress, lang locale.Lang) []SectionRow {
	rows := make([]SectionRow, 0, len(lessons.Sections))
	for _, s := range lessons.Sections {
		row := SectionRow{Section: s}
		if l, ok := lib.Lesson(s, lang); ok {
			row.Title = l.Title
		}
		if at, ok := p.Seen[s]; ok {
			row.Seen, row.SeenAt = true, &at
		}
		if sc, ok := p.Scores[s]; ok {
			best, last := sc.Best, sc.Last
			row.Best, row.Last, row.Attempts = &best, &last, sc.Attempts
		}
		rows = append(rows, row)
	}
	return rows
}

// Score shows an attempt as "3/4", or "-" when there is none.
func Score(a *lessons.Attempt) string {
	if a == nil {
		return "-"
	}
	return fmt.Sprintf("%d/%d", a.Correct, a.Total)
}

// SeenValue says whether a lesson was read in a stable word, "read" or
// "new", for the plain look.
func SeenValue(r SectionRow) string {
	if r.Seen {
		return "read"
	}
	return "new"
}

// SeenWord says whether a lesson was read, in the run's language.
func SeenWord(tr *i18n.Catalog, r SectionRow) string {
	if r.Seen {
		return tr.T("learn.seen")
	}
	return tr.T("learn.unseen")
}

// SeenCell is SeenWord in green when read, grey when not.
func SeenCell(cs output.ColorScheme, tr *i18n.Catalog, r SectionRow) string {
	if r.Seen {
		return cs.Green(SeenWord(tr, r))
	}
	return cs.Gray(SeenWord(tr, r))
}
