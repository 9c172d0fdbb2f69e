package learnertest

import (
	"strconv"
	"strings"

	"github.com/netlearn/netlearn/lessons"
	"github.com/netlearn/netlearn/locale"
)

// Answer is what a scripted learner types for q in lang: the correct
// answer, or a wrong one. style varies how a right answer is written, so
// a run of questions covers every accepted form: a choice by letter,
// number, full-width number or its text; a typed answer as listed, in
// upper case, or in full-width characters.
func Answer(q *lessons.Question, lang locale.Lang, right bool, style int) string {
	t := q.In(lang)
	if q.Type == lessons.TypeChoice {
		pick := *q.Answer
		if !right {
			pick = (pick + 1) % len(t.Choices)
		}
		switch style % 4 {
		case 0:
			return string(rune('a' + pick))
		case 1:
			return strconv.Itoa(pick + 1)
		case 2:
			return FullWidth(strconv.Itoa(pick + 1))
		}
		return t.Choices[pick]
	}
	if !right {
		return "no idea"
	}
	switch style % 3 {
	case 1:
		return strings.ToUpper(t.Accept[0])
	case 2:
		return FullWidth(t.Accept[0])
	}
	return t.Accept[0]
}

// FullWidth writes ASCII the way a Chinese input method in full-width
// mode types it.
func FullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r <= '~' {
			r += '！' - '!'
		}
		b.WriteRune(r)
	}
	return b.String()
}
