package exercise

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Launch says how to start the learner's program.
type Launch struct {
	// Argv starts the program; the port argument is added after it.
	Argv []string `json:"argv"`
	// File is the learner's source file, whose traceback frames matter;
	// empty for a command given after --.
	File string `json:"file,omitempty"`
	// GoSource is set for a .go file: it is built first (see Build).
	GoSource string `json:"go_source,omitempty"`
}

// Errors of Resolve and Build.
var (
	ErrNoPython    = errors.New("exercise: no Python 3 found")
	ErrStorePython = errors.New("exercise: python is the Microsoft Store alias, not a real Python")
	ErrNoGo        = errors.New("exercise: the go command is not installed")
)

// FileError is a FILE argument that cannot be run.
type FileError struct {
	Path string
	// Kind is "missing", "directory" or "not-executable".
	Kind string
}

func (e *FileError) Error() string { return fmt.Sprintf("exercise: %s: %s", e.Path, e.Kind) }

// Resolve decides how to run file, or command when file is empty: a .py
// file with Python 3, a .go file with the go tool, anything else as it is.
func Resolve(file string, command []string) (Launch, error) {
	if file == "" {
		if len(command) == 0 {
			return Launch{}, &FileError{Kind: "missing"}
		}
		return Launch{Argv: command}, nil
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return Launch{}, &FileError{Path: file, Kind: "missing"}
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err != nil:
		return Launch{}, &FileError{Path: file, Kind: "missing"}
	case st.IsDir():
		return Launch{}, &FileError{Path: file, Kind: "directory"}
	}
	switch strings.ToLower(filepath.Ext(abs)) {
	case ".py":
		py, err := findPython()
		if err != nil {
			return Launch{}, err
		}
		return Launch{Argv: append(py, abs), File: abs}, nil
	case ".go":
		if _, err := exec.LookPath("go"); err != nil {
			return Launch{}, ErrNoGo
		}
		return Launch{File: abs, GoSource: abs}, nil
	}
	if runtime.GOOS != "windows" && st.Mode()&0o111 == 0 {
		return Launch{}, &FileError{Path: file, Kind: "not-executable"}
	}
	return Launch{Argv: []string{abs}, File: abs}, nil
}

// findPython finds Python 3: python3 on Linux and macOS; on Windows the
// py launcher first, then python, which may be the Microsoft Store's stub.
func findPython() ([]string, error) {
	if runtime.GOOS != "windows" {
		if p, err := exec.LookPath("python3"); err == nil {
			return []string{p}, nil
		}
		return nil, ErrNoPython
	}
	if p, err := exec.LookPath("py"); err == nil {
		return []string{p, "-3"}, nil
	}
	p, err := exec.LookPath("python")
	if err != nil {
		return nil, ErrNoPython
	}
	if isStoreStub(p) {
		return nil, ErrStorePython
	}
	return []string{p}, nil
}

// isStoreStub recognises the Microsoft Store alias: it answers any
// command with "Python was not found" and exit code 9009.
func isStoreStub(python string) bool {
	out, err := exec.Command(python, "--version").CombinedOutput()
	var exit *exec.ExitError
	return (errors.As(err, &exit) && exit.ExitCode() == 9009) || strings.Contains(string(out), "Python was not found")
}

// Build compiles a Go program into dir and returns how to start it. The
// binary runs directly, so the limits apply to the program and not to the
// compiler, and the compile time is not counted against "starts".
func (l Launch) Build(ctx context.Context, dir string) (Launch, []byte, error) {
	if l.GoSource == "" {
		return l, nil, nil
	}
	bin := filepath.Join(dir, "program")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, filepath.Base(l.GoSource))
	cmd.Dir = filepath.Dir(l.GoSource)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return l, out, err
	}
	return Launch{Argv: []string{bin}, File: l.File}, nil, nil
}
