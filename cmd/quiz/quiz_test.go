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
	var steps []learnertest.Step
	for _, question := range SectionQuestions(context.Background(), lib, lessons.MachineSources{}, section, testSeed) {
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

// testSeed orders every test's quiz, so the tests know the answers' order.
var testSeed uint64 = 11

// storedQuestions are a section's stored questions in the test's order.
func storedQuestions(t *testing.T, section string) []lessons.Question {
	t.Helper()
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	return SectionQuestions(context.Background(), lib, lessons.MachineSources{}, section, testSeed)
}

func newRun(t *testing.T, terminal bool, stdin string, steps ...learnertest.Step) *run {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetTTY(terminal, terminal, false)
	f := cmdutil.NewFactory(ios, i18n.EN)
	p := &learnertest.Prompter{Steps: steps}
	return &run{out: out, err: errOut, prompt: p, opts: &Options{F: f, PassMark: DefaultPassMark, Seed: &testSeed,
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
	questions := storedQuestions(t, "1.5")
	var answers []string
	for i, question := range questions {
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
	if strings.Count(out, "不对。") != 1 || strings.Count(out, "正确。") != len(questions)-1 {
		t.Errorf("want 1 wrong and %d right verdicts:\n%s", len(questions)-1, out)
	}
}

func isBelowPass(err error) bool {
	var failed *cmdutil.FailedError
	return errors.As(err, &failed) && failed.Msg == ""
}

func TestJSONResultAndMachineQuestion(t *testing.T) {
	sources := lessons.MachineSources{
		ClientConnection: func(context.Context) (netip.AddrPort, netip.AddrPort, error) {
			return netip.MustParseAddrPort("127.0.0.1:51234"), netip.MustParseAddrPort("127.0.0.1:40000"), nil
		},
	}
	lib, _ := lessons.Default()
	questions := SectionQuestions(context.Background(), lib, sources, "1.7", testSeed)
	var stdin []string
	machineAt := -1
	for i, q := range questions {
		if q.Machine { // right, as the printed label "b)" and so on
			machineAt = i
			stdin = append(stdin, string(rune('a'+*q.Answer))+")")
			continue
		}
		stdin = append(stdin, "no idea")
	}
	if machineAt < 0 {
		t.Fatal("no machine question in 1.7")
	}
	r := newRun(t, false, strings.Join(stdin, "\n"))
	r.opts.Section, r.opts.JSON, r.opts.Sources = "1.7", true, sources
	err := Run(context.Background(), r.opts)
	var res Result
	if jerr := json.Unmarshal(r.out.Bytes(), &res); jerr != nil {
		t.Fatalf("stdout is not the JSON result: %v\n%s", jerr, r.out)
	}
	if !isBelowPass(err) || res.Passed || !res.Complete || res.Total != len(questions) || res.Correct != 1 || res.Seed != testSeed {
		t.Errorf("err %v, result %+v", err, res)
	}
	if m := res.Sections[0].Answers[machineAt]; !m.Machine || !m.Correct || !strings.Contains(m.Prompt, "51234") {
		t.Errorf("machine answer %+v", m)
	}
	if !strings.Contains(r.err.String(), "[1.7 · 1/") {
		t.Errorf("questions should go to stderr under --json: %q", r.err.String())
	}
}

// TestSameSeedSameQuizOtherSeedOtherOrder: --seed replays a run; without
// it every run draws its own order.
func TestSameSeedSameQuizOtherSeedOtherOrder(t *testing.T) {
	prompts := func(seed *uint64) string {
		r := newRun(t, false, strings.Repeat("x\n", 20))
		r.opts.Section, r.opts.Seed = "1.3", seed
		Run(context.Background(), r.opts)
		return r.out.String()
	}
	one, other := uint64(1), uint64(2)
	if prompts(&one) != prompts(&one) {
		t.Error("the same seed gave two different quizzes")
	}
	if prompts(&one) == prompts(&other) {
		t.Error("two seeds gave the same quiz")
	}
	if prompts(nil) == prompts(nil) && prompts(nil) == prompts(nil) {
		t.Error("runs without --seed are not shuffled")
	}
}

// TestEchoedAnswersAreEscaped: an answer with ESC, bidi or control bytes is
// shown escaped, never raw.
func TestEchoedAnswersAreEscaped(t *testing.T) {
	r := newRun(t, false, "\x1b[2Jevil\u202e\n")
	r.opts.Section = "1.3"
	Run(context.Background(), r.opts)
	out := r.out.String()
	if strings.ContainsAny(out, "\x1b\u202e") || !strings.Contains(out, "\nanswer\t"+`\x1b[2Jevil\u202e`+"\n") {
		t.Errorf("output:\n%q", out)
	}
}

// TestScriptedSlipsAreExplainedAndKeepTheScriptInStep answers one choice
// question with a number past the last choice, one question with an empty
// line and one with a line of a megabyte; each is graded wrong with a
// line saying why, and the answers after them still meet their questions.
func TestScriptedSlipsAreExplainedAndKeepTheScriptInStep(t *testing.T) {
	questions := storedQuestions(t, "1.2")
	slips := map[int]string{} // question index → the slip made there
	var answers []string
	for i, question := range questions {
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
		"No answer given. Not quite. The right answer: ",
		"\nanswer\t" + strings.Repeat("８", 20) + "…\n", // 40 columns
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	score := r.opts.Tracker.Progress.Scores["1.2"].Last
	if score.Total != len(questions) || score.Correct != len(questions)-3 {
		t.Errorf("score %+v, want %d of %d", score, len(questions)-3, len(questions))
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

// TestJSONWithNoAnswerHasAnEmptyListOfSections: `quiz --json </dev/null`
// gives "sections": [], never null.
func TestJSONWithNoAnswerHasAnEmptyListOfSections(t *testing.T) {
	r := newRun(t, false, "")
	r.opts.JSON = true
	_ = Run(context.Background(), r.opts)
	var doc map[string]any
	if err := json.Unmarshal(r.out.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.out)
	}
	if s, ok := doc["sections"].([]any); !ok || len(s) != 0 {
		t.Errorf("sections %#v, want []", doc["sections"])
	}
}

// TestAnAnswerEndingInAFullStopIsNotDoubled: "The right answer: {expected}."
// must not print ".." for a choice that ends with its own full stop.
func TestAnAnswerEndingInAFullStopIsNotDoubled(t *testing.T) {
	for _, c := range []struct {
		lang            locale.Lang
		expected, wants string
	}{
		{lessons.EN, "Any free port.", "The right answer: Any free port. "},
		{lessons.ZH, "任意空闲端口。", "正确答案：任意空闲端口。"},
	} {
		r := newRun(t, false, "")
		r.opts.F = r.opts.F.WithLang(c.lang)
		s := newSession(context.Background(), r.opts)
		q := &lessons.Question{Type: lessons.TypeText}
		got := s.verdict(q, &lessons.QuestionText{Explain: "Why."}, "x", lessons.Grade{Expected: c.expected})
		if !strings.Contains(got, c.wants) || strings.Contains(got, "..") || strings.Contains(got, "。。") {
			t.Errorf("%s: %q, want it to contain %q", c.lang, got, c.wants)
		}
	}
}
