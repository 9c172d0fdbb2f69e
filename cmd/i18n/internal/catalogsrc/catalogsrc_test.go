package catalogsrc

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMergesFilesAndRejectsAKeyDefinedTwice(t *testing.T) {
	fsys := fstest.MapFS{
		"en/a.json": {Data: []byte(`{"a.x": "one"}`)},
		"en/b.json": {Data: []byte(`{"b.y": "two"}`)},
		"zh/a.json": {Data: []byte(`{"a.x": "一"}`)},
		"zh/b.json": {Data: []byte(`{"a.x": "二"}`)},
	}
	en, err := Load(fsys, "en")
	if err != nil || len(en) != 2 || en["b.y"] != "two" {
		t.Errorf("Load(en) = %v, %v", en, err)
	}
	if _, err := Load(fsys, "zh"); err == nil || !strings.Contains(err.Error(), `"a.x"`) {
		t.Errorf("Load(zh) = %v, want a duplicate-key error naming a.x", err)
	}
	if _, err := Load(fsys, "fr"); err == nil {
		t.Error("Load of a language with no files succeeded")
	}
}

func TestLoadNamesTheBrokenFile(t *testing.T) {
	fsys := fstest.MapFS{"en/bad.json": {Data: []byte(`{"a": `)}}
	if _, err := Load(fsys, "en"); err == nil || !strings.Contains(err.Error(), "en/bad.json") {
		t.Errorf("Load = %v, want an error naming en/bad.json", err)
	}
}

func TestRenderIsSortedValidGo(t *testing.T) {
	src, err := Render([]string{"en"}, map[string]map[string]string{
		"en": {"b.key": "say \"hi\"\n", "a.key": "{x} ok"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, 0); err != nil {
		t.Fatalf("rendered source does not parse: %v\n%s", err, src)
	}
	text := string(src)
	if strings.Index(text, `"a.key"`) > strings.Index(text, `"b.key"`) {
		t.Errorf("entries are not sorted by key:\n%s", text)
	}
	if !strings.Contains(text, `"say \"hi\"\n"`) {
		t.Errorf("message not quoted as a Go string:\n%s", text)
	}
}
