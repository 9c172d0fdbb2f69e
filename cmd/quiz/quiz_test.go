package quiz

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/learner/learnertest"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/locale"
)

// rightSteps answers every stored question of a section correctly, read
// from the quiz itself so the test follows the content.
func rightSteps(t *testing.T, section string, lang locale.Lang) []learnertest.Step {
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Quiz(section)
	var steps []learnertest.Step
	for _, question := range q.Questions {
		text := question.In(lang)
		if question.Type == lessons.TypeChoice {
			steps = append(steps, learnertest.Step{Pick: text.Choices[*question.Answer]})
		} else {
			steps = append(steps, learnertest.Step{Text: text.Accept[0]})
		}
	}
	return steps
}

type run struct {
	opts     *Options
	out, err *bytes.Buffer
	prompt   *learnertest.Prompter
}

func newRun(t *testing.T, terminal bool, stdin string, steps ...learnertest.Step) *run {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetTTY(terminal, terminal, false)
	f := cmdutil.NewFactory(ios, i18n.EN)
	p := &learnertest.Prompter{Steps: steps}
	return &run{out: out, err: errOut, prompt: p, opts: &Options{F: f, PassMark: DefaultPassMark,
		Prompter: p, Tracker: learner.OpenTrackerIn(f, t.TempDir())}}
}

func TestInteractiveQuizAllRight(t *testing.T) {
	r := newRun(t, true, "", rightSteps(t, "1.4", lessons.EN)...)
	r.opts.Section = "1.4"
	if err := Run(context.Background(), r.opts); err != nil {
		t.Fatalf("Run = %v\n%s", err, r.out)
	}
	if err := r.prompt.Done(); err != nil {
		t.Fatal(err)
	}
	score := r.opts.Tracker.Progress.Scores["1.4"]
	if score.Best.Correct != score.Best.Total || score.Best.Total < lessons.MinQuestions {
		t.Errorf("score %+v", score)
	}
	if !strings.Contains(r.out.String(), "Passed") {
		t.Errorf("output:\n%s", r.out)
	}
}

func TestCtrlCStopsCleanlyAndKeepsFinishedSections(t *testing.T) {
	steps := append(rightSteps(t, "1.1", lessons.EN), learnertest.Step{Control: true})
	r := newRun(t, true, "", steps...)
	err := Run(context.Background(), r.opts) // every section, no machine questions
	if !errors.Is(err, cmdutil.ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted", err)
	}
	p := r.opts.Tracker.Progress
	if _, ok := p.Scores["1.1"]; !ok {
		t.Errorf("the finished section was not saved (%v)", r.prompt.Err)
	}
	if _, ok := p.Scores["1.1.2"]; ok {
		t.Error("the interrupted section was saved as if finished")
	}
	if !strings.Contains(r.out.String(), "Stopped early") {
		t.Errorf("output:\n%s", r.out)
	}
}

func TestScriptedQuizGradesEachLine(t *testing.T) {
	lib, _ := lessons.Default()
	q, _ := lib.Quiz("1.5")
	var answers []string
	for i, question := range q.Questions {
		text := question.In(lessons.ZH)
		switch {
		case i == 0: // one wrong answer
			answers = append(answers, "wrong")
		case question.Type == lessons.TypeChoice: // as a letter
			answers = append(answers, string(rune('a'+*question.Answer)))
		default: // full-width, as a Chinese input method types it
			answers = append(answers, learnertest.FullWidth(text.Accept[0]))
		}
	}
	r := newRun(t, false, strings.Join(answers, "\n")+"\n")
	r.opts.F.Tr = i18n.For(i18n.ZH)
	r.opts.Section = "1.5"
	if err := Run(context.Background(), r.opts); err != nil && !isBelowPass(err) {
		t.Fatalf("Run = %v", err)
	}
	out := r.out.String()
	if strings.Count(out, "不对。") != 1 || strings.Count(out, "正确。") != len(q.Questions)-1 {
		t.Errorf("want 1 wrong and %d right verdicts:\n%s", len(q.Questions)-1, out)
	}
}

func isBelowPass(err error) bool {
	var failed *cmdutil.FailedError
	return errors.As(err, &failed) && failed.Msg == ""
}

