package lessons

import (
	"strings"
	"testing"

	"github.com/netlearn/netlearn/locale"
)

func TestParseQuizAcceptsAValidFile(t *testing.T) {
	q, err := ParseQuiz("1.2", []byte(fixtureQuiz("1.2")))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Questions) != 3 || q.Questions[0].In(ZH).Prompt != "有多少个端口？" || q.Questions[1].In("fr").Prompt != "HTTP's port?" {
		t.Errorf("quiz = %+v", q)
	}
}

func TestParseQuizRejectsBrokenQuestions(t *testing.T) {
	good := fixtureQuiz("1.2")
	cases := []struct{ name, old, new, want string }{
		{"wrong section", `"section": "1.2"`, `"section": "1.3"`, "does not match"},
		{"unknown field", `"type": "choice"`, `"type": "choice", "hint": "x"`, "unknown field"},
		{"answer out of range", `"answer": 2`, `"answer": 3`, "one correct choice"},
		{"negative answer", `"answer": 2`, `"answer": -1`, "one correct choice"},
		{"no answer", `"answer": 2,`, ``, "one correct choice"},
		{"choice counts differ", `"choices": ["1024", "49152", "65536"], "explain": "16 位。"`, `"choices": ["1024", "65536"], "explain": "16 位。"`, "en has 3 choices, zh has 2"},
		{"one choice only", `"choices": ["1024", "49152", "65536"], "explain": "16 bits."`, `"choices": ["65536"], "explain": "16 bits."`, "2 to 5"},
		{"two choices read the same", `["1024", "49152", "65536"], "explain": "16 bits."`, `["1024", "６５５３６", "65536"], "explain": "16 bits."`, "listed twice"},
		{"empty explanation", `"explain": "约定俗成。"`, `"explain": " "`, "zh: prompt and explain"},
		{"missing language", `"zh": {"prompt": "HTTP 的端口？", "accept": ["80"], "explain": "约定俗成。"}`, `"fr": {}`, "unknown field"},
		{"text with answer", `"type": "text",`, `"type": "text", "answer": 0,`, "not answer"},
		{"text without accept", `"accept": ["80"], "explain": "By`, `"accept": [], "explain": "By`, "accept list"},
		{"unknown type", `"type": "text",`, `"type": "essay",`, "neither choice nor text"},
		{"no id", `"id": "1.2-b", `, ``, "no id"},
		{"machine in a file", `"type": "choice",`, `"type": "choice", "machine": true,`, "generated"},
		{"only text questions", `"type": "choice", "answer": 2,`, `"type": "text",`, "accept list"},
		{"trailing text", "\n  ]\n}", "\n  ]\n}{}", "after the JSON"},
		{"a choice reads as a number", `["1024", "49152", "65536"], "explain": "16 bits."`, `["1024", "2", "65536"], "explain": "16 bits."`, `choice "2" reads as a position`},
		{"a full-width number", `"choices": ["1024", "49152", "65536"], "explain": "16 位。"`, `"choices": ["1024", "49152", "３"], "explain": "16 位。"`, "reads as a position"},
		{"a choice reads as a letter", `["1024", "49152", "65536"], "explain": "16 bits."`, `["1024", "B", "65536"], "explain": "16 bits."`, "reads as a position"},
	}
	for _, c := range cases {
		src := strings.Replace(good, c.old, c.new, 1)
		if src == good {
			t.Fatalf("%s: the replacement did not apply", c.name)
		}
		if _, err := ParseQuiz("1.2", []byte(src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestAQuizNeedsThreeQuestionsOfBothTypes(t *testing.T) {
	two := `{"section": "1.2", "questions": [
	  {"id": "a", "type": "text", "en": {"prompt": "p", "accept": ["x"], "explain": "e"}, "zh": {"prompt": "p", "accept": ["x"], "explain": "e"}},
	  {"id": "b", "type": "text", "en": {"prompt": "p", "accept": ["x"], "explain": "e"}, "zh": {"prompt": "p", "accept": ["x"], "explain": "e"}}]}`
	if _, err := ParseQuiz("1.2", []byte(two)); err == nil || !strings.Contains(err.Error(), "at least 3") {
		t.Errorf("two questions: %v", err)
	}
	three := strings.Replace(two, `]}`, `,
	  {"id": "c", "type": "text", "en": {"prompt": "p", "accept": ["x"], "explain": "e"}, "zh": {"prompt": "p", "accept": ["x"], "explain": "e"}}]}`, 1)
	if _, err := ParseQuiz("1.2", []byte(three)); err == nil || !strings.Contains(err.Error(), "only one type") {
		t.Errorf("text only: %v", err)
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"  80  ":          "80",
		"８０":              "80",
		"ＴＣＰ":             "tcp",
		"\u3000Ａ\u3000":   "a",
		"１２７。０。０。１":       "127.0.0.1",
		"Hello   World":   "hello world",
		"socket\t.\tbind": "socket . bind",
		"（host，port）":     "(host,port)",
		"三次握手":            "三次握手",
		"":                "",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// A number or letter beyond the last choice is not a position, so a
// choice may read that way, and typing it picks that choice.
func TestChoiceTextsBeyondThePositionsAreAllowed(t *testing.T) {
	src := strings.Replace(fixtureQuiz("1.2"), `["1024", "49152", "65536"], "explain": "16 bits."`, `["4", "d", "65536"], "explain": "16 bits."`, 1)
	q, err := ParseQuiz("1.2", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	choice := &q.Questions[0]
	for answer, want := range map[string]int{"4": 0, "d": 1, "Ｄ": 1, "1": 0, "3": 2, "5": -1} {
		if got := choice.Grade(EN, answer).Choice; got != want {
			t.Errorf("answer %q picked %d, want %d", answer, got, want)
		}
	}
}

func TestGrade(t *testing.T) {
	q, err := ParseQuiz("1.2", []byte(fixtureQuiz("1.2")))
	if err != nil {
		t.Fatal(err)
	}
	choice, text := &q.Questions[0], &q.Questions[2]
	cases := []struct {
		q       *Question
		lang    locale.Lang
		answer  string
		correct bool
		choice  int
	}{
		{choice, EN, "3", true, 2},
		{choice, EN, "c", true, 2},
		{choice, EN, " C ", true, 2},
		{choice, ZH, "３", true, 2},
		{choice, ZH, "ｃ", true, 2},
		{choice, EN, "65536", true, 2},
		{choice, EN, "1", false, 0},
		{choice, EN, "b", false, 1},
		{choice, EN, "4", false, -1},
		{choice, EN, "e", false, -1},
		{choice, EN, "", false, -1},
		{text, EN, "127.0.0.1", true, -1},
		{text, EN, "LOCALHOST", true, -1},
		{text, ZH, "１２７．０．０．１", true, -1},
		{text, EN, "127.0.0.2", false, -1},
		{text, EN, "   ", false, -1},
	}
	for _, c := range cases {
		g := c.q.Grade(c.lang, c.answer)
		if g.Correct != c.correct || g.Choice != c.choice {
			t.Errorf("%s %s %q: %+v, want correct %v choice %d", c.q.ID, c.lang, c.answer, g, c.correct, c.choice)
		}
	}
	if g := choice.Grade(ZH, "1"); g.Expected != "65536" {
		t.Errorf("expected = %q", g.Expected)
	}
}
