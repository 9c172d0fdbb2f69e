package lessons

import "strings"

// Programs returns the lesson's Python blocks that are whole programs, in
// order: those whose first line is an import. The other Python blocks are
// snippets that show one idea and do not run on their own. Tests run every
// program for real, so a lesson cannot teach code that does not work.
func (l *Lesson) Programs() []string {
	var out []string
	for _, b := range l.Blocks {
		if b.Kind == BlockCode && b.Lang == "python" && strings.HasPrefix(b.Text, "import ") {
			out = append(out, b.Text)
		}
	}
	return out
}
