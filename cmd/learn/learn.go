// Package learn implements `netlearn learn`: the list of lessons with the
// learner's progress, one lesson rendered for the terminal or as plain text,
// and the offer to run the lesson's "try it" commands live.
package learn

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// Options are the learn command's inputs.
type Options struct {
	F        *cmdutil.Factory
	Section  string
	Next     bool
	JSON     bool
	Run      cmdutil.Runner // runs a try command; nil never offers to
	Prompter output.Prompter
}

// NewCmdLearn returns the learn command. Try commands run through the
// Factory's in-process runner; runF replaces the work in tests.
func NewCmdLearn(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f, Prompter: f.Prompter()}
	if f.Runner != nil {
		opts.Run = f.Run
	}
	c := &cobra.Command{
		Use:               "learn [SECTION]",
		Short:             f.Tr.T("learn.short"),
		Long:              f.Tr.T("learn.long", "sections", strings.Join(lessons.Sections, " ")),
		Example:           "  netlearn learn\n  netlearn learn 1.2\n  netlearn learn --next",
		ValidArgsFunction: learner.CompleteSection,
		Args: func(c *cobra.Command, args []string) error {
			return parseArgs(f, c, opts, args)
		},
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return learnRun(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.Next, "next", false, f.Tr.T("learn.flag_next"))
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("learn.flag_json"))
	return c
}

func parseArgs(f *cmdutil.Factory, c *cobra.Command, opts *Options, args []string) error {
	usage := func(msg string) error { return &cmdutil.UsageError{Msg: msg} }
	switch {
	case len(args) > 1:
		return usage(f.Tr.T("learn.one_section", "args", strings.Join(args, " ")))
	case len(args) == 1 && opts.Next:
		return usage(f.Tr.T("learn.next_and_section"))
	case len(args) == 1:
		if err := learner.CheckSection(f, args[0]); err != nil {
			return usage(err.Error())
		}
		opts.Section = args[0]
	}
	return nil
}

func learnRun(ctx context.Context, opts *Options) error {
	f := opts.F
	lib, err := learner.Library(f)
	if err != nil {
		return err
	}
	tracker := learner.OpenTracker(f)
	section := opts.Section
	if opts.Next {
		section = tracker.Progress.Next()
		if section == "" && !opts.JSON {
			fmt.Fprintln(f.IO.Out, f.Tr.T("learn.all_done"))
			return nil
		}
	}
	if section == "" { // the list; under --next with nothing left, as JSON
		return renderList(f, opts.JSON, learner.Rows(lib, tracker.Progress, f.Tr.Lang()), tracker.Progress.Next())
	}
	return Show(ctx, opts, lib, tracker, section)
}

// Show renders one lesson; on a terminal it records it as seen and offers
// to run its try commands.
func Show(ctx context.Context, opts *Options, lib *lessons.Library, tracker *learner.Tracker, section string) error {
	f := opts.F
	lesson, ok := lib.Lesson(section, f.Tr.Lang())
	if !ok {
		return &cmdutil.FailedError{Msg: f.Tr.T("learn.content_broken", "reason", section)}
	}
	look := f.IO.Output().WithJSON(opts.JSON)
	if err := output.Render(look, lesson, renderTerminal, renderPlain); err != nil {
		return err
	}
	if !look.IsTerminal() {
		// A pipe or --json is a teacher or a script taking the text out,
		// not a learner reading it: only a terminal read counts.
		return nil
	}
	tracker.Progress.MarkSeen(section, tracker.Now())
	tracker.Save()
	if f.IO.CanPrompt() && opts.Run != nil {
		if err := offerTry(ctx, opts, lesson); err != nil {
			return err
		}
	}
	hintNext(f, section, tracker.Progress.Next())
	return nil
}

// offerTry asks, command by command, whether to run it now (default no).
func offerTry(ctx context.Context, opts *Options, l *lessons.Lesson) error {
	for _, line := range l.Try {
		yes, err := opts.Prompter.Confirm(opts.F.Tr.T("learn.try_prompt", "command", line))
		if errors.Is(err, output.ErrCancelled) {
			return cmdutil.ErrInterrupted
		}
		if err != nil {
			return err
		}
		if !yes {
			continue
		}
		args, err := lessons.SplitTry(line)
		if err != nil {
			return err // the library tests make this impossible
		}
		opts.Run(ctx, args)
		if ctx.Err() != nil {
			return cmdutil.ErrInterrupted
		}
	}
	return nil
}

// hintNext points at the quiz and the next unread lesson, on stderr, on a
// terminal.
func hintNext(f *cmdutil.Factory, section, next string) {
	if !f.IO.IsStderrTTY() {
		return
	}
	hint := f.Tr.T("learn.hint_quiz", "section", section)
	if next != "" {
		hint += "  " + f.Tr.T("learn.hint_next", "section", next)
	}
	fmt.Fprintln(f.IO.ErrOut, f.IO.ErrOutput().ColorScheme().Gray(hint))
}

// listData is the lesson list as rendered and as JSON.
type listData struct {
	Lessons []learner.SectionRow `json:"lessons"`
	Next    string               `json:"next"`
}

func renderList(f *cmdutil.Factory, asJSON bool, rows []learner.SectionRow, next string) error {
	tr := f.Tr
	return output.Render(f.IO.Output().WithJSON(asJSON), listData{Lessons: rows, Next: next},
		func(l *output.Layer, d listData) error {
			cs := l.ColorScheme()
			t := l.NewTable("lesson", tr.T("learn.col_section"), tr.T("learn.col_title"), tr.T("learn.col_seen"), tr.T("learn.col_best"))
			for _, r := range d.Lessons {
				t.AddRow(output.Text(r.Section), output.Text(r.Title), output.Text(learner.SeenCell(cs, tr, r)),
					output.Text(learner.Score(r.Best)))
			}
			table, err := t.Render()
			if err != nil {
				return err
			}
			footer := tr.T("learn.all_done")
			if d.Next != "" {
				footer = tr.T("learn.list_next", "section", d.Next)
			}
			_, err = fmt.Fprintf(l.Writer(), "%s\n\n%s\n", strings.TrimRight(table, "\n"), footer)
			return err
		},
		func(l *output.Layer, d listData) error {
			// One "lesson" record per section: section, read or new, best
			// score, then the title.
			var b strings.Builder
			for _, r := range d.Lessons {
				b.WriteString(output.PlainLine("lesson", []string{r.Section, learner.SeenValue(r), learner.Score(r.Best)}, r.Title))
			}
			_, err := io.WriteString(l.Writer(), b.String())
			return err
		})
}
