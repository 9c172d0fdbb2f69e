package cmd

import (
	"context"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/iostreams"
)

func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code = Run(context.Background(), args, ios, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		args    []string
		code    int
		errHas  string
		outHas  string
		comment string
	}{
		{[]string{"version"}, 0, "", "netlearn ", "version works"},
		{[]string{"--version"}, 0, "", "netlearn ", "--version works too"},
		{[]string{"--lang", "zh", "--version"}, 0, "", "netlearn ", "--version after another flag"},
		{[]string{"--help"}, 0, "", "Usage:", "help works"},
		{[]string{"help", "exit-codes"}, 0, "", "130", "help topic"},
		{[]string{"nosuchcmd"}, 2, `no command "nosuchcmd"`, "", "unknown command"},
		{[]string{"versoin"}, 2, "Did you mean: version?", "", "suggestion"},
		{[]string{"version", "--bogus"}, 2, "unknown flag --bogus", "", "unknown flag"},
		{[]string{"version", "extra"}, 2, `takes no arguments, but got "extra"`, "", "stray argument"},
		{[]string{"--lang", "fr", "version"}, 2, "use zh or en", "", "bad language"},
		{[]string{"--lang"}, 2, "--lang needs a value", "", "missing value"},
		{[]string{"help", "nope"}, 2, `no command or help topic "nope"`, "", "unknown help topic"},
		{[]string{"completion", "tcsh"}, 2, "bash, zsh, fish, powershell", "", "bad shell"},
		{[]string{"completion", "bash"}, 0, "", "bash completion", "bash script"},
	}
	for _, c := range cases {
		code, out, errOut := run(t, nil, c.args...)
		if code != c.code {
			t.Errorf("%s: %v exit %d, want %d (stderr %q)", c.comment, c.args, code, c.code, errOut)
		}
		if !strings.Contains(errOut, c.errHas) || !strings.Contains(out, c.outHas) {
			t.Errorf("%s: %v\nstdout %q\nstderr %q", c.comment, c.args, out, errOut)
		}
		if strings.Contains(errOut, "goroutine ") {
			t.Errorf("%s: stack trace on stderr", c.comment)
		}
	}
}

func TestUsageErrorsAreOneTranslatedLine(t *testing.T) {
	code, _, errOut := run(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "version", "--bogus")
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	want := "错误：未知选项 --bogus（请看 'netlearn version --help'）\n"
	if errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestHelpIsTranslated(t *testing.T) {
	_, out, _ := run(t, nil, "--lang=zh", "--help")
	for _, want := range []string{"用法：", "命令：", "选项：", "显示 netlearn 的帮助"} {
		if !strings.Contains(out, want) {
			t.Errorf("zh help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Flags:") {
		t.Errorf("zh help still has English headings:\n%s", out)
	}
}

func TestPipedOutputHasNoEscapes(t *testing.T) {
	_, out, errOut := run(t, nil, "--help")
	if strings.ContainsRune(out+errOut, '\x1b') {
		t.Errorf("escape bytes in piped output")
	}
}

func TestPreParseReadsThePersistentFlagsAnywhere(t *testing.T) {
	cases := []struct {
		args    []string
		want    persistent
		comment string
	}{
		{[]string{"--lang", "zh", "port"}, persistent{lang: "zh", langSet: true}, "before the command"},
		{[]string{"port", "--lang=en"}, persistent{lang: "en", langSet: true}, "after it"},
		{[]string{"port", "--", "--lang", "zh"}, persistent{}, "after --"},
		{[]string{"ping", "-c", "3", "--count=2", "--lang", "zh", "-4", "h"}, persistent{lang: "zh", langSet: true}, "among other flags"},
		{[]string{"--no-color=1", "ip"}, persistent{noColor: true}, "--no-color=1"},
		{[]string{"ip", "--no-color"}, persistent{noColor: true}, "--no-color"},
		{[]string{"--no-color=false", "ip"}, persistent{}, "--no-color=false"},
		{[]string{"--lang", "", "ip"}, persistent{langSet: true}, "an empty --lang"},
	}
	for _, c := range cases {
		if got := preParse(c.args); got != c.want {
			t.Errorf("%s: preParse(%q) = %+v, want %+v", c.comment, c.args, got, c.want)
		}
	}
}

func TestEmptyLangIsAUsageError(t *testing.T) {
	for _, args := range [][]string{{"--lang", "", "version"}, {"--lang=", "version"}} {
		code, out, errOut := run(t, nil, args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "--lang '' is not a language") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestFlagDefaultsAreTranslated(t *testing.T) {
	_, out, _ := run(t, nil, "--lang", "zh", "ping", "--help")
	if !strings.Contains(out, "（默认 4）") || strings.Contains(out, "(default ") {
		t.Errorf("zh ping help should say （默认 4） and no English default:\n%s", out)
	}
	_, out, _ = run(t, nil, "ping", "--help")
	if !strings.Contains(out, "(default 4)") {
		t.Errorf("en ping help lost its default:\n%s", out)
	}
}

func TestUsageLineWordsAreTranslated(t *testing.T) {
	_, out, _ := run(t, nil, "--lang", "zh", "--help")
	for _, want := range []string{"netlearn [选项]", "netlearn [命令]", "[命令] --help"} {
		if !strings.Contains(out, want) {
			t.Errorf("zh help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[flags]") || strings.Contains(out, "[command]") {
		t.Errorf("zh help keeps cobra's English words:\n%s", out)
	}
}
