package lessons

import (
	"embed"
	"sync"
)

// files holds the lesson and quiz files; a teacher edits them, not Go code.
//
//go:embed content quiz
var files embed.FS

var (
	defaultOnce sync.Once
	defaultLib  *Library
	defaultErr  error
)

// Default returns the embedded library, loaded and checked once. An error
// means a content file breaks the format; the tests catch that before a
// release.
func Default() (*Library, error) {
	defaultOnce.Do(func() { defaultLib, defaultErr = Load(files) })
	return defaultLib, defaultErr
}
