package version_test

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testVersion is what the test publishes this source tree as: new in each
// run, because the go command takes whatever is in its module cache under
// a version to be that version for ever (it even indexes it).
var testVersion = fmt.Sprintf("v0.0.99-installtest.%d", time.Now().UnixNano())

const modulePath = "github.com/netlearn/netlearn"

// TestVersionAfterGoInstallAtAVersion does what a learner does, `go install
// github.com/netlearn/netlearn/cmd/netlearn@VERSION`, from a module proxy
// of files holding this source tree, and checks that both `netlearn version`
// and `netlearn --version` name that version (from the build info), not
// "devel".
func TestVersionAfterGoInstallAtAVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds netlearn with go install (several seconds); not under -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	modCache := strings.TrimSpace(run(t, goTool, "env", "GOMODCACHE"))
	t.Cleanup(func() { forgetTestVersion(t, modCache) })

	proxy := t.TempDir()
	publish(t, proxy, moduleRoot(t, goTool))
	bin := t.TempDir()
	install := exec.Command(goTool, "install", modulePath+"/cmd/netlearn@"+testVersion)
	install.Dir = t.TempDir() // outside any module
	install.Env = append(os.Environ(), "GOBIN="+bin, "GOPROXY=file://"+filepath.ToSlash(proxy),
		"GOSUMDB=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	netlearn := filepath.Join(bin, "netlearn")
	for _, args := range [][]string{{"version"}, {"--version"}} {
		got := run(t, netlearn, args...)
		if !strings.HasPrefix(got, "netlearn "+testVersion+" (go") {
			t.Errorf("netlearn %s = %q, want it to name %s", args[0], got, testVersion)
		}
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "NETLEARN_LANG=en")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %q: %v", name, args, err)
	}
	return string(out)
}

func moduleRoot(t *testing.T, goTool string) string {
	t.Helper()
	return filepath.Dir(strings.TrimSpace(run(t, goTool, "env", "GOMOD")))
}

// publish lays out a GOPROXY directory holding the module at testVersion:
// list, .info, .mod and a zip of every file (no dot folders, as git ls-files
// would give on a clean clone).
func publish(t *testing.T, proxy, root string) {
	t.Helper()
	dir := filepath.Join(proxy, modulePath, "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"list":                testVersion + "\n",
		testVersion + ".info": `{"Version":"` + testVersion + `","Time":"2026-12-01T00:00:00Z"}`,
		testVersion + ".mod":  string(gomod),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(dir, testVersion+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		w, err := z.Create(modulePath + "@" + testVersion + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

// forgetTestVersion removes testVersion from the module cache (whose files
// are read-only): it must not pile up there, run after run.
func forgetTestVersion(t *testing.T, modCache string) {
	t.Helper()
	paths := []string{filepath.Join(modCache, modulePath+"@"+testVersion)}
	more, _ := filepath.Glob(filepath.Join(modCache, "cache", "download", modulePath, "@v", testVersion+".*"))
	for _, p := range append(paths, more...) {
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				_ = os.Chmod(path, 0o755)
			}
			return nil
		})
		if err := os.RemoveAll(p); err != nil {
			t.Errorf("could not remove %s from the module cache: %v", p, err)
		}
	}
}
