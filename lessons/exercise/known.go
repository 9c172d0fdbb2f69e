package exercise

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Known is an error netlearn recognised in the program's output, with the
// place in the learner's file where it happened when the traceback says.
type Known struct {
	// Key names the explanation: "exercise.known.<key>" (what it means)
	// and "exercise.known.<key>.fix" (what to do) in the catalogue.
	Key    string `json:"key"`
	Lesson string `json:"lesson"`
	// Error is the error line as the program printed it.
	Error string `json:"error"`
	// File, Line and Code are the last frame of the traceback in the
	// learner's file; empty when there is none.
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Code string `json:"code,omitempty"`
}

// knownError is one recognisable error. Patterns are tried in order, so a
// specific one (the notes' `if x = 'exit'`) comes before the general one
// (any SyntaxError).
type knownError struct {
	key     string
	lesson  string
	pattern *regexp.Regexp
}

var knownErrors = []knownError{
	{"bind-tuple", "1.6", regexp.MustCompile(`TypeError: .*(bind\(\)|takes exactly one argument|address must be tuple)`)},
	{"if-assign", "1.7", regexp.MustCompile(`Maybe you meant '==' or ':='|(?m)^\s+(?:if|elif|while) [^=\n]*[^=!<>\n]=[^=\n][^\n]*\n[ \t^~]*\nSyntaxError`)},
	{"indent", "1.6.1", regexp.MustCompile(`IndentationError|TabError`)},
	{"syntax", "1.6.1", regexp.MustCompile(`SyntaxError`)},
	{"name-send-client", "1.7", regexp.MustCompile(`NameError: name 'send_client' is not defined`)},
	{"name", "1.6.1", regexp.MustCompile(`NameError`)},
	{"utf8-split", "1.6.1", regexp.MustCompile(`UnicodeDecodeError|invalid continuation byte|unexpected end of data`)},
	{"refused", "1.7", regexp.MustCompile(`ConnectionRefusedError|WinError 10061|Errno 111\]|Errno 61\]|connection refused|积极拒绝`)},
	{"addr-in-use", "1.6.1", regexp.MustCompile(`Address already in use|address already in use|Errno 98\]|Errno 48\]|WinError 10048|只允许使用一次`)},
	{"reset", "1.6.1", regexp.MustCompile(`ConnectionResetError|WinError 10054|Errno 104\]|Errno 54\]|connection reset by peer|强迫关闭`)},
	{"broken-pipe", "1.6.1", regexp.MustCompile(`BrokenPipeError|Errno 32\]|broken pipe`)},
	{"permission", "1.2.4", regexp.MustCompile(`PermissionError|Errno 13\]|WinError 10013|bind: permission denied`)},
	{"timeout", "1.7", regexp.MustCompile(`TimeoutError|socket\.timeout|timed out|i/o timeout`)},
	{"eof", "1.7.1", regexp.MustCompile(`EOFError`)},
}

// Recognize looks for a known error in what the program wrote to stderr.
// file is the learner's file, whose frames are preferred to the library's.
// A KeyboardInterrupt from netlearn's own interrupt is not an error.
func Recognize(stderr []byte, file string) *Known {
	text := strings.ReplaceAll(string(stderr), "\r\n", "\n")
	for _, k := range knownErrors {
		loc := k.pattern.FindStringIndex(text)
		if loc == nil {
			continue
		}
		known := &Known{Key: k.key, Lesson: k.lesson, Error: lineAt(text, loc[0])}
		known.File, known.Line, known.Code = lastFrame(text[:loc[1]], file)
		return known
	}
	return nil
}

// lineAt returns the whole line around position i.
func lineAt(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return strings.TrimSpace(text[start:])
	}
	return strings.TrimSpace(text[start : i+end])
}

var (
	pyFrame = regexp.MustCompile(`(?m)^\s*File "([^"]+)", line (\d+)(?:, in .*)?\n(?:\s{4,}(.*)\n)?`)
	goFrame = regexp.MustCompile(`(?m)^\s+(\S+\.go):(\d+)`)
)

// lastFrame finds the last traceback frame before the error, preferring
// frames in the learner's own file (Python's or Go's traceback).
func lastFrame(text, file string) (string, int, string) {
	var best []string
	for _, m := range pyFrame.FindAllStringSubmatch(text, -1) {
		if best == nil || sameFile(m[1], file) || !sameFile(best[1], file) {
			best = m
		}
	}
	if best == nil {
		for _, m := range goFrame.FindAllStringSubmatch(text, -1) {
			if sameFile(m[1], file) {
				best = append(m, "")
				break // Go prints the innermost frame first
			}
		}
	}
	if best == nil {
		return "", 0, ""
	}
	line, _ := strconv.Atoi(best[2])
	return filepath.Base(best[1]), line, strings.TrimSpace(best[3])
}

func sameFile(a, b string) bool {
	return b != "" && filepath.Base(a) == filepath.Base(b)
}

// withoutOwnInterrupt removes the KeyboardInterrupt traceback that
// netlearn's own interrupt (see run.Proc.Stop) makes Python print last:
// it says nothing about the learner's program.
// When the interrupt arrives while Python shuts down, the traceback ends
// "KeyboardInterrupt: " and follows an "Exception ignored in: ..." line.
func withoutOwnInterrupt(stderr []byte) []byte {
	text := strings.TrimRight(string(stderr), "\r\n :")
	if !strings.HasSuffix(text, "KeyboardInterrupt") {
		return stderr
	}
	i := strings.LastIndex(text, "Traceback (most recent call last):")
	if i < 0 {
		return stderr
	}
	text = text[:i]
	if j := strings.LastIndex(text, "Exception ignored in:"); j >= 0 && !strings.Contains(strings.TrimRight(text[j:], "\r\n"), "\n") {
		text = text[:j]
	}
	return []byte(text)
}
