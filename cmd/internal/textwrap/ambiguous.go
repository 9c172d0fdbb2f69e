package textwrap

import (
	"os"

	"github.com/mattn/go-runewidth"
)

// Characters of ambiguous width (…, —, │, ─, ①) take one column in the
// terminals learners use, Chinese Windows and macOS included. runewidth
// counts them as two whenever the locale is Chinese (LANG=zh_CN.UTF-8),
// which sized every table and wrapped line wrongly for exactly the
// learners who read the Chinese output. Only an explicit
// RUNEWIDTH_EASTASIAN=1, for a terminal set to draw them wide, asks for two.
func init() { narrowAmbiguous(os.Getenv) }

func narrowAmbiguous(getenv func(string) string) {
	wide := getenv("RUNEWIDTH_EASTASIAN") == "1"
	runewidth.EastAsianWidth = wide
	runewidth.DefaultCondition.EastAsianWidth = wide
}
