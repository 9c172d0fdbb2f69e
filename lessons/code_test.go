package lessons

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The program of lesson 1.6 is a whole server: Python can compile it
// as printed, in both languages.
func TestCodeOfALessonIsAProgram(t *testing.T) {
	lib, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs {
		l, ok := lib.Lesson("1.6", lang)
		if !ok {
			t.Fatalf("no lesson 1.6 in %s", lang)
		}
		code := l.Code()
		if !strings.Contains(code, ".accept()") || strings.Contains(code, "bind(HOST, PORT)") || strings.Contains(code, "─") || strings.Contains(code, "```") {
			t.Fatalf("%s: the code holds the wrong blocks:\n%s", lang, code)
		}
		python, err := exec.LookPath("python3")
		if err != nil {
			t.Skip("python3 is not installed: cannot compile the code")
		}
		file := filepath.Join(t.TempDir(), "server.py")
		if err := os.WriteFile(file, []byte(code), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(python, "-m", "py_compile", file).CombinedOutput(); err != nil {
			t.Fatalf("%s: python cannot compile the code: %v\n%s", lang, err, out)
		}
	}
}
