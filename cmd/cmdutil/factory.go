package cmdutil

import (
	"os"

	"github.com/netlearn/netlearn/cmd/i18n"
	"github.com/netlearn/netlearn/cmd/iostreams"
)

// Factory carries what commands depend on, so tests can swap any of it.
type Factory struct {
	IO         *iostreams.IOStreams
	Tr         *i18n.Catalog
	Getenv     func(string) string
	Interrupts *Interrupts // Ctrl-C reaches the innermost running activity
}

// NewFactory returns a Factory for a real run in the given language.
func NewFactory(ios *iostreams.IOStreams, lang i18n.Lang) *Factory {
	return &Factory{IO: ios, Tr: i18n.For(lang), Getenv: os.Getenv, Interrupts: &Interrupts{}}
}
