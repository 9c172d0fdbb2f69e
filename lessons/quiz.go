package lessons

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/netlearn/netlearn/locale"
)

// The two question types.
const (
	TypeChoice = "choice"
	TypeText   = "text"
)

// Quiz is the question set of one section.
type Quiz struct {
	Section   string     `json:"section"`
	Questions []Question `json:"questions"`
}

// Question is one quiz question in both languages.
type Question struct {
	ID     string        `json:"id"`
	Type   string        `json:"type"`
	Answer *int          `json:"answer,omitempty"` // choice only: 0-based index of the correct choice
	EN     *QuestionText `json:"en"`
	ZH     *QuestionText `json:"zh"`
	// Machine is true for questions built from the learner's machine.
	Machine bool `json:"machine,omitempty"`
}

// QuestionText is a question's wording in one language.
type QuestionText struct {
	Prompt  string   `json:"prompt"`
	Choices []string `json:"choices,omitempty"` // choice only
	Accept  []string `json:"accept,omitempty"`  // text only: every accepted spelling
	Explain string   `json:"explain"`
}

// In returns the question's wording in lang (English for an unknown one).
func (q *Question) In(lang locale.Lang) *QuestionText {
	if lang == ZH && q.ZH != nil {
		return q.ZH
	}
	return q.EN
}

// Limits on the number of choices of a choice question.
const (
	MinChoices = 2
	MaxChoices = 5
	// MinQuestions is how many questions every section's quiz has at least.
	MinQuestions = 3
)

// ParseQuiz reads one quiz file and checks every rule one file can break.
func ParseQuiz(section string, data []byte) (*Quiz, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var q Quiz
	if err := dec.Decode(&q); err != nil {
		return nil, fmt.Errorf("not a quiz file: %w", err)
	}
	if dec.More() {
		return nil, errors.New("not a quiz file: text after the JSON object")
	}
	if q.Section != section {
		return nil, fmt.Errorf("section %q does not match the file name %q", q.Section, section)
	}
	if len(q.Questions) < MinQuestions {
		return nil, fmt.Errorf("%d questions; every section needs at least %d", len(q.Questions), MinQuestions)
	}
	kinds := map[string]bool{}
	for i := range q.Questions {
		if q.Questions[i].Machine {
			return nil, fmt.Errorf("question %d: machine questions are generated, not stored", i+1)
		}
		if err := q.Questions[i].Check(); err != nil {
			return nil, fmt.Errorf("question %d (%s): %w", i+1, q.Questions[i].ID, err)
		}
		kinds[q.Questions[i].Type] = true
	}
	if !kinds[TypeChoice] || !kinds[TypeText] {
		return nil, errors.New("a quiz mixes choice and text questions; this one has only one type")
	}
	return &q, nil
}

// Check verifies one question: an id, a known type, wording and an
// explanation in both languages, and exactly one correct answer.
func (q *Question) Check() error {
	if strings.TrimSpace(q.ID) == "" {
		return errors.New("no id")
	}
	if q.EN == nil || q.ZH == nil {
		return errors.New("needs both en and zh")
	}
	for _, lt := range []struct {
		lang locale.Lang
		t    *QuestionText
	}{{EN, q.EN}, {ZH, q.ZH}} {
		if strings.TrimSpace(lt.t.Prompt) == "" || strings.TrimSpace(lt.t.Explain) == "" {
			return fmt.Errorf("%s: prompt and explain must not be empty", lt.lang)
		}
	}
	switch q.Type {
	case TypeChoice:
		return q.checkChoice()
	case TypeText:
		return q.checkText()
	}
	return fmt.Errorf("type %q is neither choice nor text", q.Type)
}

func (q *Question) checkChoice() error {
	n := len(q.EN.Choices)
	if n < MinChoices || n > MaxChoices {
		return fmt.Errorf("%d choices; a choice question has %d to %d", n, MinChoices, MaxChoices)
	}
	if len(q.ZH.Choices) != n {
		return fmt.Errorf("en has %d choices, zh has %d", n, len(q.ZH.Choices))
	}
	if q.Answer == nil || *q.Answer < 0 || *q.Answer >= n {
		return errors.New("answer must be the 0-based index of the one correct choice")
	}
	if len(q.EN.Accept)+len(q.ZH.Accept) > 0 {
		return errors.New("a choice question has no accept list")
	}
	// Two choices reading the same would make two correct answers
	// (or a correct one that looks wrong).
	for _, t := range []*QuestionText{q.EN, q.ZH} {
		if err := distinct(t.Choices, "choice"); err != nil {
			return err
		}
		if err := notPositional(t.Choices); err != nil {
			return err
		}
	}
	return nil
}

