// Package i18n holds netlearn's user-facing strings in Chinese and English.
//
// Strings live in JSON catalogues under locales/<lang>/, one file per area
// (root.json, port.json, ...), so that people working on different commands
// never edit the same file. Placeholders are named, like {port}, so a
// translation may put them in any order.
//
// The JSON files are compiled into catalog_gen.go by `go generate`: sorted
// static arrays that need no parsing, no map and no allocation at start-up,
// which every run of netlearn pays for. A test fails while the generated
// file is older than the JSON.
package i18n

//go:generate go run ./internal/gencatalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/netlearn/netlearn/locale"
)

// Lang is a language netlearn speaks: locale's, the one language type.
type Lang = locale.Lang

// The languages netlearn speaks.
const (
	EN = locale.EN
	ZH = locale.ZH
)

// Langs lists every supported language, English first.
var Langs = locale.All

var placeholderRE = regexp.MustCompile(`\{[a-z_][a-z0-9_]*\}`)

// entry is one message of a generated catalogue.
type entry struct{ key, msg string }

// catalogues holds each language's entries, sorted by key.
var catalogues = map[Lang][]entry{EN: enEntries[:], ZH: zhEntries[:]}

// Catalog translates keys for one language.
type Catalog struct {
	lang    Lang
	entries []entry
}

// For returns the catalogue of lang.
func For(lang Lang) *Catalog {
	return &Catalog{lang: lang, entries: catalogues[lang]}
}

// lookup finds key by binary search over the sorted entries.
func (c *Catalog) lookup(key string) (string, bool) {
	i := sort.Search(len(c.entries), func(i int) bool { return c.entries[i].key >= key })
	if i < len(c.entries) && c.entries[i].key == key {
		return c.entries[i].msg, true
	}
	return "", false
}

// Lang reports the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// T returns the message for key with its placeholders filled from kv, given
// as name/value pairs: T("port.class", "port", 80). A missing key comes back
// as the key itself so a gap is visible rather than silent; the catalogue
// tests make sure no such gap ships.
func (c *Catalog) T(key string, kv ...any) string {
	msg, ok := c.lookup(key)
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

// N is T for a message about n things: it uses key+"_one" when n is 1 and
// that message exists ("1 bit", not "1 bits"). Languages without plural
// forms, like Chinese, give the same text to both keys.
func (c *Catalog) N(key string, n int, kv ...any) string {
	if n == 1 && c.Has(key+"_one") {
		key += "_one"
	}
	return c.T(key, kv...)
}

// Has reports whether key exists in this catalogue.
func (c *Catalog) Has(key string) bool {
	_, ok := c.lookup(key)
	return ok
}

// Keys returns the catalogue's keys, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, len(c.entries))
	for i, e := range c.entries {
		keys[i] = e.key
	}
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
