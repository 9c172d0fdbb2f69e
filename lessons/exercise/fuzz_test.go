package exercise

import (
	"strings"
	"testing"
)

// Recognize reads whatever a learner's program wrote: it never panics,
// and what it reports comes from that text.
func FuzzRecognize(f *testing.F) {
	f.Add([]byte("Traceback (most recent call last):\n  File \"s.py\", line 2, in <module>\n    x\nNameError: name 'x' is not defined\n"), "s.py")
	f.Add([]byte("  File \"c.py\", line 7\n    if a = 'exit':\n       ^\nSyntaxError: invalid syntax\n"), "c.py")
	f.Add([]byte("\xff\xfe File \"\", line 99999999999999999999\n"), "")
	f.Fuzz(func(t *testing.T, stderr []byte, file string) {
		k := Recognize(stderr, file)
		if k != nil && !strings.Contains(strings.ReplaceAll(string(stderr), "\r\n", "\n"), k.Error) {
			t.Fatalf("error line %q is not in the output", k.Error)
		}
		_ = withoutOwnInterrupt(stderr)
	})
}
