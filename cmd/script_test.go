package cmd_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/netlearn/netlearn/cmd"
	"github.com/netlearn/netlearn/netinfo/netns"
)

func TestMain(m *testing.M) {
	// A test that checks an exercise re-runs this binary inside a private
	// network namespace (netns.Command keeps the test binary's argv0).
	if netns.Inside() {
		os.Exit(cmd.Main())
	}
	testscript.Main(m, map[string]func(){
		"netlearn": func() { os.Exit(cmd.Main()) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script. Set
// UPDATE_SCRIPTS=1 to rewrite their golden files from real output.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams(t))
}

func scriptParams(t *testing.T) testscript.Params {
	return testscript.Params{
		Dir:                 "../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			// Scripts start from a known language and no forced colour,
			// whatever the developer's shell has set.
			env.Setenv("NETLEARN_LANG", "en")
			// Progress goes to $CONFIG, never the developer's folder:
			// os.UserConfigDir reads XDG_CONFIG_HOME on Linux, APPDATA on
			// Windows and HOME on macOS.
			home := filepath.Join(env.WorkDir, "home")
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("APPDATA", filepath.Join(home, ".config"))
			env.Setenv("CONFIG", filepath.Join(home, ".config", "netlearn"))
			if runtime.GOOS == "darwin" {
				env.Setenv("CONFIG", filepath.Join(home, "Library", "Application Support", "netlearn"))
			}
			env.Setenv("NO_COLOR", "")
			env.Setenv("CLICOLOR_FORCE", "")
			env.Setenv("NETLEARN_FORCE_TTY", "")
			// The learner programs of the exercise scripts.
			exercises, err := filepath.Abs("../testdata/exercise")
			if err != nil {
				return err
			}
			env.Setenv("EXERCISES", exercises)
			return nil
		},
		Cmds:      scriptCommands(),
		Condition: scriptCondition,
	}
}
