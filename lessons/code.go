package lessons

// Code returns the program of a lesson: the first code block of its key
// points that is a program (not a text diagram), exactly as written. A
// lesson whose key points show a second, bigger program (1.6's threaded
// server) still gives one file that runs as it is. "" means the lesson
// has no program.
func (l *Lesson) Code() string {
	for _, part := range l.Parts() {
		if part.Anchor != AnchorPoints {
			continue
		}
		for _, blk := range part.Blocks {
			if blk.Kind == BlockCode && blk.Lang != "text" && blk.Lang != "sh" {
				if blk.Text == "" || blk.Text[len(blk.Text)-1] != '\n' {
					return blk.Text + "\n"
				}
				return blk.Text
			}
		}
	}
	return ""
}
