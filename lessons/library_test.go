package lessons

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/netlearn/netlearn/locale"
)

func TestLoadAcceptsACompleteSet(t *testing.T) {
	lib, err := Load(fixtureFS())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Sections {
		if l, ok := lib.Lesson(s, ZH); !ok || l.Section != s || l.Lang != ZH {
			t.Errorf("lesson %s zh = %+v", s, l)
		}
		if q, ok := lib.Quiz(s); !ok || q.Section != s {
			t.Errorf("quiz %s = %+v", s, q)
		}
	}
}

func TestLoadReportsEveryProblemByFile(t *testing.T) {
	fsys := fixtureFS()
	delete(fsys, "content/zh/1.3.md")
	delete(fsys, "quiz/1.7.json")
	fsys["content/en/1.4.md"] = &fstest.MapFile{Data: []byte(strings.Replace(fixtureLesson("1.4", EN), "try: netlearn ip\n", "try: netlearn ip -4\n", 1))}
	fsys["content/en/2.1.md"] = &fstest.MapFile{Data: []byte(fixtureLesson("2.1", EN))}
	fsys["quiz/1.5.json"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(fixtureQuiz("1.5"), `"1.5-a"`, `"1.2-a"`))}
	fsys["content/en/1.6.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n")}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("Load accepted a broken set")
	}
	for _, want := range []string{
		"content/zh/1.3.md: missing",
		"quiz/1.7.json: missing",
		"content/*/1.4.md: try lines differ",
		"content/en/2.1.md: not a section",
		`question id "1.2-a" is also used in quiz/1.2.json`,
		"content/en/1.6.md: line 3: front matter is not closed",
		"content/en/1.6.md: missing or invalid",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q:\n%v", want, err)
		}
	}
}

// The real content, as embedded in the binary.

func TestEmbeddedContentFollowsTheFormat(t *testing.T) {
	if _, err := Default(); err != nil {
		t.Fatalf("the lesson files break the format:\n%v", err)
	}
}

func TestEverySectionExistsInBothLanguages(t *testing.T) {
	lib, _ := Default()
	for _, s := range Sections {
		for _, lang := range Langs {
			l, ok := lib.Lesson(s, lang)
			if !ok {
				t.Errorf("section %s has no %s lesson", s, lang)
				continue
			}
			if len(l.Try) == 0 || strings.TrimSpace(l.Title) == "" {
				t.Errorf("section %s %s: no title or no try command", s, lang)
			}
		}
	}
}

func TestEveryQuizQuestionHasOneCorrectAnswerAndExplanations(t *testing.T) {
	lib, _ := Default()
	for _, s := range Sections {
		quiz, ok := lib.Quiz(s)
		if !ok {
			t.Errorf("section %s has no quiz", s)
			continue
		}
		for _, q := range quiz.Questions {
			for _, lang := range Langs {
				checkOneCorrect(t, &q, lang)
			}
		}
	}
}

// TestCorrectChoicesAreSpreadOut keeps "always answer b" from passing:
// no position may hold the correct choice in more than 40% of the choice
// questions.
func TestCorrectChoicesAreSpreadOut(t *testing.T) {
	lib, _ := Default()
	at := map[int]int{}
	total := 0
	for _, s := range Sections {
		quiz, _ := lib.Quiz(s)
		for _, q := range quiz.Questions {
			if q.Type == TypeChoice {
				at[*q.Answer]++
				total++
			}
		}
	}
	for pos, n := range at {
		if n*100 > total*40 {
			t.Errorf("choice %c is the correct one in %d of %d choice questions", 'a'+pos, n, total)
		}
	}
}

// checkOneCorrect grades every choice (or every accepted spelling) and
// wants exactly one choice to count as correct, and an explanation.
func checkOneCorrect(t *testing.T, q *Question, lang locale.Lang) {
	t.Helper()
	text := q.In(lang)
	if strings.TrimSpace(text.Explain) == "" {
		t.Errorf("%s %s: no explanation", q.ID, lang)
	}
	if q.Type == TypeText {
		for _, a := range text.Accept {
			if !q.Grade(lang, a).Correct {
				t.Errorf("%s %s: accepted spelling %q is graded wrong", q.ID, lang, a)
			}
		}
		return
	}
	correct := 0
	for i, c := range text.Choices {
		byText := q.Grade(lang, c).Correct
		byNumber := q.Grade(lang, string(rune('1'+i))).Correct
		if byText != byNumber {
			t.Errorf("%s %s: choice %q graded %v by text, %v by number", q.ID, lang, c, byText, byNumber)
		}
		if byNumber {
			correct++
		}
	}
	if correct != 1 {
		t.Errorf("%s %s: %d correct choices, want exactly 1", q.ID, lang, correct)
	}
}

// BenchmarkLoad is what every learn, quiz and progress run pays once:
// parsing and checking all the embedded lessons and quizzes.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(files); err != nil {
			b.Fatal(err)
		}
	}
}
