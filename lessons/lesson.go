// Package lessons loads, checks and presents netlearn's lessons and quizzes,
// keeps the learner's progress, and builds quiz questions from the learner's
// own machine. Lesson and quiz files live in content/ and quiz/ beside this
// file and are embedded into the binary; FORMAT.md describes them for
// teachers. It never prints.
package lessons

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/netlearn/netlearn/locale"
)

// The languages lessons are written in (locale's, the one language type).
const (
	EN = locale.EN
	ZH = locale.ZH
)

// Langs lists every lesson language, English first.
var Langs = locale.All

// Anchors a lesson's "##" headings may carry, in the order they must appear.
// points, try and mistakes are required; diagram is optional.
const (
	AnchorPoints   = "points"
	AnchorDiagram  = "diagram"
	AnchorTry      = "try"
	AnchorMistakes = "mistakes"
)

var anchorOrder = []string{AnchorPoints, AnchorDiagram, AnchorTry, AnchorMistakes}

var requiredAnchors = []string{AnchorPoints, AnchorTry, AnchorMistakes}

// BlockKind is the kind of one piece of a lesson's body.
type BlockKind string

// The block kinds of the Markdown subset lessons are written in.
const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockBullets   BlockKind = "bullets"
	BlockCode      BlockKind = "code"
)

// Block is one piece of a lesson's body.
type Block struct {
	Kind   BlockKind `json:"kind"`
	Level  int       `json:"level,omitempty"`  // 2 or 3, headings only
	Anchor string    `json:"anchor,omitempty"` // "##" headings only
	Text   string    `json:"text,omitempty"`   // heading, paragraph or code text
	Items  []string  `json:"items,omitempty"`  // bullets only
	Lang   string    `json:"lang,omitempty"`   // code only: text, python, go, sh or empty
}

// Lesson is one section of the notes in one language.
type Lesson struct {
	Section string      `json:"section"`
	Lang    locale.Lang `json:"lang"`
	Title   string      `json:"title"`
	Try     []string    `json:"try"`
	Blocks  []Block     `json:"blocks"`
}

// ParseError points at the line of a lesson file that breaks the format.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func errAt(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// ParseLesson reads one lesson file: front matter, then the Markdown subset.
// It checks everything a single file can break; cross-file rules (both
// languages, same try lines) are checked by Load.
func ParseLesson(section string, lang locale.Lang, data []byte) (*Lesson, error) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	l := &Lesson{Section: section, Lang: lang}
	bodyStart, err := parseFrontMatter(lines, l)
	if err != nil {
		return nil, err
	}
	blocks, err := parseBody(lines, bodyStart)
	if err != nil {
		return nil, err
	}
	l.Blocks = blocks
	if err := checkAnchors(blocks); err != nil {
		return nil, err
	}
	return l, nil
}

// parseFrontMatter fills title and try lines and returns the index of the
// first body line.
func parseFrontMatter(lines []string, l *Lesson) (int, error) {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return 0, errAt(1, "the file must start with a --- line")
	}
	for i := 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			if l.Title == "" {
				return 0, errAt(i+1, "front matter has no title:")
			}
			if len(l.Try) == 0 {
				return 0, errAt(i+1, "front matter has no try: line")
			}
			return i + 1, nil
		}
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		if !ok || value == "" {
			return 0, errAt(i+1, "front matter lines look like `key: value`")
		}
		switch strings.TrimSpace(key) {
		case "title":
			if l.Title != "" {
				return 0, errAt(i+1, "title: given twice")
			}
			l.Title = value
		case "try":
			if _, err := SplitTry(value); err != nil {
				return 0, errAt(i+1, "try: %v", err)
			}
			l.Try = append(l.Try, value)
		default:
			return 0, errAt(i+1, "unknown front matter key %q", strings.TrimSpace(key))
		}
	}
	return 0, errAt(len(lines), "front matter is not closed with ---")
}

var (
	headingRE = regexp.MustCompile(`^(#{2,3}) +(.+?)(?: +\{#([a-z]+)\})?$`)
	fenceRE   = regexp.MustCompile("^```([a-z]*)$")
)

