// Package menu is what `netlearn` alone opens on a terminal: lessons, the
// tools, quizzes, progress and the language, chosen with the arrow keys.
package menu

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/learn"
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/cmd/progress"
	"github.com/netlearn/netlearn/cmd/quiz"
	"github.com/netlearn/netlearn/lessons"
)

// Options are the menu's dependencies. The Factory runs the tools through
// the real command tree and asks with its prompter; a language switch
// replaces it with one in the other language.
type Options struct {
	F       *cmdutil.Factory
	Sources lessons.MachineSources
}

// NewOptions returns the menu's options for a real run.
func NewOptions(f *cmdutil.Factory) *Options {
	return &Options{F: f, Sources: lessons.SystemSources()}
}

// menu is one menu session.
type menu struct {
	*Options
	lib     *lessons.Library
	tracker *learner.Tracker
}

// Open shows the menu until the learner quits or presses Ctrl-C at it.
// Ctrl-C inside a choice, or while a tool runs, goes back to the menu.
func Open(ctx context.Context, opts *Options) error {
	lib, err := learner.Library(opts.F)
	if err != nil {
		return err
	}
	m := &menu{Options: opts, lib: lib, tracker: learner.OpenTracker(opts.F)}
	for ctx.Err() == nil {
		tr := m.F.Tr
		actions := []struct {
			label string
			do    func(context.Context) error
		}{
			{tr.T("menu.lessons"), m.lessons},
			{tr.T("menu.tools"), m.tools},
			{tr.T("menu.quiz"), m.quiz},
			{tr.T("menu.progress"), m.progress},
			{tr.T("menu.language"), m.switchLanguage},
			{tr.T("menu.quit"), nil},
		}
		labels := make([]string, len(actions))
		for i, a := range actions {
			labels[i] = a.label
		}
		i, err := m.F.Prompter().Select(tr.T("menu.title"), labels)
		if errors.Is(err, output.ErrCancelled) || (err == nil && actions[i].do == nil) {
			fmt.Fprintln(m.F.IO.Out, tr.T("menu.bye"))
			return nil
		}
		if err != nil {
			return err
		}
		if err := settle(ctx, actions[i].do(ctx)); err != nil {
			return err
		}
	}
	return cmdutil.ErrInterrupted
}

// settle decides whether an action's result ends the menu. A failed quiz
// or a Ctrl-C at a prompt inside the action only goes back to the menu.
func settle(ctx context.Context, err error) error {
	var failed *cmdutil.FailedError
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.Is(err, output.ErrCancelled), errors.Is(err, cmdutil.ErrInterrupted):
		return nil
	case errors.As(err, &failed) && failed.Msg == "":
		return nil
	}
	return err
}

// pickSection asks for a section; extra labels go first and are returned
// as themselves. "" means back.
func (m *menu) pickSection(prompt string, extra ...string) (string, error) {
	tr := m.F.Tr
	rows := learner.Rows(m.lib, m.tracker.Progress, learner.Lang(m.F))
	labels := append([]string{}, extra...)
	for _, r := range rows {
		mark := "  "
		if r.Seen {
			mark = "✓ "
		}
		labels = append(labels, fmt.Sprintf("%s%-6s %s", mark, r.Section, r.Title))
	}
	labels = append(labels, tr.T("menu.back"))
	i, err := m.F.Prompter().Select(prompt, labels)
	switch {
	case err != nil:
		return "", err
	case i < len(extra):
		return extra[i], nil
	case i == len(labels)-1:
		return "", nil
	}
	return rows[i-len(extra)].Section, nil
}

func (m *menu) lessons(ctx context.Context) error {
	section, err := m.pickSection(m.F.Tr.T("menu.pick_lesson"))
	if err != nil || section == "" {
		return err
	}
	opts := &learn.Options{F: m.F, Run: m.F.Run, Prompter: m.F.Prompter()}
	return learn.Show(ctx, opts, m.lib, m.tracker, section)
}

func (m *menu) quiz(ctx context.Context) error {
	all := m.F.Tr.T("menu.all_sections")
	section, err := m.pickSection(m.F.Tr.T("menu.pick_quiz"), all)
	if err != nil || section == "" {
		return err
	}
	if section == all {
		section = ""
	}
	return quiz.Run(ctx, &quiz.Options{F: m.F, Section: section, PassMark: quiz.DefaultPassMark,
		Sources: m.Sources, Prompter: m.F.Prompter(), Tracker: m.tracker})
}

func (m *menu) progress(context.Context) error {
	return progress.Show(m.F, false, m.lib, m.tracker)
}

// The tools' command lines, as run through the real command tree. Port
// lookup appends what the learner types. A test parses each of them.
var (
	ToolIP   = []string{"ip"}
	ToolPing = []string{"ping", "--check"}
	ToolPort = []string{"port"}
	ToolDemo = []string{"demo"}
)

func (m *menu) tools(ctx context.Context) error {
	tr := m.F.Tr
	labels := []string{tr.T("menu.tool_ip"), tr.T("menu.tool_ping"), tr.T("menu.tool_port"), tr.T("menu.tool_demo"), tr.T("menu.back")}
	i, err := m.F.Prompter().Select(tr.T("menu.pick_tool"), labels)
	if err != nil {
		return err
	}
	var args []string
	switch i {
	case 0:
		args = ToolIP
	case 1:
		// A ping check sends real packets to the gateway and the Internet:
		// only with the learner's yes.
		yes, err := m.F.Prompter().Confirm(tr.T("menu.ping_confirm"))
		if err != nil || !yes {
			return err
		}
		args = ToolPing
	case 2:
		answer, err := m.F.Prompter().Input(tr.T("menu.port_prompt"))
		if err != nil || strings.TrimSpace(answer) == "" {
			return err
		}
		args = append(append([]string{}, ToolPort...), strings.Fields(answer)...)
	case 3:
		args = ToolDemo
	default:
		return nil
	}
	m.F.Run(ctx, args)
	return nil
}

func (m *menu) switchLanguage(context.Context) error {
	next := i18n.ZH
	if m.F.Tr.Lang() == i18n.ZH {
		next = i18n.EN
	}
	m.F = m.F.WithLang(next)
	fmt.Fprintln(m.F.IO.Out, m.F.Tr.T("menu.language_now"))
	return nil
}
