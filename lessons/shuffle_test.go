package lessons

import (
	"slices"
	"strings"
	"testing"
)

func TestShuffledKeepsEveryAnswerRight(t *testing.T) {
	lib := loadDefault(t)
	q, _ := lib.Quiz("1.3")
	orders := map[string]bool{}
	for seed := uint64(1); seed <= 20; seed++ {
		got := Shuffled(q.Questions, seed)
		if len(got) != len(q.Questions) {
			t.Fatalf("seed %d: %d questions, want %d", seed, len(got), len(q.Questions))
		}
		for _, sq := range got {
			orig := findQuestion(t, q.Questions, sq.ID)
			if sq.Type != TypeChoice {
				continue
			}
			// The shuffled answer still names the same choice, in both languages.
			for _, lang := range Langs {
				if sq.In(lang).Choices[*sq.Answer] != orig.In(lang).Choices[*orig.Answer] {
					t.Errorf("seed %d, %s %s: the answer moved away from its choice", seed, sq.ID, lang)
				}
				if !sameSet(sq.In(lang).Choices, orig.In(lang).Choices) {
					t.Errorf("seed %d, %s: choices changed, not only their order", seed, sq.ID)
				}
			}
			if !sq.Grade(EN, sq.EN.Choices[*sq.Answer]).Correct {
				t.Errorf("seed %d, %s: the correct choice's text is graded wrong", seed, sq.ID)
			}
		}
		orders[join(ids(got))] = true
	}
	if len(orders) < 10 {
		t.Errorf("20 seeds gave only %d question orders", len(orders))
	}
	// The library is untouched, and the same seed gives the same quiz.
	again, _ := lib.Quiz("1.3")
	if *again.Questions[0].Answer != *q.Questions[0].Answer || join(ids(Shuffled(q.Questions, 7))) != join(ids(Shuffled(q.Questions, 7))) {
		t.Error("Shuffled changed the library or is not reproducible")
	}
}

func loadDefault(t *testing.T) *Library {
	t.Helper()
	lib, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func ids(qs []Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func join(ss []string) string { return strings.Join(ss, " ") }

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func findQuestion(t *testing.T, qs []Question, id string) Question {
	t.Helper()
	for _, q := range qs {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no question %s", id)
	return Question{}
}

func TestPickChoiceReadsLabels(t *testing.T) {
	choices := []string{"SYN", "ACK", "FIN", "RST"}
	for answer, want := range map[string]int{
		"d": 3, "D": 3, "d)": 3, "(d)": 3, "d.": 3, "c.": 2, "(a)": 0, "Ｂ．": 1, "b、": 1, "2)": 1, "（3）": 2,
		"fin": 2, "e)": -1, "(x)": -1, "": -1, "d))": -1,
	} {
		if got := PickChoice(answer, choices); got != want {
			t.Errorf("PickChoice(%q) = %d, want %d", answer, got, want)
		}
	}
}

func TestPercentRoundsHalfUp(t *testing.T) {
	for _, c := range []struct{ correct, total, want int }{
		{1, 6, 17}, {5, 6, 83}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {0, 5, 0}, {5, 5, 100}, {0, 0, 0},
	} {
		if got := Percent(c.correct, c.total); got != c.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", c.correct, c.total, got, c.want)
		}
	}
	// 119 of 200 is 59.5%: shown as 60, but below a 60% mark.
	if Percent(119, 200) != 60 || Passed(119, 200, 60) || !Passed(3, 5, 60) || Passed(0, 0, 60) || !Passed(0, 0, 0) {
		t.Error("Passed must compare exactly, not the rounded percent")
	}
}
