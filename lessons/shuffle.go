package lessons

import "math/rand/v2"

// Shuffled returns the questions in an order drawn from seed, with the
// choices of every choice question shuffled too and its answer moved with
// them. The same seed gives the same quiz, so scripted runs can pass
// --seed and know the answers; the library's questions are left as they
// are. Shuffling means the feedback on one question can no longer give
// away the next one, and "always the first choice" is no strategy.
func Shuffled(questions []Question, seed uint64) []Question {
	rng := rand.New(rand.NewPCG(seed, 0x6e65746c6561726e)) // "netlearn"
	out := make([]Question, len(questions))
	for i, j := range rng.Perm(len(questions)) {
		out[i] = shuffleChoices(questions[j], rng)
	}
	return out
}

// shuffleChoices returns a copy of q whose choices, the same in both
// languages, are in a random order, with the answer following its choice.
func shuffleChoices(q Question, rng *rand.Rand) Question {
	if q.Type != TypeChoice || q.Answer == nil {
		return q
	}
	order := rng.Perm(len(q.EN.Choices)) // new place i holds old choice order[i]
	answer := 0
	for i, old := range order {
		if old == *q.Answer {
			answer = i
		}
	}
	q.Answer = &answer
	q.EN, q.ZH = reorder(q.EN, order), reorder(q.ZH, order)
	return q
}

func reorder(t *QuestionText, order []int) *QuestionText {
	c := *t
	c.Choices = make([]string, len(order))
	for i, old := range order {
		c.Choices[i] = t.Choices[old]
	}
	return &c
}
