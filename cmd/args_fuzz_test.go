package cmd

import (
	"strings"
	"testing"
	"unicode"
)

// fuzzOneArgument runs `netlearn COMMAND --json ARG` in both languages on
// whatever ARG the fuzzer makes up. The command answers (exit 0) or refuses
// the argument with exactly one clean line on stderr and nothing on stdout
// (exit 2); it never panics, never exits otherwise, and never lets a
// control character from the argument reach the terminal.
func fuzzOneArgument(f *testing.F, command string, seeds []string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		for _, lang := range []string{"en", "zh"} {
			code, out, errOut := run(t, map[string]string{"NETLEARN_LANG": lang}, command, "--json", arg)
			switch code {
			case 0:
			case 2:
				line, rest, _ := strings.Cut(errOut, "\n")
				if rest != "" || out != "" || strings.ContainsFunc(line, unicode.IsControl) {
					t.Fatalf("%s %s %q: stdout %q, stderr %q: want one clean line on stderr", lang, command, arg, out, errOut)
				}
			default:
				t.Fatalf("%s %s %q: exit %d, stderr %q", lang, command, arg, code, errOut)
			}
		}
	})
}

// FuzzPortArg: `netlearn port` on any argument. It reads this machine's
// services file and socket tables only.
func FuzzPortArg(f *testing.F) {
	fuzzOneArgument(f, "port", []string{"80", "http", "8000-8002", "-1", "--", "-80x", "0x50", "", "9000-8000",
		"65536", "８０", "a\nb", "\x1b[31m", "--list", "-h", "1-", "-\x18"})
}

// FuzzIPArg: `netlearn ip` on any argument, against this machine's real
// interfaces (read only; nothing is sent).
func FuzzIPArg(f *testing.F) {
	fuzzOneArgument(f, "ip", []string{"lo", "127.0.0.1", "10.0.0.1/8", "999.1.1.1", "::ffff:10.0.0.1/200", "", " ",
		"fe80::1%lo/64", "nosuch0", "a\nb", "\x1b[31m", "--brief", "-1", "1.2.3.4/", "以太网", "-\x800"})
}
