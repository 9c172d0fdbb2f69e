// Package version implements `netlearn version`.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/netlearn/netlearn/cmd/cmdutil"
)

// Version is set at release time with -ldflags "-X .../version.Version=v1.2.3".
var Version = ""

// NewCmdVersion returns the version command.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: f.Tr.T("version.short"),
		Args:  cmdutil.NoArgs(f),
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprint(f.IO.Out, Line())
			return err
		},
	}
}

// Line is what `netlearn version` and `netlearn --version` print.
func Line() string {
	return fmt.Sprintf("netlearn %s (%s %s/%s)\n", current(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// AddFlag gives root a translated --version flag that prints Line, as
// `version` does.
func AddFlag(root *cobra.Command, f *cmdutil.Factory) {
	// cobra only prints its version template when Version is set, and it
	// adds no flag of its own when one named "version" exists.
	root.Version = current()
	root.SetVersionTemplate(Line()) // a fixed text: it holds no {{ }}
	root.Flags().Bool("version", false, f.Tr.T("version.flag"))
}

// current prefers the release version, then the module version `go install`
// records, then the VCS revision of a local build.
func current() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}