// forbidden finds what the subset leaves out: HTML tags, images, links and
// tables. Plain string tests: a regexp here cost most of the loading time.
func forbidden(line string) bool {
	if strings.HasPrefix(line, "|") || strings.Contains(line, "![") || strings.Contains(line, "](") {
		return true
	}
	for i := strings.IndexByte(line, '<'); i >= 0 && i+1 < len(line); {
		if c := line[i+1]; c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		next := strings.IndexByte(line[i+1:], '<')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

var codeLangs = map[string]bool{"": true, "text": true, "python": true, "go": true, "sh": true}

// bodyParser turns body lines into blocks, one line at a time.
type bodyParser struct {
	blocks []Block
	para   []string // lines of the paragraph being read
	items  []string // items of the bullet list being read
}

func parseBody(lines []string, start int) ([]Block, error) {
	p := &bodyParser{}
	for i := start; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		if m := fenceRE.FindStringSubmatch(line); m != nil {
			end, err := p.code(lines, i, m[1])
			if err != nil {
				return nil, err
			}
			i = end
			continue
		}
		if err := p.line(line, i+1); err != nil {
			return nil, err
		}
	}
	p.flush()
	return p.blocks, nil
}

// code reads a fenced block opened at lines[open] and returns the index
// of its closing fence.
func (p *bodyParser) code(lines []string, open int, lang string) (int, error) {
	if !codeLangs[lang] {
		return 0, errAt(open+1, "unknown code language %q", lang)
	}
	p.flush()
	for j := open + 1; j < len(lines); j++ {
		if strings.TrimRight(lines[j], " \t") == "```" {
			text := strings.Join(lines[open+1:j], "\n")
			p.blocks = append(p.blocks, Block{Kind: BlockCode, Lang: lang, Text: text})
			return j, nil
		}
	}
	return 0, errAt(open+1, "code block is never closed")
}

func (p *bodyParser) line(line string, num int) error {
	switch {
	case strings.TrimSpace(line) == "":
		p.flush()
		return nil
	case strings.HasPrefix(line, "```"):
		return errAt(num, "a code fence must be ``` alone or followed by a language")
	case forbidden(line):
		return errAt(num, "HTML, images, links and tables are not part of the lesson format")
	case strings.HasPrefix(line, "#"):
		return p.heading(line, num)
	case strings.HasPrefix(line, "- "):
		p.flushPara()
		p.items = append(p.items, strings.TrimSpace(line[2:]))
	case strings.HasPrefix(line, "  ") && len(p.items) > 0 && len(p.para) == 0:
		// An indented line continues the last bullet.
		p.items[len(p.items)-1] += "\n" + strings.TrimSpace(line)
	default:
		p.flushItems()
		p.para = append(p.para, strings.TrimSpace(line))
	}
	return nil
}

func (p *bodyParser) heading(line string, num int) error {
	m := headingRE.FindStringSubmatch(line)
	if m == nil {
		return errAt(num, "headings are `## Title {#anchor}` or `### Title`")
	}
	level, anchor := len(m[1]), m[3]
	if level == 2 && anchor == "" {
		return errAt(num, "a ## heading needs an anchor such as {#points}")
	}
	if level == 3 && anchor != "" {
		return errAt(num, "only ## headings carry anchors")
	}
	p.flush()
	p.blocks = append(p.blocks, Block{Kind: BlockHeading, Level: level, Anchor: anchor, Text: m[2]})
	return nil
}

func (p *bodyParser) flush() {
	p.flushPara()
	p.flushItems()
}

func (p *bodyParser) flushPara() {
	if len(p.para) > 0 {
		p.blocks = append(p.blocks, Block{Kind: BlockParagraph, Text: strings.Join(p.para, "\n")})
		p.para = nil
	}
}

func (p *bodyParser) flushItems() {
	if len(p.items) > 0 {
		p.blocks = append(p.blocks, Block{Kind: BlockBullets, Items: p.items})
		p.items = nil
	}
}

// checkAnchors enforces the known anchors, each at most once, in order,
// with the required ones present.
func checkAnchors(blocks []Block) error {
	next := 0 // index in anchorOrder the next anchor may not precede
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.Kind != BlockHeading || b.Anchor == "" {
			continue
		}
		pos := indexOf(anchorOrder, b.Anchor)
		switch {
		case pos < 0:
			return fmt.Errorf("unknown anchor {#%s}; use %s", b.Anchor, strings.Join(anchorOrder, ", "))
		case seen[b.Anchor]:
			return fmt.Errorf("anchor {#%s} appears twice", b.Anchor)
		case pos < next:
			return fmt.Errorf("anchor {#%s} is out of order; the order is %s", b.Anchor, strings.Join(anchorOrder, ", "))
		}
		seen[b.Anchor] = true
		next = pos + 1
	}
	for _, a := range requiredAnchors {
		if !seen[a] {
			return fmt.Errorf("required anchor {#%s} is missing", a)
		}
	}
	return nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Part is one "##" heading of a lesson with the blocks under it.
type Part struct {
	Anchor string  `json:"anchor"`
	Title  string  `json:"title"`
	Blocks []Block `json:"blocks"`
}

// Parts splits the body at its "##" headings. Blocks before the first
// heading form a part with an empty anchor.
func (l *Lesson) Parts() []Part {
	var parts []Part
	for _, b := range l.Blocks {
		if b.Kind == BlockHeading && b.Level == 2 {
			parts = append(parts, Part{Anchor: b.Anchor, Title: b.Text})
			continue
		}
		if len(parts) == 0 {
			parts = append(parts, Part{})
		}
		last := &parts[len(parts)-1]
		last.Blocks = append(last.Blocks, b)
	}
	return parts
}
