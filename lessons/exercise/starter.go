package exercise

import (
	"embed"
	"strings"
)

//go:embed starters
var starters embed.FS

// DefaultFile is the file `start` writes and `check` reads when none is
// named: server.py for the server exercises, client.py for the client.
func DefaultFile(name string) string {
	if ex, ok := Lookup(name); ok && ex.Kind == KindClient {
		return "client.py"
	}
	return "server.py"
}

// Starter returns the starter file for an exercise: its file name and its
// text, with TODO comments in lang ("en" or "zh"), in Python or in Go.
func Starter(ex *Exercise, lang string, golang bool) (name string, text []byte) {
	// Go starters are kept as .go.txt, so that the go tool does not take
	// the folder for a package of its own.
	ext, stored := ".py", ".py"
	if golang {
		ext, stored = ".go", ".go.txt"
	}
	if lang != "zh" {
		lang = "en"
	}
	kind := string(ex.Kind)
	text, err := starters.ReadFile("starters/" + kind + "." + lang + stored)
	if err != nil {
		panic("exercise: missing starter " + kind + ext) // a build without its embedded files
	}
	return strings.TrimSuffix(DefaultFile(ex.Name), ".py") + ext, text
}
