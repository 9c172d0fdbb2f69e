package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Record is one thing that happened while a command runs, in every look at
// once. The command fills in what each look shows and the Stream picks.
type Record struct {
	// Type is the plain look's first field: a stable word such as "reply"
	// or "step". An empty Type writes no plain line.
	Type string
	// Values are the plain look's language-independent fields, in order:
	// key=value pairs (see KV) or stable words.
	Values []string
	// Text is the plain look's last, free-text field: prose in the user's
	// language. Empty leaves the field out.
	Text string
	// Terminal is what a terminal shows, already styled with the layer's
	// ColorScheme, and is followed by a line break; it may hold several
	// lines. Empty shows nothing.
	Terminal string
	// Status replaces the terminal's status line, which stays below the
	// records, redrawn in place, until End. Empty keeps the line as it is.
	// The other looks have no status line.
	Status string
	// JSON is written as one line of JSON (JSON Lines) in the JSON look.
	// Nil writes nothing: such commands write one document when they end.
	JSON any
}

// KV is one key=value field of a plain record.
func KV(key string, value any) string { return key + "=" + fmt.Sprint(value) }

// Stream shows records as they happen. On a terminal it can also keep one
// status line (ping's picture of recent round trips) redrawn below the
// records. Every command's live output goes through a Stream; a Stream is
// used by one goroutine at a time.
type Stream struct {
	l      *Layer
	enc    *json.Encoder
	status string // on screen below the records
	err    error  // the first write error
}

// Stream starts a stream on the layer.
func (l *Layer) Stream() *Stream {
	enc := json.NewEncoder(l.w)
	enc.SetEscapeHTML(false)
	return &Stream{l: l, enc: enc}
}

// ClearLine erases the status line so that a record can take its place;
// tests replay it to see what the screen shows.
const ClearLine = "\r\x1b[2K"

// Emit writes one record in the layer's look.
func (s *Stream) Emit(r Record) {
	switch s.l.look {
	case JSON:
		if r.JSON != nil {
			s.keep(s.enc.Encode(r.JSON))
		}
	case Terminal:
		s.clearStatus()
		if r.Terminal != "" {
			s.write(r.Terminal + "\n")
		}
		if r.Status != "" {
			s.status = r.Status
		}
		s.drawStatus()
	default:
		if r.Type != "" {
			s.write(PlainLine(r.Type, r.Values, r.Text))
		}
	}
}

// Err is the first error met while writing, if any: a command stops
// when its output is gone.
func (s *Stream) Err() error { return s.err }

// End removes the status line: what follows the stream starts on a clean
// line. It returns the first error met while writing, if any.
func (s *Stream) End() error {
	s.clearStatus()
	s.status = ""
	return s.err
}

func (s *Stream) clearStatus() {
	if s.status != "" {
		s.write(ClearLine)
	}
}

func (s *Stream) drawStatus() {
	if s.status != "" {
		s.write(s.status)
	}
}

func (s *Stream) write(text string) {
	_, err := io.WriteString(s.l.w, text)
	s.keep(err)
}

func (s *Stream) keep(err error) {
	if s.err == nil {
		s.err = err
	}
}

// PlainLine formats one plain record: the type, the values, then the free
// text, tab-separated, ending in a newline. Tabs and line breaks inside the
// free text become spaces, so one record stays one line; but a line break
// after Chinese punctuation (。，：） …) before a Chinese character just
// goes, since Chinese puts no space there. A line ending otherwise (a
// heading) keeps its space.
func PlainLine(typ string, values []string, text string) string {
	fields := append([]string{typ}, values...)
	if text != "" {
		fields = append(fields, oneLine(text))
	}
	return strings.Join(fields, "\t") + "\n"
}

// oneLine joins text's words with one space, or with none across a line
// break between Chinese punctuation and a wide character.
func oneLine(text string) string {
	var b strings.Builder
	rest := strings.TrimLeftFunc(text, unicode.IsSpace)
	for rest != "" {
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			b.WriteString(rest)
			break
		}
		word := rest[:end]
		b.WriteString(word)
		after := strings.TrimLeftFunc(rest[end:], unicode.IsSpace)
		if after == "" {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(word)
		next, _ := utf8.DecodeRuneInString(after)
		gap := rest[end : len(rest)-len(after)]
		if !strings.Contains(gap, "\n") || !wideMark(last) || runewidth.RuneWidth(next) != 2 {
			b.WriteByte(' ')
		}
		rest = after
	}
	return b.String()
}

// wideMark reports Chinese (full-width) punctuation: 。、「」 and the like,
// and the full-width forms ，：；！？（）.
func wideMark(r rune) bool {
	return (r >= 0x3000 && r <= 0x303f) || (runewidth.RuneWidth(r) == 2 && unicode.IsPunct(r))
}
