package exercise

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/netinfo/netns"
)

// Every text the checks can name exists in both languages: the keys built
// from exercise names, check ids, hints, known errors and refusals.
func TestEveryExerciseTextIsTranslated(t *testing.T) {
	keys := []string{"exercise.contract_server", "exercise.contract_client", "exercise.where_namespace", "exercise.where_host"}
	for _, ex := range exercise.All() {
		keys = append(keys, "exercise.title."+ex.Name, "exercise.task."+ex.Name, "exercise.hints."+ex.Name)
		for _, c := range ex.Checks {
			keys = append(keys, "exercise.checkdesc."+ex.Name+"."+c.ID)
		}
	}
	for _, k := range exercise.KnownKeys() {
		keys = append(keys, "exercise.known."+k, "exercise.known."+k+".fix")
	}
	for _, r := range netns.AllReasons() {
		keys = append(keys, "exercise.note.no_netns."+string(r))
	}
	for _, n := range []string{"connected", "accepted", "closed-fin", "closed-rst", "netlearn-rst", "netlearn-fin"} {
		keys = append(keys, "exercise.transcript."+n)
	}
	for _, s := range []string{"new", "failed", "passed"} {
		keys = append(keys, "exercise.status_"+s)
	}
	for _, k := range []string{"missing", "directory", "not-executable"} {
		keys = append(keys, "exercise.file_"+k)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, k := range keys {
			if !i18n.For(lang).Has(k) {
				t.Errorf("%s: no text for %s", lang, k)
			}
		}
	}
}

// The keys written in the checks' source (messages and hints) exist too.
func TestEveryKeyInTheChecksIsTranslated(t *testing.T) {
	files, _ := filepath.Glob("../../lessons/exercise/*.go")
	key := regexp.MustCompile(`\b(T|hint)\("([a-z0-9_.-]+)"`)
	found := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			k := m[2]
			if strings.HasSuffix(k, ".") {
				continue // a prefix, completed at run time (see the test above)
			}
			if m[1] == "hint" {
				k = "exercise.hint." + k
			}
			found++
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				if !i18n.For(lang).Has(k) {
					t.Errorf("%s: no text for %s (%s)", lang, k, filepath.Base(file))
				}
			}
		}
	}
	if found < 100 {
		t.Fatalf("found only %d keys: the pattern no longer matches the source", found)
	}
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// A failure on a terminal: the first ✗ is marked, the bytes are escaped,
// the recognised error is explained once, dependants show as skipped.
func TestTerminalViewOfAFailure(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.EN, []string{"✓ starts", "✗ utf8", "← start here", `→ \xe4`, "broken.py line 12: data = conn.recv(1024)", "what it means:", "the same error as above.", "- peer-close  skipped: needs utf8", "netlearn learn 1.6.1"}},
		{i18n.ZH, []string{"✗ utf8", "← 从这里看起", "含义：", "同上面的错误。", "跳过：依赖 utf8"}},
	} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(false, true, false)
		ios.SetTerminalWidth(100)
		f := cmdutil.NewFactory(ios, tc.lang)
		ex, _ := exercise.Lookup("server")
		v := newView(&CheckOptions{F: f}, ex)
		known := &exercise.Known{Key: "utf8-split", Lesson: "1.6.1", Error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4", File: "broken.py", Line: 12, Code: "data = conn.recv(1024)"}
		results := []exercise.Result{
			{ID: "starts", Status: exercise.Pass, Message: exercise.T("exercise.msg.listening", "addr", "127.0.0.1", "port", 8888, "pid", 7)},
			{ID: "utf8", Status: exercise.Fail, Did: exercise.T("exercise.did.send_slowly", "msg", "你好"), Message: exercise.T("exercise.msg.exited", "code", 1),
				Known: known, Lesson: "1.6.1", Transcript: []exercise.Exchange{{Dir: exercise.ToProgram, Bytes: []byte{0xe4}}}},
			{ID: "exit", Status: exercise.Fail, Message: exercise.T("exercise.msg.exited", "code", 1), Known: known, Lesson: "1.6.1"},
			{ID: "peer-close", Status: exercise.Skip, Message: exercise.T("exercise.msg.skipped", "check", "utf8")},
		}
		for i := range results {
			v.event(exercise.Event{Result: &results[i]})
		}
		if err := v.end(exercise.Report{Exercise: "server", Checks: results, Where: "namespace"}); err != nil {
			t.Fatal(err)
		}
		text := ansi.ReplaceAllString(out.String(), "")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the view lacks %q:\n%s", tc.lang, w, text)
			}
		}
	}
}

