// Package quiz implements `netlearn quiz`: questions on one section or all
// of them, asked interactively on a terminal or read one answer per line
// from stdin, each graded with a short explanation, with the score saved.
package quiz

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// DefaultPassMark is the share of correct answers, in percent, below which
// the quiz exits with status 1.
const DefaultPassMark = 60

// Options are the quiz command's inputs.
type Options struct {
	F         *cmdutil.Factory
	Section   string // "" means every section in order
	JSON      bool
	PassMark  int
	NoMachine bool
	// Seed orders the questions and their choices (lessons.Shuffled); nil
	// draws a new order for every run.
	Seed     *uint64
	Sources  lessons.MachineSources
	Prompter output.Prompter
	Tracker  *learner.Tracker // nil opens the saved progress
}

// NewCmdQuiz returns the quiz command; runF replaces the work in tests.
func NewCmdQuiz(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f, Sources: lessons.SystemSources(), Prompter: f.Prompter()}
	var seed uint64
	c := &cobra.Command{
		Use:               "quiz [SECTION]",
		Short:             f.Tr.T("quiz.short"),
		Long:              f.Tr.T("quiz.long", "pass", DefaultPassMark),
		ValidArgsFunction: learner.CompleteSection,
		Example:           "  netlearn quiz 1.2\n  netlearn quiz 1.3 --no-machine --seed 7 < answers.txt\n  netlearn quiz --json --pass 80 --seed 7 < answers.txt",
		Args: func(c *cobra.Command, args []string) error {
			return parseArgs(f, c, opts, args)
		},
		RunE: func(c *cobra.Command, _ []string) error {
			if c.Flags().Changed("seed") {
				opts.Seed = &seed
			}
			if opts.NoMachine {
				opts.Sources = lessons.MachineSources{}
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return Run(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("quiz.flag_json"))
	c.Flags().IntVar(&opts.PassMark, "pass", DefaultPassMark, f.Tr.T("quiz.flag_pass"))
	c.Flags().BoolVar(&opts.NoMachine, "no-machine", false, f.Tr.T("quiz.flag_no_machine"))
	c.Flags().Uint64Var(&seed, "seed", 0, f.Tr.T("quiz.flag_seed"))
	return c
}

func parseArgs(f *cmdutil.Factory, c *cobra.Command, opts *Options, args []string) error {
	usage := func(msg string) error { return &cmdutil.UsageError{Msg: msg} }
	if len(args) > 1 {
		return usage(f.Tr.T("learn.one_section", "args", strings.Join(args, " ")))
	}
	if len(args) == 1 {
		if err := learner.CheckSection(f, args[0]); err != nil {
			return usage(err.Error())
		}
		opts.Section = args[0]
	}
	if opts.PassMark < 0 || opts.PassMark > 100 {
		return usage(f.Tr.T("quiz.bad_pass", "value", opts.PassMark))
	}
	return nil
}

// Result is a quiz run as --json prints it.
type Result struct {
	Sections []SectionResult `json:"sections"`
	Correct  int             `json:"correct"`
	Total    int             `json:"total"`
	Percent  int             `json:"percent"`
	PassMark int             `json:"pass_mark"`
	Passed   bool            `json:"passed"`
	// Seed replays this run's order of questions and choices with --seed.
	Seed uint64 `json:"seed"`
	// Complete is false when the quiz stopped early (Ctrl-C, end of stdin).
	Complete bool `json:"complete"`
}

// SectionResult is the answers given on one section.
type SectionResult struct {
	Section string         `json:"section"`
	Correct int            `json:"correct"`
	Total   int            `json:"total"`
	Answers []AnswerResult `json:"answers"`
}

// AnswerResult is one graded answer.
type AnswerResult struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Machine  bool   `json:"machine"`
	Prompt   string `json:"prompt"`
	Answer   string `json:"answer"`
	Correct  bool   `json:"correct"`
	Expected string `json:"expected"`
	Explain  string `json:"explain"`
}

var errStdinEnded = errors.New("stdin ended")

// Run asks the questions, grades them, saves each finished section's score
// and returns nil (passed), a FailedError (below the pass mark or stdin
// ended early) or ErrInterrupted (Ctrl-C).
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	lib, err := learner.Library(f)
	if err != nil {
		return err
	}
	tracker := opts.Tracker
	if tracker == nil {
		tracker = learner.OpenTracker(f)
	}
	s := newSession(ctx, opts)
	seed := rand.Uint64()
	if opts.Seed != nil {
		seed = *opts.Seed
	}
	res := Result{Sections: []SectionResult{}, PassMark: opts.PassMark, Complete: true, Seed: seed} // [] rather than null in JSON
	sections := lessons.Sections
	if opts.Section != "" {
		sections = []string{opts.Section}
	}
	for _, section := range sections {
		sr, err := s.askSection(section, SectionQuestions(ctx, lib, opts.Sources, section, seed))
		res.add(sr)
		if err != nil {
			res.Complete = false
			return s.finish(&res, err)
		}
		tracker.Progress.RecordQuiz(section, sr.Correct, sr.Total, tracker.Now())
		tracker.Save()
	}
	return s.finish(&res, nil)
}

