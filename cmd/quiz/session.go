package quiz

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pterm/pterm"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/internal/textwrap"
	"github.com/netlearn/netlearn/cmd/tutor"
	"github.com/netlearn/netlearn/lessons"
)

// session is one quiz run: where questions go and where answers come from.
type session struct {
	ctx         context.Context
	opts        *Options
	tr          *i18n.Catalog
	lang        string
	out         io.Writer // questions and verdicts: stdout, or stderr under --json
	interactive bool
	style       style
	lines       <-chan string // answers read from stdin, closed at its end
}

func newSession(ctx context.Context, opts *Options) *session {
	f := opts.F
	s := &session{ctx: ctx, opts: opts, tr: f.Tr, lang: tutor.Lang(f), out: f.IO.Out,
		interactive: f.IO.CanPrompt() && !opts.JSON, style: style{on: f.IO.IsStdoutTTY()}}
	if opts.JSON {
		s.out, s.style.on = f.IO.ErrOut, f.IO.IsStderrTTY()
	}
	if !s.interactive {
		s.lines = readLines(f.IO.In, ctx.Done())
	}
	return s
}

// maxAnswer bounds one answer line; the rest of a longer line is read and
// dropped, so a huge line costs no memory and still counts as one answer.
const maxAnswer = 1024

// readLines feeds stdin's lines to a channel, so that waiting for an answer
// can also watch for Ctrl-C. The goroutine ends with stdin, or when done is
// closed.
func readLines(r io.Reader, done <-chan struct{}) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		br := bufio.NewReader(r)
		for {
			line, err := readAnswer(br)
			if err != nil {
				return
			}
			select {
			case ch <- line:
			case <-done:
				return
			}
		}
	}()
	return ch
}

// readAnswer reads one line, without its line ending, keeping at most
// maxAnswer bytes of it. A last line without a newline still counts; io.EOF
// means there was no line at all.
func readAnswer(br *bufio.Reader) (string, error) {
	var kept []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if room := maxAnswer - len(kept); room > 0 {
			kept = append(kept, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == nil:
		case err == io.EOF && len(chunk) > 0, err == io.EOF && len(kept) > 0:
		default:
			return "", err
		}
		line := strings.TrimSuffix(string(kept), "\n")
		return strings.ToValidUTF8(strings.TrimSuffix(line, "\r"), "\uFFFD"), nil
	}
}

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
		if _, err := fmt.Fprintln(s.out, s.fit(s.verdict(q, t, answer, g))+"\n"); err != nil {
			return sr, err
		}
	}
	return sr, nil
}

func (s *session) ask(q *lessons.Question, t *lessons.QuestionText, header string) (string, error) {
	if s.interactive {
		return s.askInteractive(q, t, header)
	}
	var b strings.Builder
	b.WriteString(s.style.bold(header) + " " + t.Prompt + "\n")
	for i, c := range t.Choices {
		fmt.Fprintf(&b, "  %c) %s\n", 'a'+i, c)
	}
	if _, err := io.WriteString(s.out, b.String()); err != nil {
		return "", err
	}
	select {
	case <-s.ctx.Done():
		return "", s.ctx.Err()
	case line, ok := <-s.lines:
		if !ok {
			return "", errStdinEnded
		}
		fmt.Fprintln(s.out, s.tr.T("quiz.your_answer", "answer", cmdutil.ShowArg(strings.TrimSpace(line))))
		return line, nil
	}
}

// askInteractive prints the question wrapped to the terminal, then asks
// with a short prompt: pterm's prompts redraw badly once they wrap.
func (s *session) askInteractive(q *lessons.Question, t *lessons.QuestionText, header string) (string, error) {
	fmt.Fprintln(s.out, s.style.bold(s.fit(header+" "+t.Prompt)))
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
		return s.style.good(s.tr.T("quiz.right", "explain", t.Explain))
	}
	wrong := s.tr.T("quiz.wrong", "expected", g.Expected, "explain", t.Explain)
	switch {
	case lessons.Normalize(answer) == "":
		wrong = s.join(s.tr.T("quiz.no_answer"), wrong)
	case q.Type == lessons.TypeChoice && g.Choice < 0:
		n := len(t.Choices)
		wrong = s.join(s.tr.T("quiz.not_a_choice", "answer", cmdutil.ShowArg(strings.TrimSpace(answer)),
			"letters", fmt.Sprintf("a–%c", 'a'+n-1), "numbers", fmt.Sprintf("1–%d", n)), wrong)
	}
	return s.style.bad(wrong)
}

// fit wraps text to the terminal's width; piped output keeps one line per
// verdict, easier to grep.
func (s *session) fit(text string) string {
	if !s.style.on {
		return text
	}
	return strings.Join(textwrap.Lines(text, s.opts.F.IO.TerminalWidth()-1), "\n")
}

// style marks verdicts with colour and symbols on a terminal only.
type style struct{ on bool }

func (st style) good(s string) string {
	if !st.on {
		return s
	}
	return pterm.Green("✓ ") + s
}

func (st style) bad(s string) string {
	if !st.on {
		return s
	}
	return pterm.Red("✗ ") + s
}

func (st style) bold(s string) string {
	if !st.on {
		return s
	}
	return pterm.Bold.Sprint(s)
}
