package cmd

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestChineseHelpIsChineseThroughout: every usage line says [选项], never
// [flags], flag value types are named in Chinese, and the flag
// descriptions still start in one column.
func TestChineseHelpIsChineseThroughout(t *testing.T) {
	for _, args := range [][]string{{"ping", "--help"}, {"demo", "client", "--help"}, {"demo", "server", "--help"}, {"--help"},
		{"quiz", "--help"}, {"learn", "--help"}, {"ip", "--help"}, {"port", "--help"}, {"progress", "--help"},
		{"exercise", "check", "--help"}, {"exercise", "start", "--help"}, {"exercise", "show", "--help"}, {"completion", "--help"}} {
		code, out, _ := run(t, map[string]string{"NETLEARN_LANG": "zh"}, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d", args, code)
		}
		if strings.Contains(out, "[flags]") || strings.Contains(out, "[command]") {
			t.Errorf("%q: English usage words:\n%s", args, out)
		}
		flagLine := regexp.MustCompile(`^ +(-\S, )?--\S+`)
		// Any lower-case word right after the flag is a type pflag wrote.
		typeWord := regexp.MustCompile(`^ +(-\S, )?--\S+ [a-z][A-Za-z0-9]* `)
		column := -1
		for _, line := range strings.Split(out, "\n") {
			if line == "" {
				column = -1 // a new block of flags has its own column
			}
			if !flagLine.MatchString(line) {
				continue
			}
			if typeWord.MatchString(line) {
				t.Errorf("%q: untranslated type in %q", args, line)
			}
			// The description starts after the first run of two spaces
			// that follows the flag's name.
			gap := regexp.MustCompile(`^ *\S.*?  +`).FindString(line)
			at := runewidth.StringWidth(gap)
			if column >= 0 && at != column {
				t.Errorf("%q: %q starts its description at column %d, not %d", args, line, at, column)
			}
			column = at
		}
	}
	_, out, _ := run(t, map[string]string{"NETLEARN_LANG": "zh"}, "ping", "--help")
	for _, want := range []string{"netlearn ping [选项] HOST", "-c, --count 整数", "--interval 文本"} {
		if !strings.Contains(out, want) {
			t.Errorf("ping --help lacks %q", want)
		}
	}
}
