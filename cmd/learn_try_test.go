package cmd

import (
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/cmd/menu"
	"github.com/netlearn/netlearn/lessons"
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
