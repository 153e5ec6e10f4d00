package value_test

import (
	"go/ast"
	"sync"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/value"
	"golang.org/x/tools/go/packages"
)

// TestResolverConcurrent resolves every show(x) argument of package a from
// several goroutines sharing one Resolver, as go vet's and golangci-lint's
// drivers do when shareddb and syncclient run in parallel on one package:
// each must get what a Resolver used by one goroutine gives. Before the
// Resolver had a lock this failed with "concurrent map writes" or, worse,
// resolved a parameter as unknown when another goroutine was busy with it.
func TestResolverConcurrent(t *testing.T) {
	realModules(t)
	pkgs := load(t, "./a", false)
	if len(pkgs) != 1 {
		t.Fatalf("loading package a: %v", pkgs)
	}
	pkg := pkgs[0]
	args := showArguments(pkg.Syntax)
	if len(args) < 10 {
		t.Fatalf("package a has %d show(x) calls; the test needs a variety of them", len(args))
	}

	alone := value.New(pkg.TypesInfo, pkg.Syntax)
	want := make([]string, len(args))
	for i, arg := range args {
		want[i] = alone.Resolve(arg).String()
	}

	const goroutines = 8
	for round := range 20 {
		shared := value.New(pkg.TypesInfo, pkg.Syntax)
		got := make([][]string, goroutines)
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				got[g] = make([]string, len(args))
				// Different goroutines start at different arguments, so
				// that they meet inside the resolver's caches.
				for k := range args {
					i := (k + g*len(args)/goroutines) % len(args)
					got[g][i] = shared.Resolve(args[i]).String()
				}
			})
		}
		wg.Wait()
		for g := range goroutines {
			for i := range want {
				if got[g][i] != want[i] {
					t.Fatalf("round %d, goroutine %d: %s resolved to %s, alone to %s",
						round, g, pkg.Fset.Position(args[i].Pos()), got[g][i], want[i])
				}
			}
		}
	}
}

// load loads the packages of testdata/valuetest that pattern names, with
// their test variants when tests is set, and fails on any error.
func load(t *testing.T, pattern string, tests bool) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:   "testdata/valuetest",
		Tests: tests,
	}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range pkgs {
		if len(pkg.Errors) > 0 {
			t.Fatalf("loading %s: %v", pkg.ID, pkg.Errors)
		}
	}
	return pkgs
}

// showArguments returns the argument of every show(x) call, in source order.
func showArguments(files []*ast.File) []ast.Expr {
	var args []ast.Expr
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "show" {
				args = append(args, call.Args[0])
			}
			return true
		})
	}
	return args
}
