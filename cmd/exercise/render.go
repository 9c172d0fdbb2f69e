package exercise

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/netlearn/netlearn/cmd/cmdutil"
	"github.com/netlearn/netlearn/cmd/output"
	"github.com/netlearn/netlearn/lessons/exercise"
	"github.com/netlearn/netlearn/sockdemo"
)

// view shows the events of one check run as they come, in the run's look,
// and the summary (or, with --json, the one document) at the end.
type view struct {
	f         *cmdutil.Factory
	opts      *CheckOptions
	ex        *exercise.Exercise
	l         *output.Layer
	s         *output.Stream
	failShown bool
	// shownKnown remembers errors explained already: a crash fails every
	// check after it, and is explained once.
	shownKnown map[exercise.Known]bool
}

func newView(opts *CheckOptions, ex *exercise.Exercise) *view {
	l := opts.F.IO.Output().WithJSON(opts.JSON)
	return &view{f: opts.F, opts: opts, ex: ex, l: l, s: l.Stream(), shownKnown: map[exercise.Known]bool{}}
}

func (v *view) tr(t exercise.Text) string { return v.f.Tr.T(t.Key, t.Pairs()...) }

// event shows a note or one check's result.
func (v *view) event(ev exercise.Event) {
	switch {
	case ev.Note != nil:
		text := v.tr(*ev.Note)
		v.s.Emit(output.Record{Type: "note", Text: text, Terminal: v.l.ColorScheme().Yellow(v.l.Wrap("! "+text, "  "))})
	case ev.Result != nil:
		v.result(*ev.Result)
	}
}

// idWidth lines up the messages after the check ids.
func (v *view) idWidth() int {
	w := 0
	for _, c := range v.ex.Checks {
		w = max(w, len(c.ID))
	}
	return w
}

func (v *view) result(r exercise.Result) {
	cs := v.l.ColorScheme()
	msg := v.tr(r.Message)
	rec := output.Record{Type: "check", Values: []string{r.ID, string(r.Status)}, Text: msg}
	id := fmt.Sprintf("%-*s", v.idWidth(), r.ID)
	// A long message continues under itself, never cut mid-word at the
	// terminal's edge.
	under := strings.Repeat(" ", len("- ")+v.idWidth()+len("  "))
	switch r.Status {
	case exercise.Pass:
		rec.Terminal = v.l.Wrap(cs.Green("✓ "+id)+"  "+msg, under)
	case exercise.Skip:
		rec.Terminal = cs.Gray(v.l.Wrap("- "+id+"  "+v.f.Tr.T("exercise.skipped_line", "msg", msg), under))
	default:
		head := cs.Red("✗ "+id) + "  " + msg
		if !v.failShown {
			head = cs.Bold(cs.Red("✗ "+id)+"  "+msg) + "  " + cs.Red(strings.ReplaceAll(v.f.Tr.T("exercise.start_here"), " ", "\u00a0"))
		}
		v.failShown = true
		// The marker's spaces are unbreakable while wrapping: it stays in one piece.
		rec.Terminal = strings.ReplaceAll(v.l.Wrap(head, under), "\u00a0", " ") + "\n" + v.failureDetail(r)
	}
	v.s.Emit(rec)
	if r.Status != exercise.Fail {
		return
	}
	if k := r.Known; k != nil {
		v.s.Emit(output.Record{Type: "error", Values: []string{r.ID, "kind=" + k.Key, output.KV("line", k.Line)},
			Text: sentences(v.f.Tr.T("exercise.known."+k.Key), v.f.Tr.T("exercise.known."+k.Key+".fix"))})
	}
	if r.Hint != nil {
		v.s.Emit(output.Record{Type: "hint", Values: []string{r.ID, "lesson=" + r.Lesson}, Text: v.tr(*r.Hint)})
	}
}

// sentences joins two sentences: with a space after English punctuation,
// directly after Chinese full-width punctuation ("。 用" reads as a typo).
func sentences(a, b string) string {
	if r, _ := utf8.DecodeLastRuneInString(a); strings.ContainsRune("。！？；）", r) {
		return a + b
	}
	return a + " " + b
}

// failureDetail is the terminal's account of a failure: what netlearn did,
// the bytes both ways, the error the program hit, one hint and the lesson.
func (v *view) failureDetail(r exercise.Result) string {
	tr, cs := v.f.Tr, v.l.ColorScheme()
	var b strings.Builder
	line := func(label, text string) {
		sep := " "
		if strings.HasSuffix(label, "：") {
			sep = "" // a full-width colon carries its own space
		}
		b.WriteString(v.l.Wrap("    "+cs.Bold(label)+sep+text, "      ") + "\n")
	}
	if r.Did.Key != "" {
		line(tr.T("exercise.label_did"), v.tr(r.Did))
	}
	if len(r.Transcript) > 0 {
		b.WriteString("    " + cs.Bold(tr.T("exercise.label_transcript")) + "\n")
		for _, e := range r.Transcript {
			b.WriteString("      " + v.exchange(e) + "\n")
		}
	}
	if k := r.Known; k != nil {
		line(tr.T("exercise.label_error"), sockdemo.Sanitize([]byte(k.Error)))
		if k.File != "" {
			b.WriteString(v.l.Wrap("      "+tr.T("exercise.known_at", "file", k.File, "line", k.Line, "code", sockdemo.Sanitize([]byte(k.Code))), "        ") + "\n")
		}
		if v.shownKnown[*k] {
			line(tr.T("exercise.label_means"), tr.T("exercise.known_again"))
		} else {
			line(tr.T("exercise.label_means"), tr.T("exercise.known."+k.Key))
			line(tr.T("exercise.label_fix"), tr.T("exercise.known."+k.Key+".fix"))
		}
		v.shownKnown[*k] = true
	}
	if r.Hint != nil {
		line(tr.T("exercise.label_hint"), v.tr(*r.Hint))
	}
	if r.Lesson != "" {
		line(tr.T("exercise.label_read"), "netlearn learn "+r.Lesson)
	}
	return strings.TrimRight(b.String(), "\n")
}

