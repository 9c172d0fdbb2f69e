package quiz

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// session is one quiz run: where questions go and where answers come from.
type session struct {
	ctx         context.Context
	opts        *Options
	tr          *i18n.Catalog
	lang        i18n.Lang
	l           *output.Layer  // questions and verdicts: stdout, or stderr under --json
	stream      *output.Stream // on l
	interactive bool
	lines       <-chan string // answers read from stdin, closed at its end
}

func newSession(ctx context.Context, opts *Options) *session {
	f := opts.F
	l := f.IO.Output()
	if opts.JSON {
		l = f.IO.ErrOutput()
	}
	s := &session{ctx: ctx, opts: opts, tr: f.Tr, lang: f.Tr.Lang(), l: l, stream: l.Stream(),
		interactive: f.IO.CanPrompt() && !opts.JSON}
	if !s.interactive {
		s.lines = cmdutil.ReadLines(f.IO.In, ctx.Done(), maxAnswer)
	}
	return s
}

// maxAnswer bounds one answer line; the rest of a longer line is read and
// dropped, so a huge line costs no memory and still counts as one answer.
const maxAnswer = 1024

// askSection asks every question of a section and returns what was
// answered; the error says why it stopped early.
func (s *session) askSection(section string, questions []lessons.Question) (SectionResult, error) {
	sr := SectionResult{Section: section, Total: len(questions)}
	for i := range questions {
		q := &questions[i]
		t := q.In(s.lang)
		header := quizLine(section, i+1, len(questions))
		answer, err := s.ask(q, t, header)
		if err != nil {
			sr.Total = len(sr.Answers) // only what was answered counts
			return sr, err
		}
		g := q.Grade(s.lang, answer)
		if g.Correct {
			sr.Correct++
		}
		sr.Answers = append(sr.Answers, AnswerResult{ID: q.ID, Type: q.Type, Machine: q.Machine,
			Prompt: t.Prompt, Answer: answer, Correct: g.Correct, Expected: g.Expected, Explain: t.Explain})
		text := s.verdict(q, t, answer, g)
		s.stream.Emit(output.Record{Type: "verdict", Values: []string{rightOrWrong(g.Correct), q.ID},
			Text: text, Terminal: s.fit(text) + "\n"})
		if err := s.stream.Err(); err != nil {
			return sr, err
		}
	}
	return sr, nil
}

func (s *session) ask(q *lessons.Question, t *lessons.QuestionText, header string) (string, error) {
	if s.interactive {
		return s.askInteractive(q, t, header)
	}
	// Piped, the question and each choice are records; a terminal shows
	// them as one block.
	lines := []string{s.bold(header) + " " + t.Prompt}
	for i, c := range t.Choices {
		lines = append(lines, fmt.Sprintf("  %c) %s", 'a'+i, c))
	}
	s.stream.Emit(output.Record{Type: "question", Values: []string{q.ID, header}, Text: t.Prompt,
		Terminal: strings.Join(lines, "\n")})
	for i, c := range t.Choices {
		s.stream.Emit(output.Record{Type: "choice", Values: []string{string(rune('a' + i))}, Text: c})
	}
	if err := s.stream.Err(); err != nil {
		return "", err
	}
	select {
	case <-s.ctx.Done():
		return "", s.ctx.Err()
	case line, ok := <-s.lines:
		if !ok {
			return "", errStdinEnded
		}
		line = strings.ToValidUTF8(line, "\uFFFD")
		shown := cmdutil.ShowArg(strings.TrimSpace(line))
		s.stream.Emit(output.Record{Type: "answer", Text: shown, Terminal: s.tr.T("quiz.your_answer", "answer", shown)})
		return line, nil
	}
}

// askInteractive prints the question wrapped to the terminal, then asks
// with a short prompt: pterm's prompts redraw badly once they wrap.
func (s *session) askInteractive(q *lessons.Question, t *lessons.QuestionText, header string) (string, error) {
	s.stream.Emit(output.Record{Terminal: s.bold(s.fit(header + " " + t.Prompt))})
	if q.Type == lessons.TypeChoice {
		i, err := s.opts.Prompter.Select(s.tr.T("quiz.pick_answer"), t.Choices)
		if err != nil {
			return "", err
		}
		return strconv.Itoa(i + 1), nil
	}
	return s.opts.Prompter.Input(s.tr.T("quiz.type_answer"))
}

// verdict grades in words. A wrong answer that is empty, or that names
// none of the choices, says so, since that is usually a slip rather than
// a wrong idea.
func (s *session) verdict(q *lessons.Question, t *lessons.QuestionText, answer string, g lessons.Grade) string {
	if g.Correct {
		return s.good(s.tr.T("quiz.right", "explain", t.Explain))
	}
	// The message ends the answer with its own full stop: an answer that
	// already has one would end in "..".
	expected := strings.TrimRight(g.Expected, ".。")
	wrong := s.tr.T("quiz.wrong", "expected", expected, "explain", t.Explain)
	switch {
	case lessons.Normalize(answer) == "":
		wrong = s.join(s.tr.T("quiz.no_answer"), wrong)
	case q.Type == lessons.TypeChoice && g.Choice < 0:
		n := len(t.Choices)
		wrong = s.join(s.tr.T("quiz.not_a_choice", "answer", cmdutil.ShowArg(strings.TrimSpace(answer)),
			"letters", fmt.Sprintf("a–%c", 'a'+n-1), "numbers", fmt.Sprintf("1–%d", n)), wrong)
	}
	return s.bad(wrong)
}

func rightOrWrong(correct bool) string {
	if correct {
		return "right"
	}
	return "wrong"
}

// fit wraps text to the terminal's width; piped output keeps one line per
// verdict, easier to grep.
func (s *session) fit(text string) string {
	if !s.l.IsTerminal() {
		return text
	}
	return strings.Join(textwrap.Lines(text, s.l.Width()-1), "\n")
}

// good, bad and bold mark verdicts with symbols on a terminal only, in
// colour when colour is on.
func (s *session) good(text string) string {
	if !s.l.IsTerminal() {
		return text
	}
	return s.l.ColorScheme().Green("✓ ") + text
}

func (s *session) bad(text string) string {
	if !s.l.IsTerminal() {
		return text
	}
	return s.l.ColorScheme().Red("✗ ") + text
}

func (s *session) bold(text string) string {
	if !s.l.IsTerminal() {
		return text
	}
	return s.l.ColorScheme().Bold(text)
}