func TestJSONResultAndMachineQuestion(t *testing.T) {
	steps := rightSteps(t, "1.7", lessons.EN)
	var stdin []string
	for range steps {
		stdin = append(stdin, "no idea")
	}
	stdin = append(stdin, "51234") // the machine question: the client's port
	r := newRun(t, false, strings.Join(stdin, "\n"))
	r.opts.Section, r.opts.JSON = "1.7", true
	r.opts.Sources = lessons.MachineSources{
		ClientConnection: func(context.Context) (netip.AddrPort, netip.AddrPort, error) {
			return netip.MustParseAddrPort("127.0.0.1:51234"), netip.MustParseAddrPort("127.0.0.1:40000"), nil
		},
	}
	err := Run(context.Background(), r.opts)
	var res Result
	if jerr := json.Unmarshal(r.out.Bytes(), &res); jerr != nil {
		t.Fatalf("stdout is not the JSON result: %v\n%s", jerr, r.out)
	}
	if !isBelowPass(err) || res.Passed || !res.Complete || res.Total != len(steps)+1 || res.Correct != 1 {
		t.Errorf("err %v, result %+v", err, res)
	}
	last := res.Sections[0].Answers[len(steps)]
	if !last.Machine || !last.Correct || last.Answer != "51234" {
		t.Errorf("machine answer %+v", last)
	}
	if !strings.Contains(r.err.String(), "[1.7 · 1/") {
		t.Errorf("questions should go to stderr under --json: %q", r.err.String())
	}
}

// TestScriptedSlipsAreExplainedAndKeepTheScriptInStep answers one choice
// question with a number past the last choice, one question with an empty
// line and one with a line of a megabyte; each is graded wrong with a
// line saying why, and the answers after them still meet their questions.
func TestScriptedSlipsAreExplainedAndKeepTheScriptInStep(t *testing.T) {
	lib, _ := lessons.Default()
	q, _ := lib.Quiz("1.2")
	slips := map[int]string{} // question index → the slip made there
	var answers []string
	for i, question := range q.Questions {
		text := question.In(lessons.EN)
		switch {
		case question.Type == lessons.TypeChoice && !hasSlip(slips, "9"):
			slips[i] = "9"
		case question.Type == lessons.TypeText && !hasSlip(slips, "huge"):
			slips[i] = "huge"
		case !hasSlip(slips, ""):
			slips[i] = ""
		}
		slip, slipped := slips[i]
		switch {
		case slip == "huge":
			answers = append(answers, strings.Repeat("８", 1<<20))
		case slipped:
			answers = append(answers, slip)
		case question.Type == lessons.TypeChoice:
			answers = append(answers, text.Choices[*question.Answer])
		default:
			answers = append(answers, text.Accept[0])
		}
	}
	if len(slips) != 3 {
		t.Fatalf("section 1.2 lacks a choice, a text and a third question: %v", slips)
	}
	r := newRun(t, false, strings.Join(answers, "\n")+"\n")
	r.opts.Section = "1.2"
	err := Run(context.Background(), r.opts)
	if err != nil && !isBelowPass(err) {
		t.Fatalf("Run = %v", err)
	}
	out := r.out.String()
	for _, want := range []string{
		`"9" is none of the choices (answer a–`,
		"No answer given. Not quite: the answer is ",
		"\nanswer\t" + strings.Repeat("８", 60) + "…\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	score := r.opts.Tracker.Progress.Scores["1.2"].Last
	if score.Total != len(q.Questions) || score.Correct != len(q.Questions)-3 {
		t.Errorf("score %+v, want %d of %d", score, len(q.Questions)-3, len(q.Questions))
	}
}

func hasSlip(slips map[int]string, slip string) bool {
	for _, s := range slips {
		if s == slip {
			return true
		}
	}
	return false
}

func TestStoppedBeforeTheFirstAnswerScoresNothing(t *testing.T) {
	r := newRun(t, false, "")
	r.opts.Section = "1.1"
	err := Run(context.Background(), r.opts)
	var failed *cmdutil.FailedError
	if !errors.As(err, &failed) || !strings.Contains(failed.Msg, "0 answered") {
		t.Errorf("Run = %v", err)
	}
	if out := r.out.String(); !strings.Contains(out, "Stopped before the first answer") || strings.Contains(out, "pass mark") {
		t.Errorf("output:\n%s", out)
	}
	if _, ok := r.opts.Tracker.Progress.Scores["1.1"]; ok {
		t.Error("an unanswered quiz was saved as a score")
	}
}
