package directive_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/directive"
)

const src = `package p

import (
	//couplingvet:allow crossimport legacy totals, removed in Q3
	_ "a/b"
	_ "c/d" //couplingvet:allow crossimport same line // nolint:foo
)

//couplingvet:allow syncclient
var x = 1

//couplingvet:allowed crossimport not a directive: the prefix must end at a space
var y = 2

// couplingvet:allow crossimport a space after // makes it prose, as for //go: directives
var z = 3
`

func parse(t *testing.T) (*token.FileSet, *ast.File) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f
}

func TestParse(t *testing.T) {
	fset, f := parse(t)
	set := directive.Parse(fset, []*ast.File{f})
	type want struct {
		line          int
		check, reason string
	}
	wants := []want{
		{4, "crossimport", "legacy totals, removed in Q3"},
		{6, "crossimport", "same line"},
		{9, "syncclient", ""},
	}
	got := set.All()
	if len(got) != len(wants) {
		t.Fatalf("got %d directives, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		if d := got[i]; d.Line != w.line || d.Check != w.check || d.Reason != w.reason {
			t.Errorf("directive %d = line %d %q %q, want line %d %q %q", i, d.Line, d.Check, d.Reason, w.line, w.check, w.reason)
		}
	}
}

func TestSuppress(t *testing.T) {
	fset, f := parse(t)
	set := directive.Parse(fset, []*ast.File{f})
	line := func(n int) token.Pos { return fset.File(f.Pos()).LineStart(n) }

	if d := set.Suppress("crossimport", line(5)); d == nil || d.Line != 4 {
		t.Errorf("a directive on the line above must suppress: got %v", d)
	}
	if d := set.Suppress("crossimport", line(6)); d == nil || d.Line != 6 {
		t.Errorf("a directive on the same line must suppress: got %v", d)
	}
	if d := set.Suppress("syncclient", line(5)); d != nil {
		t.Errorf("a directive must suppress only its own check: got %v", d)
	}
	if d := set.Suppress("syncclient", line(10)); d != nil {
		t.Errorf("a directive without a reason must suppress nothing: got %v", d)
	}
	if d := set.Suppress("crossimport", line(7)); d == nil || d.Line != 6 {
		t.Errorf("line 7 is below the same-line directive of line 6: got %v", d)
	}
	if d := set.Suppress("crossimport", line(12)); d != nil {
		t.Errorf("nothing applies two lines down: got %v", d)
	}
	used := 0
	for _, d := range set.All() {
		if d.Used() {
			used++
		}
	}
	if used != 2 {
		t.Errorf("%d directives used, want 2 (the two crossimport ones)", used)
	}
	if n := len(set.ForCheck("crossimport")); n != 2 {
		t.Errorf("ForCheck(crossimport) = %d directives, want 2", n)
	}
}
