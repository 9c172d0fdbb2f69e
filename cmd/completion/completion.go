// Package completion implements `netlearn completion SHELL`.
package completion

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
)

var generators = map[string]func(root *cobra.Command, w io.Writer) error{
	"bash":       func(r *cobra.Command, w io.Writer) error { return r.GenBashCompletionV2(w, true) },
	"zsh":        func(r *cobra.Command, w io.Writer) error { return r.GenZshCompletion(w) },
	"fish":       func(r *cobra.Command, w io.Writer) error { return r.GenFishCompletion(w, true) },
	"powershell": func(r *cobra.Command, w io.Writer) error { return r.GenPowerShellCompletionWithDesc(w) },
}

var shells = []string{"bash", "zsh", "fish", "powershell"}

// NewCmdCompletion returns the completion command.
func NewCmdCompletion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:       "completion bash|zsh|fish|powershell",
		Short:     f.Tr.T("completion.short"),
		Long:      f.Tr.T("completion.long"),
		ValidArgs: shells,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 || generators[args[0]] == nil {
				return &cmdutil.UsageError{
					Msg: f.Tr.T("completion.bad_shell", "shells", cmdutil.JoinList(f.Tr, shells)),
				}
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return generators[args[0]](c.Root(), f.IO.Out)
		},
	}
}