// SectionQuestions are a section's questions as a run with seed asks
// them: the stored ones and the machine ones, shuffled together.
func SectionQuestions(ctx context.Context, lib *lessons.Library, src lessons.MachineSources, section string, seed uint64) []lessons.Question {
	quiz, _ := lib.Quiz(section)
	questions := append(append([]lessons.Question{}, quiz.Questions...), src.Questions(ctx, section)...)
	return lessons.Shuffled(questions, seed)
}

func (r *Result) add(sr SectionResult) {
	if len(sr.Answers) == 0 {
		return
	}
	r.Sections = append(r.Sections, sr)
	r.Correct += sr.Correct
	r.Total += sr.Total
	r.Percent = lessons.Percent(r.Correct, r.Total)
	r.Passed = lessons.Passed(r.Correct, r.Total, r.PassMark)
}

// finish prints the result and turns it into the command's error.
func (s *session) finish(res *Result, stopped error) error {
	if err := s.printSummary(res); err != nil {
		return err
	}
	switch {
	case errors.Is(stopped, output.ErrCancelled), s.ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.Is(stopped, errStdinEnded):
		return &cmdutil.FailedError{Msg: s.tr.T("quiz.stdin_ended", "answered", res.Total)}
	case stopped != nil:
		return stopped
	case !res.Passed:
		return &cmdutil.FailedError{}
	}
	return nil
}

func (s *session) printSummary(res *Result) error {
	if s.opts.JSON {
		return output.WriteJSON(s.opts.F.IO.Out, res)
	}
	text := s.summary(res)
	kv := output.KV
	s.stream.Emit(output.Record{Type: "summary", Values: []string{kv("correct", res.Correct), kv("total", res.Total),
		kv("percent", res.Percent), kv("pass_mark", res.PassMark), kv("passed", res.Passed), kv("complete", res.Complete)},
		Text: text, Terminal: s.bold(s.fit(text))})
	return s.stream.End()
}

// summary is the closing line. A quiz that stopped early gets no pass or
// fail verdict: it was not finished.
func (s *session) summary(res *Result) string {
	score := s.tr.T("quiz.summary", "correct", res.Correct, "total", res.Total, "percent", res.Percent)
	switch {
	case !res.Complete && res.Total == 0:
		return s.tr.T("quiz.stopped_none")
	case !res.Complete:
		return s.join(s.tr.T("quiz.stopped"), score)
	case res.Passed:
		return s.join(score, s.tr.T("quiz.passed", "pass", res.PassMark))
	}
	return s.join(score, s.tr.T("quiz.below_pass", "pass", res.PassMark))
}

// join puts two sentences one after the other: with a space in English,
// without one in Chinese.
func (s *session) join(first, second string) string {
	return s.tr.T("quiz.two_sentences", "first", first, "second", second)
}

// quizLine numbers a question: "[1.2 · 2/4]".
func quizLine(section string, i, n int) string {
	return "[" + section + " · " + strconv.Itoa(i) + "/" + strconv.Itoa(n) + "]"
}
