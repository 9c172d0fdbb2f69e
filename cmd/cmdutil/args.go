package cmdutil

import (
	"github.com/spf13/cobra"
)

// NoArgs rejects any positional argument with a translated usage error.
func NoArgs(f *Factory) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return &UsageError{
				Msg: f.Tr.T("root.no_args", "command", c.CommandPath(), "arg", ShowArg(args[0])),
			}
		}
		return nil
	}
}