// shortExchange is how many bytes of one piece a failure shows without
// --verbose; the cut is said, never silent.
const shortExchange = 512

// exchange is one transcript line: an arrow for the direction and the
// bytes escaped like any network bytes.
func (v *view) exchange(e exercise.Exchange) string {
	tr, cs := v.f.Tr, v.l.ColorScheme()
	switch e.Dir {
	case exercise.Note:
		return cs.Gray("· " + tr.T("exercise.transcript."+e.Note, "addr", string(e.Bytes)))
	case exercise.ToProgram:
		return cs.Cyan("→ ") + v.bytesText(e.Bytes)
	}
	return cs.Yellow("← ") + v.bytesText(e.Bytes)
}

func (v *view) bytesText(b []byte) string {
	if len(b) > shortExchange && !v.opts.Verbose {
		cut := shortExchange
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		return sockdemo.Sanitize(b[:cut]) + v.l.ColorScheme().Gray(v.f.Tr.T("exercise.cut", "n", len(b)-cut))
	}
	return sockdemo.Sanitize(b)
}

// end closes the stream with the summary, or writes the JSON document.
func (v *view) end(r exercise.Report) error {
	if err := v.s.End(); err != nil {
		return err
	}
	if v.l.IsJSON() {
		return v.l.WriteJSON(jsonReport(v.f, r))
	}
	passed := 0
	for _, c := range r.Checks {
		if c.Status == exercise.Pass {
			passed++
		}
	}
	tr, cs, w := v.f.Tr, v.l.ColorScheme(), v.l.Writer()
	if v.opts.Verbose || (!r.Passed && v.l.IsTerminal()) {
		v.programOutput(r.Program)
	}
	if !v.l.IsTerminal() {
		_, err := fmt.Fprint(w, output.PlainLine("result", []string{output.KV("passed", r.Passed),
			output.KV("checks", len(r.Checks)), output.KV("passed_checks", passed), output.KV("where", r.Where),
			output.KV("ms", r.Duration.Milliseconds())}, ""))
		return err
	}
	summary := cs.Red(tr.T("exercise.summary_failed", "passed", passed, "total", len(r.Checks)))
	if r.Passed {
		summary = cs.Green(tr.T("exercise.summary_passed", "total", len(r.Checks), "next", nextAfter(r.Exercise)))
	}
	_, err := fmt.Fprintf(w, "\n%s\n%s\n", cs.Bold(summary),
		cs.Gray(tr.T("exercise.where_"+r.Where, "ms", r.Duration.Milliseconds())))
	return err
}

// programOutput shows what the program wrote: all of it with --verbose,
// otherwise the end of stderr, where a traceback is.
func (v *view) programOutput(p exercise.Program) {
	tr, cs, w := v.f.Tr, v.l.ColorScheme(), v.l.Writer()
	show := func(label string, b []byte, lines int) {
		if len(b) == 0 {
			return
		}
		var rows []string
		for _, row := range bytes.Split(bytes.TrimRight(b, "\r\n"), []byte("\n")) {
			rows = append(rows, sockdemo.Sanitize(bytes.TrimSuffix(row, []byte("\r"))))
		}
		if lines > 0 && len(rows) > lines {
			rows = rows[len(rows)-lines:]
			label += " " + tr.T("exercise.last_lines", "n", lines)
		}
		fmt.Fprintf(w, "\n%s\n", cs.Bold(label))
		for _, row := range rows {
			fmt.Fprintln(w, "  "+row)
		}
	}
	if v.opts.Verbose {
		show(tr.T("exercise.label_stdout"), p.Stdout, 0)
		show(tr.T("exercise.label_stderr"), p.Stderr, 0)
		if p.Dropped > 0 {
			fmt.Fprintln(w, cs.Gray(tr.T("exercise.dropped", "n", p.Dropped)))
		}
		return
	}
	show(tr.T("exercise.label_stderr"), p.Stderr, 8)
}

// nextAfter names the exercise after name, "" after the last.
func nextAfter(name string) string {
	names := exercise.Names()
	for i, n := range names {
		if n == name && i+1 < len(names) {
			return names[i+1]
		}
	}
	return ""
}
