package lessons

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseLesson(f *testing.F) {
	f.Add([]byte(fixtureLesson("1.2", EN)))
	f.Add([]byte(fixtureLesson("1.3", ZH)))
	f.Add([]byte("---\ntitle: t\ntry: netlearn ip\n---\n```\n"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLesson("1.2", EN, data)
		if err != nil {
			return
		}
		// Whatever parses has what every renderer relies on.
		if l.Title == "" || len(l.Try) == 0 {
			t.Fatalf("parsed without title or try: %+v", l)
		}
		for _, line := range l.Try {
			if _, err := SplitTry(line); err != nil {
				t.Fatalf("kept a try line that does not split: %q", line)
			}
		}
		anchors := map[string]bool{}
		for _, p := range l.Parts() {
			anchors[p.Anchor] = true
		}
		for _, a := range requiredAnchors {
			if !anchors[a] {
				t.Fatalf("parsed without anchor %s", a)
			}
		}
	})
}

func FuzzParseQuiz(f *testing.F) {
	f.Add([]byte(fixtureQuiz("1.2")))
	f.Add([]byte(`{"section": "1.2", "questions": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := ParseQuiz("1.2", data)
		if err != nil {
			return
		}
		// Whatever ParseQuiz accepts can be answered right in every way a
		// learner may type it, and an empty answer is never right.
		for i := range q.Questions {
			question := &q.Questions[i]
			for _, lang := range Langs {
				text := question.In(lang)
				if question.Grade(lang, "").Correct {
					t.Fatalf("%s %s: an empty answer is correct", question.ID, lang)
				}
				right := text.Accept
				if question.Type == TypeChoice {
					a := *question.Answer
					right = []string{text.Choices[a], strconv.Itoa(a + 1), string(rune('a' + a))}
				}
				for _, answer := range right {
					if !question.Grade(lang, answer).Correct {
						t.Fatalf("%s %s: %q is graded wrong", question.ID, lang, answer)
					}
				}
			}
		}
	})
}

func FuzzDecodeProgress(f *testing.F) {
	p := NewProgress()
	p.MarkSeen("1.2", t0)
	p.RecordQuiz("1.2", 3, 4, t0)
	good, _ := json.Marshal(p)
	f.Add(good)
	f.Add([]byte(`{"version": 1}`))
	f.Add([]byte(`{"version": 1, "seen": {}, "scores": {"1.1": {"best": {"correct": 9, "total": 1}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeProgress(data)
		if err != nil {
			return
		}
		if err := p.Check(); err != nil {
			t.Fatalf("decoded progress fails Check: %v", err)
		}
		p.Next()
		p.RecordQuiz("1.1", 1, 1, t0) // must work on anything loaded
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"８０", " ＴＣＰ ", "１２７。０。０。１", "a\u3000b", "三次握手", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, Normalize(n))
		}
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("spaces left in %q", n)
		}
		for _, r := range n {
			if r >= '！' && r <= '～' || r == '\u3000' {
				t.Fatalf("full-width %q left in %q", r, n)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("valid input became invalid: %q", n)
		}
	})
}

// FuzzPickChoice feeds any three choice texts and any answer. Whenever
// the choices would pass ParseQuiz, each choice's own text picks that
// choice, and no answer picks outside the list.
func FuzzPickChoice(f *testing.F) {
	f.Add("8", "16", "32", "2")
	f.Add("SYN", "ACK", "FIN", "ｂ")
	f.Add("4", "d", "65536", "Ｄ")
	f.Add("1", "b", "c", "1")
	f.Fuzz(func(t *testing.T, a, b, c, answer string) {
		choices := []string{a, b, c}
		if pick := PickChoice(answer, choices); pick < -1 || pick >= len(choices) {
			t.Fatalf("PickChoice(%q) = %d", answer, pick)
		}
		if distinct(choices, "choice") != nil || notPositional(choices) != nil {
			return
		}
		for i, text := range choices {
			if got := PickChoice(text, choices); got != i {
				t.Fatalf("choices %q: the text %q picks %d, want %d", choices, text, got, i)
			}
		}
	})
}

// FuzzSplitTry: whatever SplitTry accepts names a command, and quoting
// its words again for a shell gives back the same words.
func FuzzSplitTry(f *testing.F) {
	for _, s := range []string{"netlearn ip", `netlearn demo --message "a b"`, "netlearn port 'x", `netlearn a\ b`, "netlearn ip | less", `netlearn "" x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args, err := SplitTry(line)
		if err != nil {
			return
		}
		if len(args) == 0 || args[0] == "" {
			t.Fatalf("SplitTry(%q) = %q: no command name", line, args)
		}
		quoted := []string{"netlearn"}
		for _, a := range args {
			quoted = append(quoted, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
		}
		again, err := SplitTry(strings.Join(quoted, " "))
		if err != nil || !slices.Equal(again, args) {
			t.Fatalf("%q → %q → %q (%v)", line, args, again, err)
		}
	})
}
