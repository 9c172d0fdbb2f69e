package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tCall is one call of T found in the source: the key, or the literal
// start of a key built at run time, and the placeholder names it supplies.
type tCall struct {
	where    string
	key      string
	prefix   bool // key is only the literal start of the key
	plural   bool // a call of N, which may also look up key+"_one"
	supplied []string
}

// TestEveryCallSuppliesEveryPlaceholder reads every call of T in the
// module and checks that it names every {placeholder} of its message, in
// both languages; a missing one would show "{port}" to the learner. A key
// built at run time ("ping.reason_" + reason) must supply the placeholders
// of every key it can become.
func TestEveryCallSuppliesEveryPlaceholder(t *testing.T) {
	calls, unchecked := findTCalls(t)
	if len(calls) < 300 {
		t.Fatalf("found only %d calls of T: is the scan broken?", len(calls))
	}
	t.Logf("%d calls checked, %d with a key or names only known at run time", len(calls), unchecked)
	for _, c := range calls {
		for _, lang := range Langs {
			cat := For(lang)
			for _, key := range c.keys(cat) {
				msg, _ := cat.lookup(key)
				for _, p := range Placeholders(msg) {
					if !slices.Contains(c.supplied, strings.Trim(p, "{}")) {
						t.Errorf("%s: %s message %q needs %s, which the call does not supply", c.where, lang, key, p)
					}
				}
			}
		}
	}
}

// keys are the catalogue keys the call can look up.
func (c tCall) keys(cat *Catalog) []string {
	if !c.prefix {
		if c.plural && cat.Has(c.key+"_one") {
			return []string{c.key, c.key + "_one"}
		}
		return []string{c.key}
	}
	var keys []string
	for _, k := range cat.Keys() {
		if strings.HasPrefix(k, c.key) {
			keys = append(keys, k)
		}
	}
	return keys
}

// findTCalls parses the module's Go files (tests and testdata left out) for
// calls of a method T or N, or of a local t := tr.T. Calls whose key does not
// start with a literal, or whose names are not literals, are only counted.
func findTCalls(t *testing.T) (calls []tCall, unchecked int) {
	fset := token.NewFileSet()
	eachSourceFile(t, func(path string, src []byte) {
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isT(call.Fun) || len(call.Args) == 0 {
				return true
			}
			c, ok := parseTCall(call)
			if !ok {
				unchecked++
				return true
			}
			c.where = fset.Position(call.Pos()).String()
			calls = append(calls, c)
			return true
		})
	})
	return calls, unchecked
}

func isT(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name == "T" || f.Sel.Name == "N"
	case *ast.Ident:
		return f.Name == "t"
	}
	return false
}

func parseTCall(call *ast.CallExpr) (tCall, bool) {
	var c tCall
	first := 1 // where the name/value pairs start
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "N" {
		c.plural, first = true, 2 // N(key, n, pairs...)
	}
	switch k := call.Args[0].(type) {
	case *ast.BasicLit:
		c.key, _ = strconv.Unquote(k.Value)
	case *ast.BinaryExpr:
		lit, ok := leftmost(k).(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return c, false
		}
		c.key, _ = strconv.Unquote(lit.Value)
		c.prefix = true
	default:
		return c, false
	}
	if call.Ellipsis.IsValid() {
		return c, false
	}
	for i := first; i < len(call.Args); i += 2 {
		lit, ok := call.Args[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return c, false
		}
		name, _ := strconv.Unquote(lit.Value)
		c.supplied = append(c.supplied, name)
	}
	return c, true
}

// leftmost is the first operand of a chain of + (a + b + c).
func leftmost(e ast.Expr) ast.Expr {
	for {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			return e
		}
		e = b.X
	}
}
