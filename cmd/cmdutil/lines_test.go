package cmdutil

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

func TestReadLinesSplitsCutsAndEnds(t *testing.T) {
	in := "one\r\ntwo\n" + strings.Repeat("x", 50) + "\nlast"
	var got []string
	for line := range ReadLines(strings.NewReader(in), nil, 10) {
		got = append(got, line)
	}
	want := []string{"one", "two", strings.Repeat("x", 10), "last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// FuzzReadLine: any input splits into one line per newline (plus a last
// one without), each without line breaks and no longer than the limit.
func FuzzReadLine(f *testing.F) {
	for _, s := range []string{"a\nb\n", "no newline", "\r\n\r\n", "\xff\xfe\n", strings.Repeat("x", 5000) + "\ny"} {
		f.Add([]byte(s))
	}
	const max = 1024
	f.Fuzz(func(t *testing.T, data []byte) {
		br := bufio.NewReaderSize(bytes.NewReader(data), 16) // small: exercise the chunking
		var lines []string
		for {
			line, err := readLine(br, max)
			if err != nil {
				break
			}
			lines = append(lines, line)
			if len(lines) > len(data)+1 {
				t.Fatalf("more lines than bytes in %q", data)
			}
		}
		want := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			want++
		}
		if len(lines) != want {
			t.Fatalf("%q: %d lines, want %d", data, len(lines), want)
		}
		for _, l := range lines {
			if strings.Contains(l, "\n") || len(l) > max {
				t.Fatalf("bad line %q", l)
			}
		}
	})
}
