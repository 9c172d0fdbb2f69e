// Package i18n holds netlearn's user-facing strings in Chinese and English.
//
// Strings live in JSON catalogues under locales/<lang>/, one file per area
// (root.json, port.json, ...), so that people working on different commands
// never edit the same file. Placeholders are named, like {port}, so a
// translation may put them in any order.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Lang is a language netlearn speaks.
type Lang string

// The languages netlearn speaks.
const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// Langs lists every supported language, English first.
var Langs = []Lang{EN, ZH}

//go:embed locales
var localeFS embed.FS

var placeholderRE = regexp.MustCompile(`\{[a-z_][a-z0-9_]*\}`)

// loaded holds each language's messages, parsed on first use: a run needs
// one language, and parsing both on every start was the largest part of
// netlearn's start-up time.
var loaded = map[Lang]func() map[string]string{
	EN: sync.OnceValue(func() map[string]string { return mustLoad(localeFS, EN) }),
	ZH: sync.OnceValue(func() map[string]string { return mustLoad(localeFS, ZH) }),
}

// Catalog translates keys for one language.
type Catalog struct {
	lang     Lang
	messages map[string]string
}

// For returns the catalogue of lang.
func For(lang Lang) *Catalog {
	return &Catalog{lang: lang, messages: loaded[lang]()}
}

// Lang reports the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// T returns the message for key with its placeholders filled from kv, given
// as name/value pairs: T("port.class", "port", 80). A missing key comes back
// as the key itself so a gap is visible rather than silent; the catalogue
// tests make sure no such gap ships.
func (c *Catalog) T(key string, kv ...any) string {
	msg, ok := c.messages[key]
	if !ok {
		return key
	}
	if len(kv) == 0 {
		return msg
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+fmt.Sprint(kv[i])+"}", fmt.Sprint(kv[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(msg)
}

// Has reports whether key exists in this catalogue.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[key]
	return ok
}

// Keys returns the catalogue's keys, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.messages))
	for k := range c.messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Placeholders returns the sorted, de-duplicated placeholder names in msg.
func Placeholders(msg string) []string {
	found := placeholderRE.FindAllString(msg, -1)
	sort.Strings(found)
	out := found[:0]
	for i, p := range found {
		if i == 0 || p != found[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// mustLoad panics on a malformed catalogue: it is a programming error, and
// the tests load every language so it never ships.
func mustLoad(fsys fs.FS, lang Lang) map[string]string {
	msgs, err := load(fsys, lang)
	if err != nil {
		panic(err)
	}
	return msgs
}

// load reads every locales/<lang>/*.json file. A key defined twice within one
// language is an error: the second file would silently win otherwise.
func load(fsys fs.FS, lang Lang) (map[string]string, error) {
	files, err := fs.Glob(fsys, path.Join("locales", string(lang))+"/*.json")
	if err != nil {
		return nil, err
	}
	merged := map[string]string{}
	for _, name := range files {
		if err := mergeFile(fsys, name, merged); err != nil {
			return nil, err
		}
	}
	return merged, nil
}

func mergeFile(fsys fs.FS, name string, into map[string]string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	var msgs map[string]string
	if err := json.Unmarshal(data, &msgs); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for k, v := range msgs {
		if _, dup := into[k]; dup {
			return fmt.Errorf("%s: key %q is defined twice", name, k)
		}
		into[k] = v
	}
	return nil
}
