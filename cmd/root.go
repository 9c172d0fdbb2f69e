package cmd

import (
	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/completion"
	"github.com/netlearn/netlearn/cmd/demo"
	"github.com/netlearn/netlearn/cmd/ip"
	"github.com/netlearn/netlearn/cmd/learn"
	"github.com/netlearn/netlearn/cmd/menu"
	"github.com/netlearn/netlearn/cmd/ping"
	"github.com/netlearn/netlearn/cmd/port"
	"github.com/netlearn/netlearn/cmd/progress"
	"github.com/netlearn/netlearn/cmd/quiz"
	"github.com/netlearn/netlearn/cmd/version"
)

// NewCmdRoot builds the whole command tree in the factory's language. It
// installs the in-process runner in f unless a test has put a fake there.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	if f.Runner == nil {
		f.Runner = runInProcess
	}
	tr := f.Tr
	root := &cobra.Command{
		Use:           "netlearn",
		Short:         tr.T("root.short"),
		Long:          tr.T("root.long"),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          rejectUnknownCommand(f),
		RunE: func(c *cobra.Command, _ []string) error {
			if f.IO.CanPrompt() {
				return menu.Open(c.Context(), menu.NewOptions(f))
			}
			return c.Help()
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SuggestionsMinimumDistance = 2
	// Both are read before cobra parses (see Run); they are declared here so
	// that they show in help, complete, and are accepted anywhere.
	root.PersistentFlags().String("lang", "", tr.T("root.flag_lang"))
	root.PersistentFlags().Bool("no-color", false, tr.T("root.flag_no_color"))

	root.AddCommand(
		version.NewCmdVersion(f),
		completion.NewCmdCompletion(f),
		learn.NewCmdLearn(f, nil),
		quiz.NewCmdQuiz(f, nil),
		progress.NewCmdProgress(f, nil),
		ip.NewCmdIP(f, nil),
		port.NewCmdPort(f, nil),
		demo.NewCmdDemo(f, nil),
		ping.NewCmdPing(f, nil),
	)
	root.AddCommand(helpTopics(f)...)
	root.SetHelpCommand(newCmdHelp(f))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return flagError(f, c, err)
	})
	version.AddFlag(root, f)
	registerTemplateFuncs(f)
	root.SetUsageTemplate(usageTemplate(f))
	addHelpFlags(root, f)
	return root
}

// rejectUnknownCommand turns a stray word after `netlearn` into a usage
// error with cobra's spelling suggestions, in the user's language.
func rejectUnknownCommand(f *cmdutil.Factory) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := f.Tr.T("root.unknown_command", "name", args[0])
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += " " + f.Tr.T("root.did_you_mean", "names", cmdutil.JoinList(f.Tr, s))
		}
		return &cmdutil.UsageError{Msg: msg}
	}
}

// addHelpFlags gives every command a translated -h/--help before cobra
// would add its English one.
func addHelpFlags(c *cobra.Command, f *cmdutil.Factory) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, f.Tr.T("root.flag_help", "name", c.Name()))
	}
	for _, sub := range c.Commands() {
		addHelpFlags(sub, f)
	}
}
