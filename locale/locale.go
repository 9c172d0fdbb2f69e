// Package locale names the languages netlearn speaks. It is the one
// language type: the messages (cmd/i18n), the lessons and quizzes, and the
// service descriptions all take a Lang.
package locale

// Lang is a language netlearn speaks.
type Lang string

// The languages netlearn speaks.
const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// All lists every language, English first.
var All = []Lang{EN, ZH}
