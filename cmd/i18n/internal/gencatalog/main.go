// Command gencatalog turns cmd/i18n/locales/*/*.json into catalog_gen.go.
// Run it with `go generate ./cmd/i18n` after editing a catalogue; a test
// fails while the generated file is out of date.
package main

import (
	"fmt"
	"os"

	"github.com/netlearn/netlearn/cmd/i18n/internal/catalogsrc"
)

var langs = []string{"en", "zh"}

func main() {
	if err := generate("locales", "catalog_gen.go"); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}

func generate(localeDir, out string) error {
	catalogues := map[string]map[string]string{}
	for _, lang := range langs {
		msgs, err := catalogsrc.Load(os.DirFS(localeDir), lang)
		if err != nil {
			return err
		}
		catalogues[lang] = msgs
	}
	src, err := catalogsrc.Render(langs, catalogues)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