// notPositional rejects a choice whose text reads as a position: with
// choices "2", "3", "4", a learner typing "3" could mean the text "3" or
// the third choice, "4". Writing "3 steps" or "three" removes the doubt.
func notPositional(choices []string) error {
	for _, c := range choices {
		if position(Normalize(c), len(choices)) >= 0 {
			return fmt.Errorf("choice %q reads as a position (1..%d or a..%c); write it as a word or add a unit",
				c, len(choices), 'a'+len(choices)-1)
		}
	}
	return nil
}

func (q *Question) checkText() error {
	if q.Answer != nil {
		return errors.New("a text question lists its answers in accept, not answer")
	}
	for _, t := range []*QuestionText{q.EN, q.ZH} {
		if len(t.Accept) == 0 || len(t.Choices) > 0 {
			return errors.New("a text question has an accept list in both languages and no choices")
		}
		if err := distinct(t.Accept, "accepted answer"); err != nil {
			return err
		}
	}
	return nil
}

func distinct(list []string, what string) error {
	seen := map[string]bool{}
	for _, s := range list {
		n := Normalize(s)
		if n == "" {
			return fmt.Errorf("an empty %s", what)
		}
		if seen[n] {
			return fmt.Errorf("%s %q is listed twice", what, s)
		}
		seen[n] = true
	}
	return nil
}

// Normalize prepares an answer for comparison: full-width ASCII letters,
// digits and punctuation (as typed with a Chinese input method) become
// ASCII, the ideographic space becomes a space, surrounding space goes,
// runs of inner space become one, and letters become lower case.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～': // U+FF01..U+FF5E mirror U+0021..U+007E
			r = r - '！' + '!'
		case r == '\u3000':
			r = ' '
		case r == '。': // the ideographic full stop, typed for "." in addresses
			r = '.'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Grade is the verdict on one answer.
type Grade struct {
	Correct bool `json:"correct"`
	// Choice is the 0-based choice the answer picked, -1 when it picked
	// none (a text question, or an answer that matches no choice).
	Choice int `json:"choice"`
	// Expected is the correct answer as shown to the learner.
	Expected string `json:"expected"`
}

// Grade grades answer, given in lang. A choice question accepts the
// choice's number (1..n), its letter (a..e) or its text.
func (q *Question) Grade(lang locale.Lang, answer string) Grade {
	t := q.In(lang)
	if q.Type == TypeChoice {
		pick := PickChoice(answer, t.Choices)
		return Grade{Correct: pick == *q.Answer, Choice: pick, Expected: t.Choices[*q.Answer]}
	}
	got := Normalize(answer)
	for _, a := range t.Accept {
		if got != "" && got == Normalize(a) {
			return Grade{Correct: true, Choice: -1, Expected: t.Accept[0]}
		}
	}
	return Grade{Choice: -1, Expected: t.Accept[0]}
}

// PickChoice maps an answer to a 0-based choice: "2" and "b" both mean
// the second, and so do the labels as the quiz prints them or as people
// write them ("b)", "b.", "(b)", "B", "b、"); the text of a choice means
// that choice. -1 means none. No choice text can read as a position
// (ParseQuiz makes sure), so the two ways of answering never disagree.
func PickChoice(answer string, choices []string) int {
	a := Normalize(answer)
	if i := position(unlabel(a), len(choices)); i >= 0 {
		return i
	}
	for i, c := range choices {
		if a != "" && a == Normalize(c) {
			return i
		}
	}
	return -1
}

// unlabel strips the brackets and the stop around a one-character label:
// "(b)", "b)", "b.", "b:" and "b、" become "b"; anything else is kept.
func unlabel(a string) string {
	a = strings.TrimPrefix(a, "(")
	for _, end := range []string{")", ".", ":", "、"} {
		if inner, ok := strings.CutSuffix(a, end); ok && len([]rune(inner)) == 1 {
			return inner
		}
	}
	return a
}

// Percent is correct out of total in whole percent, rounded half up: 1 of
// 6 is 17, not 16. An empty quiz is 0.
func Percent(correct, total int) int {
	if total <= 0 {
		return 0
	}
	return (correct*200 + total) / (2 * total)
}

// Passed reports whether correct out of total reaches passMark percent,
// compared exactly: rounding must not lift 59.5% over a 60% mark. With no
// answers only a mark of 0 passes.
func Passed(correct, total, passMark int) bool {
	if total <= 0 {
		return passMark <= 0
	}
	return correct*100 >= passMark*total
}

// position reads a normalised answer as a 1-based number or a letter
// among n choices and returns the 0-based index, or -1.
func position(a string, n int) int {
	if len(a) == 1 && a[0] >= 'a' && int(a[0]-'a') < n {
		return int(a[0] - 'a')
	}
	if i, err := strconv.Atoi(a); err == nil && i >= 1 && i <= n {
		return i - 1
	}
	return -1
}
