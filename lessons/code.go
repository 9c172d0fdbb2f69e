package lessons

import "strings"

// Code returns the program of a lesson: the code blocks of its key points,
// exactly as written, one after another. Diagrams (text blocks) and the
// fragments under "common mistakes" are left out, so the result of a
// lesson whose key points hold a whole program runs as it is.
func (l *Lesson) Code() string {
	var b strings.Builder
	for _, part := range l.Parts() {
		if part.Anchor != AnchorPoints {
			continue
		}
		for _, blk := range part.Blocks {
			if blk.Kind != BlockCode || blk.Lang == "text" {
				continue
			}
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			b.WriteString(strings.TrimSuffix(blk.Text, "\n") + "\n")
		}
	}
	return b.String()
}
