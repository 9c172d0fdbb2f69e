package lessons

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/netlearn/netlearn/locale"
)

// passMark is the quiz command's default pass mark, in percent.
const passMark = 60

// blindStrategy picks choices without reading the question: it returns,
// for one question's choices, the indices it might pick (ties share the
// chance).
type blindStrategy struct {
	name string
	pick func(choices []string) []int
}

var blindStrategies = []blindStrategy{
	{"always the longest", func(c []string) []int { return byLength(c, func(a, b int) bool { return a > b }) }},
	{"always the shortest", func(c []string) []int { return byLength(c, func(a, b int) bool { return a < b }) }},
	{"always the first", func(c []string) []int { return []int{0} }},
	{"always the last", func(c []string) []int { return []int{len(c) - 1} }},
}

// byLength returns the choices whose length in characters is best by
// better (all of them when several tie).
func byLength(choices []string, better func(a, b int) bool) []int {
	var best []int
	bestLen := -1
	for i, c := range choices {
		n := utf8.RuneCountInString(c)
		switch {
		case bestLen < 0 || better(n, bestLen):
			best, bestLen = []int{i}, n
		case n == bestLen:
			best = append(best, i)
		}
	}
	return best
}

// blindScore is the expected share, in percent, of a section's stored
// questions that a strategy answers right in lang. It cannot type the
// answer to a text question, so those count as wrong.
func blindScore(q *Quiz, lang locale.Lang, s blindStrategy) float64 {
	expected := 0.0
	for _, question := range q.Questions {
		if question.Type != TypeChoice {
			continue
		}
		picks := s.pick(question.In(lang).Choices)
		for _, p := range picks {
			if p == *question.Answer {
				expected += 1 / float64(len(picks))
			}
		}
	}
	return 100 * expected / float64(len(q.Questions))
}

// TestBlindStrategiesFail plays "always the longest / shortest / first /
// last choice" over every section's stored questions in both languages.
// None may reach the pass mark: the quiz must need understanding. Run
// with -v to see the table of the best blind score per section.
func TestBlindStrategiesFail(t *testing.T) {
	lib := loadDefault(t)
	var table strings.Builder
	fmt.Fprintf(&table, "%-7s %-4s %6s  %s\n", "section", "lang", "best", "strategy")
	for _, section := range Sections {
		q, _ := lib.Quiz(section)
		for _, lang := range Langs {
			best, bestName := -1.0, ""
			for _, s := range blindStrategies {
				score := blindScore(q, lang, s)
				if score >= passMark {
					t.Errorf("%s %s: %q scores %.0f%%, at or above the %d%% pass mark", section, lang, s.name, score, passMark)
				}
				if score > best {
					best, bestName = score, s.name
				}
			}
			fmt.Fprintf(&table, "%-7s %-4s %5.0f%%  %s\n", section, lang, best, bestName)
		}
	}
	t.Logf("best blind score per section (pass mark %d%%):\n%s", passMark, table.String())
}

// maxPooledHit bounds how often a blind strategy picks the right choice
// over every stored choice question of a language: near chance (about a
// quarter with four choices), so text questions are not what hides a
// give-away.
const maxPooledHit = 40

func TestBlindStrategiesNearChanceOnChoices(t *testing.T) {
	lib := loadDefault(t)
	pooled := &Quiz{}
	for _, section := range Sections {
		q, _ := lib.Quiz(section)
		for _, question := range q.Questions {
			if question.Type == TypeChoice {
				pooled.Questions = append(pooled.Questions, question)
			}
		}
	}
	for _, lang := range Langs {
		for _, s := range blindStrategies {
			if score := blindScore(pooled, lang, s); score >= maxPooledHit {
				t.Errorf("%s: %q is right on %.0f%% of the %d choice questions (limit %d%%)", lang, s.name, score, len(pooled.Questions), maxPooledHit)
			} else {
				t.Logf("%s: %-20s right on %.0f%% of %d choice questions", lang, s.name, score, len(pooled.Questions))
			}
		}
	}
}

// TestBlindStrategiesAreCounted checks the scorer itself on a made-up
// question where "longest" is always right.
func TestBlindStrategiesAreCounted(t *testing.T) {
	answer := 1
	q := &Quiz{Questions: []Question{{ID: "x", Type: TypeChoice, Answer: &answer,
		EN: &QuestionText{Choices: []string{"no", "yes, the longest", "tie"}}}, {ID: "y", Type: TypeText}}}
	if got := blindScore(q, EN, blindStrategies[0]); got != 50 {
		t.Errorf("longest = %v%%, want 50%% (one of two questions)", got)
	}
	tie := []string{"ab", "cd", "e"}
	if got := byLength(tie, func(a, b int) bool { return a > b }); len(got) != 2 {
		t.Errorf("a tie should share the pick: %v", got)
	}
}
