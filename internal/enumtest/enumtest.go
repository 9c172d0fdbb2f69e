// Package enumtest lets a package's tests check that its complete list of
// an enum (AllReasons, AllRules and the like) really is complete. The
// command layer builds message keys from these values ("ping.reason_" +
// reason), so a value missing from the list would escape the key tests and
// show a raw key to the learner. The check reads the package's own source.
package enumtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Values returns, sorted and without repeats, the values of the string
// constants declared in the non-test Go files of the package in the
// current directory (a test's working directory is its package's) that
// are of type typeName, or untyped with a name starting with typeName.
func Values(t *testing.T, typeName string) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var values []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		values = append(values, fileValues(f, typeName)...)
	}
	slices.Sort(values)
	return slices.Compact(values)
}

func fileValues(f *ast.File, typeName string) []string {
	var values []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			typed := false
			if id, ok := vs.Type.(*ast.Ident); ok {
				if id.Name != typeName {
					continue
				}
				typed = true
			}
			for i, name := range vs.Names {
				if i >= len(vs.Values) || (!typed && (vs.Type != nil || !strings.HasPrefix(name.Name, typeName))) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if v, err := strconv.Unquote(lit.Value); err == nil {
						values = append(values, v)
					}
				}
			}
		}
	}
	return values
}

// Complete fails t unless list holds every value Values finds for
// typeName, and nothing else.
func Complete[S ~string](t *testing.T, typeName string, list []S) {
	t.Helper()
	got := make([]string, len(list))
	for i, v := range list {
		got[i] = string(v)
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if want := Values(t, typeName); !slices.Equal(got, want) {
		t.Errorf("the complete list of %s holds %q; the source declares %q", typeName, got, want)
	}
}
