package engine

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

// dependencySource has what pruning must keep: a variable whose type an
// unexported function gives, an unexported method that makes a type
// satisfy an interface (protobuf's oneof wrappers), generic functions,
// fields of several names, function types, tables, an unexported variable
// that gives an exported one its type, an unexported type an exported
// signature names, an array whose length a variable gives. And what it
// must remove: an unexported function, an implementation type that only
// function bodies and an assertion name (with its methods), an unexported
// method nothing names, generic ones included.
const dependencySource = `package dep

import "strings"

type isMsg_Payload interface{ isMsg_Payload() }

type Msg struct{ Payload isMsg_Payload }

type Msg_Text struct{ Text string }

func (*Msg_Text) isMsg_Payload() {}

var DefaultClient = newClient("orders:8080")

type client struct{ addr string }

func newClient(addr string) *client { return &client{addr: strings.ToLower(addr)} }

func (c *client) Addr() string { return c.addr }

func helper(a, b int) (sum int) { return a + b }

func Map[T, U any](in []T, f func(T) U) (out []U) {
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

type Handler func(name, addr string) error

type Service interface {
	Call(ctx string, req *Msg) (resp *Msg, err error)
}

var Routes = []string{"/a", "/b"}

var Sizes = [...]int{1, 2, 3}

var Hook = func(x int) int { return x + 1 }

func init() { _ = helper(1, 2) }

type conn struct{ addr string }

func (c *conn) Close() error { return c.reset() }

func (c *conn) reset() error { return nil }

var _ interface{ Close() error } = (*conn)(nil)

func Dial(addr string) interface{ Close() error } { return &conn{addr: addr} }

func (m *Msg) validate() bool { return m.Payload != nil }

var defaultAddr = strings.Repeat("x", 2)

var Addr = defaultAddr

type options struct{ retries int }

func WithRetries(n int) options { return options{retries: n} }

var table [4]int

type Table [len(table)]byte

type Set[T comparable] struct{ m map[T]bool }

func (s *Set[T]) Has(v T) bool { return s.has(v) }

func (s *Set[T]) has(v T) bool { return s.m[v] }

type list[T any] struct{ items []T }

func (l *list[T]) Push(v T) { l.items = append(l.items, v) }
`

// TestPruneDependencyKeepsTheAPI checks a dependency with and without
// pruning: importers must see the same exported API, and the interface
// that an unexported method satisfies must still be satisfied.
func TestPruneDependencyKeepsTheAPI(t *testing.T) {
	check := func(prune bool) *types.Package {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "dep.go", dependencySource, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files := []*ast.File{f}
		if prune {
			dropBodies(f)
			pruneDependency(files)
		} else {
			unnameSignatures(f) // names aside, the API must be the same
		}
		var errs []string
		cfg := &types.Config{Importer: importer.Default(), IgnoreFuncBodies: true, Error: func(err error) { errs = append(errs, err.Error()) }}
		pkg, _ := cfg.Check("example.com/dep", fset, files, nil)
		if len(errs) > 0 {
			t.Errorf("prune=%v: type errors: %s", prune, strings.Join(errs, "; "))
		}
		return pkg
	}
	full, pruned := check(false), check(true)
	if got, want := api(pruned), api(full); !slices.Equal(got, want) {
		t.Errorf("pruned API differs:\n got %q\nwant %q", got, want)
	}
	iface := pruned.Scope().Lookup("isMsg_Payload").Type().Underlying().(*types.Interface)
	text := types.NewPointer(pruned.Scope().Lookup("Msg_Text").Type())
	if !types.Implements(text, iface) {
		t.Errorf("*Msg_Text no longer implements isMsg_Payload after pruning")
	}
	for _, name := range []string{"helper", "conn", "list"} {
		if pruned.Scope().Lookup(name) != nil {
			t.Errorf("%s was kept: nothing outside function bodies names it", name)
		}
	}
	for _, name := range []string{"newClient", "defaultAddr", "options", "table"} {
		if pruned.Scope().Lookup(name) == nil {
			t.Errorf("%s was removed: a declaration names it", name)
		}
	}
	for _, m := range []struct{ typ, method string }{{"Msg", "validate"}, {"Set", "has"}} {
		named := pruned.Scope().Lookup(m.typ).Type().(*types.Named)
		for method := range named.Methods() {
			if method.Name() == m.method {
				t.Errorf("%s.%s was kept: nothing names it", m.typ, m.method)
			}
		}
	}
}

// api lists what importers see of pkg: its exported objects, and their
// exported methods.
func api(pkg *types.Package) []string {
	qual := types.RelativeTo(pkg)
	var out []string
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		out = append(out, types.ObjectString(obj, qual))
		if named, ok := obj.Type().(*types.Named); ok {
			for m := range named.Methods() {
				if m.Exported() {
					out = append(out, types.ObjectString(m, qual))
				}
			}
		}
	}
	return out
}
