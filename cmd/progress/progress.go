// Package progress implements `netlearn progress`: what the learner has
// read, their quiz scores and where they left off; --reset starts afresh.
package progress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// Options are the progress command's inputs.
type Options struct {
	F        *cmdutil.Factory
	JSON     bool
	Reset    bool
	Yes      bool
	Prompter output.Prompter
}

// NewCmdProgress returns the progress command; runF replaces the work in tests.
func NewCmdProgress(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f, Prompter: f.Prompter()}
	c := &cobra.Command{
		Use:     "progress",
		Short:   f.Tr.T("progress.short"),
		Long:    f.Tr.T("progress.long"),
		Example: "  netlearn progress\n  netlearn progress --json\n  netlearn progress --reset --yes",
		Args:    cmdutil.NoArgs(f),
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.Reset && opts.JSON {
				return &cmdutil.UsageError{Msg: f.Tr.T("progress.reset_and_json")}
			}
			if opts.Reset && !opts.Yes && !f.IO.CanPrompt() {
				return &cmdutil.UsageError{Msg: f.Tr.T("progress.reset_needs_yes")}
			}
			if runF != nil {
				return runF(c.Context(), opts)
			}
			return progressRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, f.Tr.T("progress.flag_json"))
	c.Flags().BoolVar(&opts.Reset, "reset", false, f.Tr.T("progress.flag_reset"))
	c.Flags().BoolVar(&opts.Yes, "yes", false, f.Tr.T("progress.flag_yes"))
	return c
}

func progressRun(opts *Options) error {
	if opts.Reset {
		return reset(opts)
	}
	f := opts.F
	lib, err := learner.Library(f)
	if err != nil {
		return err
	}
	return Show(f, opts.JSON, lib, learner.OpenTracker(f))
}

// reset never reads the old file: whatever it holds, even something
// netlearn cannot read, is copied aside before a fresh file replaces it.
func reset(opts *Options) error {
	tr := opts.F.Tr
	failed := func(err error) error {
		return &cmdutil.FailedError{Msg: tr.T("progress.reset_failed", "reason", learner.Why(tr, err))}
	}
	dir, err := opts.F.ConfigDir()
	if err != nil {
		return failed(err)
	}
	store := lessons.NewStore(dir)
	if _, err := os.Lstat(store.Path()); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(opts.F.IO.Out, tr.T("progress.reset_nothing"))
		return nil
	}
	if !opts.Yes {
		yes, err := opts.Prompter.Confirm(tr.T("progress.reset_confirm", "file", store.Path()))
		if errors.Is(err, output.ErrCancelled) {
			return cmdutil.ErrInterrupted
		}
		if err != nil {
			return err
		}
		if !yes {
			fmt.Fprintln(opts.F.IO.Out, tr.T("progress.reset_kept"))
			return nil
		}
	}
	backup, err := store.Reset()
	if err != nil {
		return failed(err)
	}
	fmt.Fprintln(opts.F.IO.Out, tr.T("progress.reset_done", "backup", backup))
	return nil
}

// View is the progress as shown and as --json prints it.
type View struct {
	File     string               `json:"file"`
	Seen     int                  `json:"seen"`
	Total    int                  `json:"total"`
	Next     string               `json:"next"`
	Last     *lessons.Position    `json:"last"`
	Sections []learner.SectionRow `json:"sections"`
}

// Show renders the learner's progress.
func Show(f *cmdutil.Factory, asJSON bool, lib *lessons.Library, tracker *learner.Tracker) error {
	p := tracker.Progress
	v := View{File: tracker.Path(), Seen: len(p.Seen), Total: len(lessons.Sections), Next: p.Next(),
		Last: p.Last, Sections: learner.Rows(lib, p, f.Tr.Lang())}
	return output.Render(f.IO.Output().WithJSON(asJSON), v,
		func(l *output.Layer, v View) error { return renderTerminal(f, l, v) },
		renderPlain)
}

func renderTerminal(f *cmdutil.Factory, l *output.Layer, v View) error {
	tr, cs := f.Tr, l.ColorScheme()
	t := l.NewTable("section", tr.T("learn.col_section"), tr.T("learn.col_title"), tr.T("learn.col_seen"),
		tr.T("progress.col_best"), tr.T("progress.col_last"), tr.T("progress.col_attempts"))
	text := output.Text
	for _, r := range v.Sections {
		t.AddRow(text(r.Section), text(r.Title), text(learner.SeenCell(cs, tr, r)), text(learner.Score(r.Best)),
			text(learner.Score(r.Last)), text(strconv.Itoa(r.Attempts)))
	}
	table, err := t.Render()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(l.Writer(), "%s\n%s\n\n%s\n\n%s\n%s\n",
		cs.Bold(tr.T("progress.title")),
		tr.T("progress.seen_count", "seen", v.Seen, "total", v.Total),
		strings.TrimRight(table, "\n"), lastLine(f, v), cs.Gray(tr.T("progress.file", "file", v.File)))
	return err
}

func lastLine(f *cmdutil.Factory, v View) string {
	tr := f.Tr
	line := tr.T("progress.nothing_yet")
	if v.Last != nil {
		line = tr.T("progress.last_"+v.Last.Activity, "section", v.Last.Section,
			"at", v.Last.At.Local().Format("2006-01-02 15:04"))
	}
	if v.Next != "" {
		line += "  " + tr.T("learn.hint_next", "section", v.Next)
	}
	return line
}

// renderPlain writes the progress as plain records: the file, the count
// read, the next lesson, then one "section" record per section (section,
// read or new, best and last score, attempts, then the title).
func renderPlain(l *output.Layer, v View) error {
	var b strings.Builder
	b.WriteString(output.PlainLine("file", []string{v.File}, ""))
	b.WriteString(output.PlainLine("seen", []string{fmt.Sprintf("%d/%d", v.Seen, v.Total)}, ""))
	b.WriteString(output.PlainLine("next", []string{v.Next}, ""))
	for _, r := range v.Sections {
		b.WriteString(output.PlainLine("section", []string{r.Section, learner.SeenValue(r), learner.Score(r.Best),
			learner.Score(r.Last), strconv.Itoa(r.Attempts)}, r.Title))
	}
	_, err := io.WriteString(l.Writer(), b.String())
	return err
}
