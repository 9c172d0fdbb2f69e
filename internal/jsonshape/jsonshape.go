// Package jsonshape pins the shape of netlearn's --json output: the name
// and JSON type of every field, read from the Go type a command encodes.
// The README promises that fields are never renamed or removed; a golden
// file per command under testdata/json makes any such change fail a test.
// Golden files are refreshed only with UPDATE_SCRIPTS=1, like the scripts.
package jsonshape

import (
	"encoding"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Of lists the shape of v's type, one "path type" line per field, sorted.
// A path is made of .name for an object field (with ? when omitempty may
// leave it out), [] for the elements of an array and {} for the values of
// a map; a type is string, number, bool, object, array, map or any.
func Of(v any) []string {
	var lines []string
	walk(reflect.TypeOf(v), "", &lines, map[reflect.Type]bool{})
	slices.Sort(lines)
	return lines
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
)

func walk(t reflect.Type, path string, lines *[]string, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	add := func(kind string) { *lines = append(*lines, strings.TrimSpace(path+" "+kind)) }
	switch {
	case t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler),
		t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler):
		add("string") // time.Time, netip.Addr and the like encode as text
		return
	}
	switch t.Kind() {
	case reflect.String:
		add("string")
	case reflect.Bool:
		add("bool")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		add("number")
	case reflect.Slice, reflect.Array:
		add("array")
		walk(t.Elem(), path+"[]", lines, seen)
	case reflect.Map:
		add("map")
		walk(t.Elem(), path+"{}", lines, seen)
	case reflect.Struct:
		if seen[t] {
			add("object (recursive)")
			return
		}
		seen[t] = true
		defer delete(seen, t)
		if path != "" {
			add("object")
		}
		fields(t, path, lines, seen)
	default:
		add("any")
	}
}

// fields walks a struct's fields as encoding/json sees them: exported,
// named by their tag, embedded structs without a tag flattened.
func fields(t reflect.Type, path string, lines *[]string, seen map[reflect.Type]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				fields(ft, path, lines, seen)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		if strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero") {
			name += "?"
		}
		walk(f.Type, path+"."+name, lines, seen)
	}
}

// Check compares the shape of v's type with the golden file
// testdata/json/<name>.shape at the module's root, or writes that file
// when UPDATE_SCRIPTS=1.
func Check(t *testing.T, name string, v any) {
	t.Helper()
	file := filepath.Join(moduleRoot(t), "testdata", "json", name+".shape")
	got := strings.Join(Of(v), "\n") + "\n"
	if os.Getenv("UPDATE_SCRIPTS") == "1" {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run the tests with UPDATE_SCRIPTS=1 to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the --json shape of %s changed; JSON fields are a stable interface (README).\n%s"+
			"If the change is meant (a field added), refresh with UPDATE_SCRIPTS=1.", name, diff(string(want), got))
	}
}

// Conforms checks that every field of a real --json document (one JSON
// value, or JSON Lines) is in the shape of v's type, so the golden file is
// the shape of what the command really prints.
func Conforms(t *testing.T, v any, output []byte) {
	t.Helper()
	known := map[string]bool{}
	for _, line := range Of(v) {
		path, _, _ := strings.Cut(line, " ")
		known[strings.ReplaceAll(path, "?", "")] = true
	}
	dec := json.NewDecoder(strings.NewReader(string(output)))
	for dec.More() {
		var doc any
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, output)
		}
		for _, p := range paths(doc, "") {
			if !known[p] {
				t.Errorf("the output has %q, which the golden type does not", p)
			}
		}
	}
}

func paths(v any, path string) []string {
	var out []string
	if path != "" {
		out = append(out, path)
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			out = append(out, paths(e, path+"."+k)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, paths(e, path+"[]")...)
		}
	}
	return out
}

// diff lists the lines only in want (-) and only in got (+).
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if l != "" && !slices.Contains(g, l) {
			fmt.Fprintf(&b, "  - %s\n", l)
		}
	}
	for _, l := range g {
		if l != "" && !slices.Contains(w, l) {
			fmt.Fprintf(&b, "  + %s\n", l)
		}
	}
	return b.String()
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
