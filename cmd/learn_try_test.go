package cmd

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/menu"
	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/locale"
)

// TestEveryTryCommandIsAValidCommandLine parses each lesson's try lines
// against the real command tree, flags and arguments included, without
// running anything: a lesson must never tell a learner to type a command
// netlearn would reject.
func TestEveryTryCommandIsAValidCommandLine(t *testing.T) {
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	for _, section := range lessons.Sections {
		// Both languages carry the same lines (Load checks that).
		l, _ := lib.Lesson(section, lessons.EN)
		for _, line := range l.Try {
			if err := parseOnly(NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)), line); err != nil {
				t.Errorf("%s: %q: %v", section, line, err)
			}
		}
	}
}

// parseOnly finds the command a line names and parses its flags and
// positional arguments as cobra would before running it.
func parseOnly(root *cobra.Command, line string) error {
	args, err := lessons.SplitTry(line)
	if err != nil {
		return err
	}
	c, rest, err := root.Find(args)
	if err != nil {
		return err
	}
	if c == root {
		return fmt.Errorf("%q is not a netlearn command", args[0])
	}
	if err := c.ParseFlags(rest); err != nil {
		return err
	}
	return c.ValidateArgs(c.Flags().Args())
}

// TestEveryCommandInTheTextIsValid parses each `netlearn …` a lesson or
// a quiz mentions in its text, so a renamed flag cannot leave a lesson
// telling learners to type something netlearn rejects. A span naming only
// the command (`netlearn ping`) refers to it and need not run alone.
func TestEveryCommandInTheTextIsValid(t *testing.T) {
	lib, err := lessons.Default()
	if err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	checked := 0
	for _, section := range lessons.Sections {
		for _, lang := range lessons.Langs {
			for _, line := range commandsInText(lib, section, lang) {
				checked++
				err := parseOnly(NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)), line)
				if err != nil && !namesACommand(line) {
					t.Errorf("%s %s: %q: %v", section, lang, line, err)
				}
			}
		}
	}
	if checked < len(lessons.Sections) {
		t.Errorf("only %d commands found in the text: the extraction is broken", checked)
	}
}

var inlineCommand = regexp.MustCompile("`(netlearn [^`]*)`")

// commandsInText collects the netlearn command lines of a section's lesson
// (inline code and shell blocks) and quiz (prompts and explanations).
func commandsInText(lib *lessons.Library, section string, lang locale.Lang) []string {
	var texts []string
	l, _ := lib.Lesson(section, lang)
	for _, b := range l.Blocks {
		switch {
		case b.Kind == lessons.BlockCode && b.Lang == "sh":
			for _, line := range strings.Split(b.Text, "\n") {
				if strings.HasPrefix(line, "netlearn ") {
					texts = append(texts, "`"+strings.TrimSpace(line)+"`")
				}
			}
		case b.Kind != lessons.BlockCode:
			texts = append(texts, b.Text)
			texts = append(texts, b.Items...)
		}
	}
	q, _ := lib.Quiz(section)
	for _, question := range q.Questions {
		text := question.In(lang)
		texts = append(texts, text.Prompt, text.Explain)
	}
	var lines []string
	for _, text := range texts {
		for _, m := range inlineCommand.FindAllStringSubmatch(text, -1) {
			lines = append(lines, m[1])
		}
	}
	return lines
}

func namesACommand(line string) bool {
	args, err := lessons.SplitTry(line)
	if err != nil || len(args) != 1 {
		return false
	}
	ios, _, _, _ := iostreams.Test()
	c, _, err := NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)).Find(args)
	return err == nil && c.Name() == args[0]
}

// TestMenuToolsAreValidCommandLines does the same for the menu's tools.
func TestMenuToolsAreValidCommandLines(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	port := append(append([]string{}, menu.ToolPort...), "80", "ssh")
	for _, args := range [][]string{menu.ToolIP, menu.ToolPing, port, menu.ToolDemo} {
		line := "netlearn " + strings.Join(args, " ")
		if err := parseOnly(NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)), line); err != nil {
			t.Errorf("%q: %v", line, err)
		}
	}
}

func TestParseOnlyRejectsBadLines(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	for _, line := range []string{"netlearn nosuch", "netlearn version --bogus", "netlearn version extra", "netlearn learn 9.9 --next"} {
		if err := parseOnly(NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)), line); err == nil {
			t.Errorf("%q parsed as valid", line)
		}
	}
	if err := parseOnly(NewCmdRoot(cmdutil.NewFactory(ios, i18n.EN)), "netlearn learn --next"); err != nil {
		t.Errorf("a valid line: %v", err)
	}
}
