package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/netlearn/netlearn/cmd/i18n/internal/catalogsrc"
)

func TestCataloguesHaveTheSameKeys(t *testing.T) {
	en, zh := For(EN), For(ZH)
	if len(en.Keys()) == 0 {
		t.Fatal("the English catalogue is empty")
	}
	for _, k := range en.Keys() {
		if !zh.Has(k) {
			t.Errorf("key %q exists in English only", k)
		}
	}
	for _, k := range zh.Keys() {
		if !en.Has(k) {
			t.Errorf("key %q exists in Chinese only", k)
		}
	}
}

func TestCataloguesHaveTheSamePlaceholders(t *testing.T) {
	en, zh := For(EN), For(ZH)
	for _, k := range en.Keys() {
		if !zh.Has(k) {
			continue
		}
		pe := strings.Join(Placeholders(en.T(k)), " ")
		pz := strings.Join(Placeholders(zh.T(k)), " ")
		if pe != pz {
			t.Errorf("key %q: English has placeholders [%s], Chinese has [%s]", k, pe, pz)
		}
	}
}

func TestNoMessageIsEmpty(t *testing.T) {
	for _, lang := range Langs {
		c := For(lang)
		for _, k := range c.Keys() {
			if strings.TrimSpace(c.T(k)) == "" {
				t.Errorf("%s: key %q is empty", lang, k)
			}
		}
	}
}

// keyUseRE finds keys written literally at a call of T, e.g. tr.T("port.bad").
var keyUseRE = regexp.MustCompile(`\.T\(\s*"([^"]+)"\s*[,)]`)

// TestEveryKeyUsedInCodeExists scans the module's Go files, so a typo in a key
// fails here instead of showing the raw key to a learner.
func TestEveryKeyUsedInCodeExists(t *testing.T) {
	en := For(EN)
	eachSourceFile(t, func(path string, src []byte) {
		for _, m := range keyUseRE.FindAllStringSubmatch(string(src), -1) {
			if !en.Has(m[1]) {
				t.Errorf("%s uses key %q, which no catalogue defines", path, m[1])
			}
		}
	})
}

// eachSourceFile calls fn with every non-test Go file of the module,
// testdata left out.
func eachSourceFile(t *testing.T, fn func(path string, src []byte)) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join("..", ".."), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTFillsNamedPlaceholdersInAnyOrder(t *testing.T) {
	c := &Catalog{lang: ZH, entries: []entry{{"k", "{b} 然后 {a}"}}}
	if got := c.T("k", "a", 1, "b", "two"); got != "two 然后 1" {
		t.Errorf("T = %q", got)
	}
	if got := c.T("missing"); got != "missing" {
		t.Errorf("missing key = %q, want the key itself", got)
	}
}

// TestGeneratedCatalogIsCurrent fails while catalog_gen.go does not match
// the JSON catalogues, so an edited message never ships stale.
func TestGeneratedCatalogIsCurrent(t *testing.T) {
	langs := make([]string, len(Langs))
	catalogues := map[string]map[string]string{}
	for i, lang := range Langs {
		langs[i] = string(lang)
		msgs, err := catalogsrc.Load(os.DirFS("locales"), string(lang))
		if err != nil {
			t.Fatal(err)
		}
		catalogues[string(lang)] = msgs
	}
	want, err := catalogsrc.Render(langs, catalogues)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("catalog_gen.go is out of date with locales/*/*.json: run `go generate ./cmd/i18n`")
	}
}

