package engine_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/engine"
	"golang.org/x/tools/go/analysis"
)

// importsAnalyzer reports every import of the store package and returns the
// number of files it saw, so that the test can see diagnostics, results and
// test variants.
var importsAnalyzer = &analysis.Analyzer{
	Name: "imports",
	Doc:  "reports imports of example.com/shop/services/orders/store",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, spec := range f.Imports {
				if spec.Path.Value == `"example.com/shop/services/orders/store"` {
					pass.Reportf(spec.Pos(), "imports store")
				}
			}
		}
		return len(pass.Files), nil
	},
	ResultType: reflectInt,
}

func TestRunShop(t *testing.T) {
	dir, _ := filepath.Abs("../testdata/shop")
	res, err := engine.Run(context.Background(), engine.Options{
		Dir:   dir,
		Tests: true,
		Env:   goEnv(),
	}, []*analysis.Analyzer{importsAnalyzer})
	if err != nil {
		t.Fatal(err)
	}

	// The in-package test of cart makes cart load twice; its import is reported once.
	var got []string
	for _, d := range res.Diagnostics {
		rel, _ := filepath.Rel(dir, d.File)
		got = append(got, rel+":"+itoa(d.Line)+":"+itoa(d.Column)+" "+d.Package+" "+d.Message)
	}
	want := []string{
		"cmd/all-in-one/main.go:10:2 example.com/shop/cmd/all-in-one imports store",
		"cmd/orders/main.go:9:2 example.com/shop/cmd/orders imports store",
		"pkg/reporting/reporting.go:7:2 example.com/shop/pkg/reporting imports store",
		"services/checkout/cart/cart.go:7:2 example.com/shop/services/checkout/cart imports store",
		"services/orders/store/store_test.go:6:2 example.com/shop/services/orders/store_test imports store",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got: %q\nwant: %q", got, want)
	}

	ids := map[string]bool{}
	for _, p := range res.Packages {
		ids[p.ID] = true
		if p.Module == nil || p.Module.Path != "example.com/shop" {
			t.Errorf("package %s: module %+v, want example.com/shop", p.ID, p.Module)
		}
		if strings.HasSuffix(p.ID, ".test") {
			t.Errorf("generated test main %s was analysed", p.ID)
		}
	}
	for _, id := range []string{"example.com/shop/services/checkout/cart", "example.com/shop/services/checkout/cart [example.com/shop/services/checkout/cart.test]", "example.com/shop/services/orders/store_test [example.com/shop/services/orders/store.test]"} {
		if !ids[id] {
			t.Errorf("package %q was not analysed", id)
		}
	}
	if n := len(res.Paths()); n != 18 {
		t.Errorf("Paths() has %d import paths, want 18: %q", n, res.Paths())
	}
	if len(res.Modules) != 1 || res.Modules[0].Dir != dir {
		t.Errorf("modules = %+v, want one at %s", res.Modules, dir)
	}
	if f := res.Failures(); len(f) > 0 {
		t.Errorf("failures: %+v", f)
	}

	// Results are kept per package, test variants included, except that
	// cart borrows the analysis of its test variant, which covers its files
	// too: like go vet, the engine analyses cart's files once.
	results := res.ResultsOf(importsAnalyzer)
	files := map[string]int{}
	for _, r := range results {
		files[r.Package.ID] = r.Value.(int)
	}
	if _, ok := files["example.com/shop/services/checkout/cart"]; ok || files["example.com/shop/services/checkout/cart [example.com/shop/services/checkout/cart.test]"] != 2 || files["example.com/shop/services/checkout"] != 2 {
		t.Errorf("file counts per variant: %v (want none for cart, 2 for its test variant and 2 for checkout)", files)
	}
}

func TestRunNoPackages(t *testing.T) {
	dir, _ := filepath.Abs("../testdata/shop")
	for _, patterns := range [][]string{{"./no/such/..."}, {"net/http"}, {"google.golang.org/grpc"}} {
		_, err := engine.Run(context.Background(), engine.Options{Dir: dir, Patterns: patterns, Env: goEnv()}, []*analysis.Analyzer{importsAnalyzer})
		if err == nil || !strings.Contains(err.Error(), "no packages matched") {
			t.Errorf("%v: err = %v, want no packages matched", patterns, err)
		}
	}
}
