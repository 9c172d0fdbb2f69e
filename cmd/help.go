package cmd

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
)

// newCmdHelp replaces cobra's English help command.
func newCmdHelp(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: f.Tr.T("root.help_short"),
		RunE: func(c *cobra.Command, args []string) error {
			target, _, err := c.Root().Find(args)
			if err != nil || target == nil || (len(args) > 0 && target == c.Root()) {
				return &cmdutil.UsageError{
					Msg: f.Tr.T("root.unknown_help_topic", "name", strings.Join(args, " ")),
				}
			}
			return target.Help()
		},
	}
}

// helpTopics are pages with no command behind them: `netlearn help NAME`.
func helpTopics(f *cmdutil.Factory) []*cobra.Command {
	topic := func(name string) *cobra.Command {
		return &cobra.Command{
			Use:   name,
			Short: f.Tr.T("topic." + name + ".short"),
			Long:  f.Tr.T("topic." + name + ".long"),
		}
	}
	return []*cobra.Command{topic("exit-codes"), topic("environment")}
}

// flagError translates pflag's English parse errors into a usage error.
func flagError(f *cmdutil.Factory, c *cobra.Command, err error) error {
	tr := f.Tr
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	msg := tr.T("root.flag_error", "err", err)
	switch {
	case errors.As(err, &notExist):
		msg = tr.T("root.flag_unknown", "flag", cmdutil.ShowArg(dashed(notExist.GetSpecifiedName())))
	case errors.As(err, &needsValue):
		msg = tr.T("root.flag_needs_value", "flag", "--"+needsValue.GetFlag().Name)
	case errors.As(err, &invalid):
		msg = tr.T("root.flag_invalid", "flag", "--"+invalid.GetFlag().Name, "value", cmdutil.ShowArg(invalid.GetValue()))
	case errors.As(err, &syntax):
		msg = tr.T("root.flag_syntax", "flag", cmdutil.ShowArg(syntax.GetSpecifiedFlag()))
	}
	return &cmdutil.UsageError{Msg: msg}
}

func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// usageTemplate is cobra's usage layout with translated headings.
func usageTemplate(f *cmdutil.Factory) string {
	tr := f.Tr
	return fmt.Sprintf(`%s{{if .Runnable}}
  {{.UseLine | localizeUseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} %s{{end}}{{if gt (len .Aliases) 0}}

%s
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

%s
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

%s{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

%s
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | localizeDefaults | localizeTypes}}{{end}}{{if .HasAvailableInheritedFlags}}

%s
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | localizeDefaults | localizeTypes}}{{end}}{{if .HasHelpSubCommands}}

%s{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

%s{{end}}
`,
		tr.T("usage.usage"), tr.T("usage.command_word"), tr.T("usage.aliases"), tr.T("usage.examples"),
		tr.T("usage.commands"), tr.T("usage.flags"), tr.T("usage.global_flags"),
		tr.T("usage.topics"), tr.T("usage.more"))
}

// flagDefaultRE matches the "(default X)" pflag appends to a flag's usage.
// The English message keeps the space before it; Chinese needs none before （.
var flagDefaultRE = regexp.MustCompile(`(?m) \(default (.+)\)$`)

// flagTypeRE matches a flag's value type as pflag writes it ("--count int"),
// with the spaces that line its description up.
var flagTypeRE = regexp.MustCompile(`(?m)^( +(?:-\S, )?--\S+) (int|uint|string|stringArray|duration|uint16|float64)( +)`)

// localizeTypes names the flags' value types in the run's language, and
// keeps the descriptions in their column by taking the difference in width
// out of the spaces after the type.
func localizeTypes(tr *i18n.Catalog, usages string) string {
	return flagTypeRE.ReplaceAllStringFunc(usages, func(m string) string {
		g := flagTypeRE.FindStringSubmatch(m)
		name := tr.T("usage.type_" + g[2])
		pad := len(g[2]) + len(g[3]) - runewidth.StringWidth(name)
		return g[1] + " " + name + strings.Repeat(" ", max(pad, 1))
	})
}

// registerTemplateFuncs adds the usage template's helpers. cobra keeps
// template functions globally; netlearn builds one tree per process.
func registerTemplateFuncs(f *cmdutil.Factory) {
	// A Use line may carry [flags] in the middle ("ping [flags] HOST").
	words := strings.NewReplacer("[flags]", f.Tr.T("usage.flags_word"), "[command]", f.Tr.T("usage.command_word"))
	cobra.AddTemplateFunc("localizeUseLine", words.Replace)
	cobra.AddTemplateFunc("localizeTypes", func(usages string) string { return localizeTypes(f.Tr, usages) })
	// The translated message carries ${1}, which the regexp fills with X.
	localizedDefault := f.Tr.T("usage.flag_default", "value", "${1}")
	cobra.AddTemplateFunc("localizeDefaults", func(usages string) string {
		return flagDefaultRE.ReplaceAllString(usages, localizedDefault)
	})
}