func TestLookupFindsEveryKeyAndNoOther(t *testing.T) {
	c := For(EN)
	for _, k := range c.Keys() {
		if !c.Has(k) {
			t.Errorf("Has(%q) = false for a listed key", k)
		}
	}
	for _, k := range []string{"", "root", "root.short.", "zzz.nothing"} {
		if c.Has(k) {
			t.Errorf("Has(%q) = true", k)
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		name     string
		explicit string
		env      map[string]string
		osLang   func() string
		want     Lang
		wantErr  bool
	}{
		{"nothing set", "", nil, nil, EN, false},
		{"LANG zh", "", map[string]string{"LANG": "zh_CN.UTF-8"}, nil, ZH, false},
		{"LC_ALL beats LANG", "", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, nil, EN, false},
		{"LC_MESSAGES beats LANG", "", map[string]string{"LC_MESSAGES": "zh_TW", "LANG": "C"}, nil, ZH, false},
		{"NETLEARN_LANG beats all", "", map[string]string{"NETLEARN_LANG": "zh", "LC_ALL": "en_US"}, nil, ZH, false},
		{"C locale is English", "", map[string]string{"LANG": "C.UTF-8"}, nil, EN, false},
		{"flag beats env", "en", map[string]string{"NETLEARN_LANG": "zh"}, nil, EN, false},
		{"flag with region", "zh-CN", nil, nil, ZH, false},
		{"bad flag", "fr", nil, nil, "", true},
		{"Chinese Windows or macOS, no variables", "", nil, func() string { return "zh-Hans-CN" }, ZH, false},
		{"the OS language comes after LANG", "", map[string]string{"LANG": "en_US.UTF-8"}, func() string { return "zh" }, EN, false},
		{"an OS language other than zh is English", "", nil, func() string { return "de" }, EN, false},
		{"nothing readable from the OS", "", nil, func() string { return "" }, EN, false},
	}
	for _, c := range cases {
		got, err := Detect(c.explicit, env(c.env), c.osLang)
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("%s: Detect = %q, %v; want %q, error %v", c.name, got, err, c.want, c.wantErr)
		}
	}
}

func TestWindowsLangName(t *testing.T) {
	for id, want := range map[uint16]string{0x0804: "zh", 0x0404: "zh", 0x0c04: "zh", 0x0409: "en", 0x0809: "en", 0x0407: "", 0: ""} {
		if got := windowsLangName(id); got != want {
			t.Errorf("LANGID %#04x: %q, want %q", id, got, want)
		}
	}
}

func TestFirstAppleLanguage(t *testing.T) {
	for out, want := range map[string]string{
		"(\n    \"zh-Hans-CN\",\n    en\n)\n": "zh-Hans-CN",
		"(\n    \"en-US\"\n)\n":               "en-US",
		"(\n    en\n)":                        "en",
		"()":                                  "",
		"":                                    "",
	} {
		if got := firstAppleLanguage(out); got != want {
			t.Errorf("%q: %q, want %q", out, got, want)
		}
	}
}

// FuzzParse feeds arbitrary --lang values: Parse must never panic and must
// answer exactly one of zh, en or an error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"zh", "en", "zh_CN.UTF-8", "EN-us", "", "fr", "z", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lang, err := Parse(s)
		if (err == nil) == (lang == "") {
			t.Fatalf("Parse(%q) = %q, %v", s, lang, err)
		}
		if err == nil && lang != ZH && lang != EN {
			t.Fatalf("Parse(%q) = %q", s, lang)
		}
	})
}

// TestChineseQuotesAndParenthesesAreFullWidth: Chinese prose quotes with
// “…” (one style: not "…", not 「…」) and puts （…） after Chinese text.
// Code (demo.py.*) keeps Python's quotes; exercise.known.addr-in-use quotes
// Windows' own Chinese message, which has ASCII parentheses.
func TestChineseQuotesAndParenthesesAreFullWidth(t *testing.T) {
	asciiQuoted := regexp.MustCompile(`(^|[^(\w])"\{\w+\}"`)
	asciiParen := regexp.MustCompile(`\p{Han}[()]`)
	zh := For(ZH)
	for _, k := range zh.Keys() {
		msg := zh.T(k)
		if strings.HasPrefix(k, "demo.py.") || k == "exercise.known.addr-in-use" {
			continue
		}
		if m := asciiQuoted.FindString(msg); m != "" {
			t.Errorf("%s: %q quotes with ASCII quotes; use “…”", k, m)
		}
		if strings.ContainsAny(msg, "「」") {
			t.Errorf("%s: 「…」 in %q; use “…”", k, msg)
		}
		if m := asciiParen.FindString(msg); m != "" {
			t.Errorf("%s: %q: use （…） after Chinese text", k, m)
		}
	}
}
