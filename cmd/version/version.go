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
			_, err := fmt.Fprintf(f.IO.Out, "netlearn %s (%s %s/%s)\n",
				current(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
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
