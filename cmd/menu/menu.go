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
	"github.com/netlearn/netlearn/cmd/learner"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons"
)

// Options are the menu's dependencies. The Factory asks with its prompter
// and runs every choice (lessons, quizzes, progress, tools) through the real
// command tree, as `netlearn learn 1.2` would; the menu never calls another
// command's code. A language switch replaces the Factory with one in the
// other language.
type Options struct {
	F *cmdutil.Factory
}

// NewOptions returns the menu's options for a real run.
func NewOptions(f *cmdutil.Factory) *Options { return &Options{F: f} }

// menu is one menu session.
type menu struct {
	*Options
	lib *lessons.Library
}

// Open shows the menu until the learner quits or presses Ctrl-C at it.
// Ctrl-C inside a choice, or while a tool runs, goes back to the menu; Esc
// goes back one level.
func Open(ctx context.Context, opts *Options) error {
	lib, err := learner.Library(opts.F)
	if err != nil {
		return err
	}
	m := &menu{Options: opts, lib: lib}
	m.useSavedLanguage()
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
		switch {
		case errors.Is(err, output.ErrBack):
			continue // nothing above the main menu
		case errors.Is(err, output.ErrCancelled) || (err == nil && actions[i].do == nil):
			fmt.Fprintln(m.F.IO.Out, tr.T("menu.bye"))
			return nil
		case err != nil:
			return err
		}
		if err := settle(ctx, actions[i].do(ctx)); err != nil {
			return err
		}
	}
	return cmdutil.ErrInterrupted
}

// settle decides whether an action's result ends the menu. A Ctrl-C at a
// prompt inside the action only goes back to the menu.
func settle(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return cmdutil.ErrInterrupted
	case errors.Is(err, output.ErrCancelled):
		return nil
	}
	return err
}

// run runs a command line of the menu's and decides what its exit code
// means for the menu. The runner has printed any error already. Success, a
// plain failure (a quiz below the pass mark) and Ctrl-C (130) go back to
// the menu, once the learner has read the answer and pressed Enter;
// anything else ends it with that code.
func (m *menu) run(ctx context.Context, args ...string) error {
	switch code := m.F.Run(ctx, args); code {
	case cmdutil.ExitOK, cmdutil.ExitFailed, cmdutil.ExitInterrupted:
		return m.F.Prompter().Pause(m.F.Tr.T("menu.press_enter"))
	default:
		return &cmdutil.ReportedError{Code: code}
	}
}

// again repeats a submenu until the learner goes back (Esc, "back", or
// Ctrl-C at one of its prompts), so that after each choice the same list
// comes back rather than the main menu.
func again(step func() (done bool, err error)) error {
	for {
		done, err := step()
		switch {
		case errors.Is(err, output.ErrCancelled):
			return nil
		case err != nil || done:
			return err
		}
	}
}

// pickSection asks for a section; extra labels go first and are returned
// as themselves. "" means back.
func (m *menu) pickSection(prompt string, extra ...string) (string, error) {
	tr := m.F.Tr
	// The progress is read afresh: the commands the menu ran have saved it.
	rows := learner.Rows(m.lib, learner.OpenTracker(m.F).Progress, m.F.Tr.Lang())
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
	return again(func() (bool, error) {
		section, err := m.pickSection(m.F.Tr.T("menu.pick_lesson"))
		if err != nil || section == "" {
			return true, err
		}
		return false, m.run(ctx, "learn", section)
	})
}

func (m *menu) quiz(ctx context.Context) error {
	all := m.F.Tr.T("menu.all_sections")
	return again(func() (bool, error) {
		section, err := m.pickSection(m.F.Tr.T("menu.pick_quiz"), all)
		switch {
		case err != nil || section == "":
			return true, err
		case section == all:
			return false, m.run(ctx, "quiz")
		}
		return false, m.run(ctx, "quiz", section)
	})
}

func (m *menu) progress(ctx context.Context) error { return m.run(ctx, "progress") }

// The tools' command lines, as run through the real command tree. Port
// lookup appends what the learner types. A test parses each of them.
var (
	ToolIP   = []string{"ip"}
	ToolPing = []string{"ping", "--check"}
	ToolPort = []string{"port"}
	ToolDemo = []string{"demo"}
)

func (m *menu) tools(ctx context.Context) error {
	return again(func() (bool, error) { return m.tool(ctx) })
}

// tool asks for one tool and runs it; done is set by "back".
func (m *menu) tool(ctx context.Context) (done bool, err error) {
	tr := m.F.Tr
	labels := []string{tr.T("menu.tool_ip"), tr.T("menu.tool_ping"), tr.T("menu.tool_port"), tr.T("menu.tool_demo"), tr.T("menu.back")}
	i, err := m.F.Prompter().Select(tr.T("menu.pick_tool"), labels)
	if err != nil {
		return true, err
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
			return false, err
		}
		args = ToolPing
	case 2:
		answer, err := m.F.Prompter().Input(tr.T("menu.port_prompt"))
		if err != nil || strings.TrimSpace(answer) == "" {
			return false, err
		}
		args = append(append([]string{}, ToolPort...), strings.Fields(answer)...)
	case 3:
		args = ToolDemo
	default:
		return true, nil
	}
	// A tool's failure is part of the lesson (nothing listens, no reply,
	// a mistyped port): its message is on screen, and the menu goes on.
	m.F.Run(ctx, args)
	return false, m.F.Prompter().Pause(tr.T("menu.press_enter"))
}

// useSavedLanguage opens the menu in the language last picked in it,
// unless --lang or NETLEARN_LANG chose one for this run.
func (m *menu) useSavedLanguage() {
	if m.F.LangExplicit {
		return
	}
	if lang, err := i18n.Parse(learner.OpenTracker(m.F).Progress.Lang); err == nil && lang != m.F.Tr.Lang() {
		m.F = m.F.WithLang(lang)
	}
}

func (m *menu) switchLanguage(context.Context) error {
	next := i18n.ZH
	if m.F.Tr.Lang() == i18n.ZH {
		next = i18n.EN
	}
	m.F = m.F.WithLang(next)
	tracker := learner.OpenTracker(m.F)
	tracker.Progress.Lang = string(next)
	tracker.Save()
	fmt.Fprintln(m.F.IO.Out, m.F.Tr.T("menu.language_now"))
	return nil
}