// A check's own line wraps at the terminal's edge between words and goes
// on under the message; at 100 columns the busy-loop failure with its
// "← start here" used to be cut mid-word by the terminal.
func TestCheckLineWrapsAtTheEdge(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(false, true, false)
		ios.SetTerminalWidth(100)
		f := cmdutil.NewFactory(ios, lang)
		ex, _ := exercise.Lookup("server")
		v := newView(&CheckOptions{F: f}, ex)
		long := exercise.T("exercise.msg.busy_loop", "cpu", 1000, "window", 1000)
		v.event(exercise.Event{Result: &exercise.Result{ID: "peer-close", Status: exercise.Fail, Message: long, Hint: &long, Lesson: "1.6.1"}})
		v.event(exercise.Event{Result: &exercise.Result{ID: "exit", Status: exercise.Pass, Message: long}})
		text := ansi.ReplaceAllString(out.String(), "")
		for _, line := range strings.Split(text, "\n") {
			if w := runewidth.StringWidth(line); w > 100 {
				t.Errorf("%s: a line of %d columns:\n%s", lang, w, text)
			}
		}
		if strings.Contains(text, "←\n") {
			t.Errorf("%s: the marker is cut:\n%s", lang, text)
		}
		if lang == i18n.EN && !strings.Contains(text, "\n              ") { // zh fits in 100 columns
			t.Errorf("%s: the message does not go on under itself:\n%s", lang, text)
		}
	}
}

// In the JSON a transcript note counts no bytes: its Bytes hold only the
// address it names.
func TestJSONNoteCountsNoBytes(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, i18n.EN)
	doc := jsonReport(f, exercise.Report{Exercise: "server", Checks: []exercise.Result{{ID: "accepts", Status: exercise.Pass,
		Transcript: []exercise.Exchange{{Dir: exercise.Note, Note: "connected", Bytes: []byte("127.0.0.1:5000")}, {Dir: exercise.ToProgram, Bytes: []byte("hello")}}}}})
	tr := doc.Checks[0].Transcript
	if tr[0].Bytes != 0 || !strings.Contains(tr[0].Text, "127.0.0.1:5000") || tr[1].Bytes != 5 {
		t.Fatalf("transcript %+v", tr)
	}
}

// Piped, a recognised error is one record: its meaning and its fix, with
// no space after Chinese full-width punctuation.
func TestErrorRecordJoinsSentences(t *testing.T) {
	for _, tc := range []struct {
		lang      i18n.Lang
		want, not string
	}{
		{i18n.EN, "fails. Decode with", "fails.Decode"},
		{i18n.ZH, "会失败。用 codecs", "。 用"},
	} {
		ios, _, out, _ := iostreams.Test()
		f := cmdutil.NewFactory(ios, tc.lang)
		ex, _ := exercise.Lookup("server")
		v := newView(&CheckOptions{F: f}, ex)
		known := &exercise.Known{Key: "utf8-split", Lesson: "1.6.1", Line: 12}
		v.event(exercise.Event{Result: &exercise.Result{ID: "utf8", Status: exercise.Fail, Message: exercise.T("exercise.msg.exited", "code", 1), Known: known}})
		if err := v.end(exercise.Report{Exercise: "server"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.want) || strings.Contains(out.String(), tc.not) {
			t.Errorf("%s: want %q and no %q in\n%s", tc.lang, tc.want, tc.not, out.String())
		}
	}
}

// The list of exercises in a usage error uses the language's separator.
func TestUnknownExerciseListsNamesInTheLanguage(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.EN: "client, server, server-loop", i18n.ZH: "client，server，server-loop"} {
		ios, _, _, _ := iostreams.Test()
		if msg := unknownExercise(cmdutil.NewFactory(ios, lang), "nosuch").Error(); !strings.Contains(msg, want) {
			t.Errorf("%s: %q lacks %q", lang, msg, want)
		}
	}
}
