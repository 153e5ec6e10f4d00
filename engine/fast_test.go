package engine_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/internal/testtree"
)

// TestFastMatchesChecker runs couplingvet's analyzers over the example
// monorepos with both implementations and compares everything the
// downstream code reads: diagnostics, packages, failures and results.
func TestFastMatchesChecker(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		patterns []string
		tests    bool
	}{
		{"../testdata/shop", nil, true},
		{"../testdata/shop", nil, false},
		{"../testdata/shop", []string{"./services/..."}, true},
		{"../testdata/workspace", []string{"work"}, true},
	} {
		t.Run(fmt.Sprint(tc.dir, tc.patterns, tc.tests), func(t *testing.T) {
			dir, _ := filepath.Abs(tc.dir)
			opts := engine.Options{Dir: dir, Patterns: tc.patterns, Tests: tc.tests, Env: offline()}
			want, err := engine.RunChecker(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			var stored, left int
			engine.WatchFacts(&stored, &left)
			defer engine.WatchFacts(new(int), new(int))
			got, err := engine.RunFast(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Diagnostics) == 0 {
				t.Fatal("the reference found nothing: the comparison would prove nothing")
			}
			compareResults(t, got, want)
			// Facts go once every package that may ask for them is done:
			// kept to the end, they held every package's types.
			if left != 0 {
				t.Errorf("the run held %d of its %d facts at its end, want none", left, stored)
			}
			if stored == 0 && tc.dir == "../testdata/shop" {
				t.Error("the run stored no facts: the shop's wrappers export some")
			}
		})
	}
}

func compareResults(t *testing.T, got, want *engine.Result) {
	t.Helper()
	diags := func(r *engine.Result) []string {
		var out []string
		for _, d := range r.Diagnostics {
			out = append(out, fmt.Sprintf("%s:%d:%d-%d:%d %s %s %s [%s] %s", d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Analyzer, d.Package, d.Category, d.Raw.URL, d.Message))
		}
		return out
	}
	if g, w := diags(got), diags(want); !slices.Equal(g, w) {
		t.Errorf("diagnostics differ:\n got: %q\nwant: %q", g, w)
	}
	pkgs := func(r *engine.Result) []string {
		var out []string
		for _, p := range r.Packages {
			mod := "<nil>"
			if p.Module != nil {
				mod = p.Module.Path + "@" + p.Module.Dir
			}
			out = append(out, fmt.Sprintf("%s %s %s %s %s results=%d failed=%d", p.ID, p.Path, p.Name, p.Dir, mod, len(p.Results), len(p.Failed)))
		}
		return out
	}
	if g, w := pkgs(got), pkgs(want); !slices.Equal(g, w) {
		t.Errorf("packages differ:\n got: %q\nwant: %q", g, w)
	}
	if g, w := fmt.Sprint(got.Failures()), fmt.Sprint(want.Failures()); g != w {
		t.Errorf("failures differ:\n got: %s\nwant: %s", g, w)
	}
	if g, w := fmt.Sprint(got.Modules), fmt.Sprint(want.Modules); g != w {
		t.Errorf("modules differ:\n got: %s\nwant: %s", g, w)
	}
	conns := func(r *engine.Result) []string {
		var out []string
		for _, pr := range r.ResultsOf(shareddb.Analyzer) {
			for _, c := range shareddb.Connections(pr.Value) {
				out = append(out, fmt.Sprintf("%s %+v", pr.Package.ID, c))
			}
		}
		return out
	}
	if g, w := conns(got), conns(want); !slices.Equal(g, w) {
		t.Errorf("shareddb connections differ:\n got: %q\nwant: %q", g, w)
	}
}

// TestCache runs the cached engine over a copy of the shop example: cold,
// warm (nothing changed: no go list, no type-checking), after an edit of a
// function body (only that package analysed, without go list), and after an
// edit that adds an import (go list again). Each time it must find what
// the engine finds without a cache.
func TestCache(t *testing.T) {
	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, t.TempDir())
	cache := t.TempDir()
	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	ctx := context.Background()
	opts := engine.Options{Dir: dir, Tests: true, Env: offline()}

	budgets := make(chan uint64, 100)
	defer engine.WatchBudgets(nil)
	check := func(step string, listed bool, maxAnalysed int) {
		t.Helper()
		engine.WatchStats(new(engine.Stats))                      // the reference's stats do not count
		engine.WatchBudgets(nil)                                  // nor its memory budget
		want, err := engine.RunFast(ctx, opts, suite.Analyzers()) // without a cache; TestFastMatchesChecker holds it to the checker
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Diagnostics) == 0 {
			t.Fatalf("%s: the reference found nothing: the comparison would prove nothing", step)
		}
		engine.WatchStats(&stats)
		engine.WatchBudgets(budgets)
		got, err := engine.RunCached(ctx, opts, cache, "map-digest", suite.Analyzers())
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v", step, stats)
		compareResults(t, got, want)
		if stats.Listed != listed {
			t.Errorf("%s: ran go list = %v, want %v", step, stats.Listed, listed)
		}
		if stats.Analysed > maxAnalysed {
			t.Errorf("%s: analysed %d packages, want at most %d", step, stats.Analysed, maxAnalysed)
		}
	}
	check("cold", true, 1000)
	if stats.Analysed < 18 {
		t.Errorf("cold run analysed %d packages, want every one (≥ 18)", stats.Analysed)
	}
	// A cold run paces the collector against a budget; nothing else does.
	select {
	case b := <-budgets:
		if b < 64<<20 {
			t.Errorf("cold run: memory budget %d MB, want at least the 64 MB floor", b>>20)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("cold run set no memory budget within 10 s")
	}
	check("warm", false, 0)
	if stats.Checked != 0 {
		t.Errorf("warm run type-checked %d packages, want none", stats.Checked)
	}
	if len(budgets) > 0 {
		t.Errorf("warm run set a memory budget, want none (it type-checks nothing)")
	}

	// A new violation in a function body: inventory opens payments' database.
	inv := filepath.Join(dir, "services/inventory/inventory.go")
	appendFile(t, inv, "\nfunc openPayments() (*sql.DB, error) {\n\treturn sql.Open(\"postgres\", \"postgres://u:p@payments-db:5432/payments\")\n}\n")
	check("body edit", false, 1) // inventory only: its API did not change

	// A new import changes the graph: go list runs again.
	appendFile(t, filepath.Join(dir, "services/payments/payments.go"), "\nvar _ = strings.ToUpper\n")
	replaceInFile(t, filepath.Join(dir, "services/payments/payments.go"), "import (", "import (\n\t\"strings\"")
	check("import edit", true, 1)

	// An API change re-analyses the importers: cmd/orders, all-in-one and
	// the test of store (store's own test variant and store itself too).
	appendFile(t, filepath.Join(dir, "services/orders/store/store.go"), "\n// Extra is new API.\nfunc Extra() int { return 1 }\n")
	check("API edit", false, 12)
	if stats.Analysed < 3 {
		t.Errorf("API edit: analysed %d packages, want the importers of store too", stats.Analysed)
	}

	// A new package (a new directory) changes the graph: go list runs and
	// finds it; its import of orders' private store is a finding.
	if err := os.MkdirAll(filepath.Join(dir, "services/checkout/legacy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "services/checkout/legacy/legacy.go"), []byte("package legacy\n\nimport \"example.com/shop/services/orders/store\"\n\nvar _ = store.Open\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("new package", true, 1)

	// The caller's key (the map) changes: everything is analysed again.
	if _, err := engine.RunCached(ctx, opts, cache, "another-map", suite.Analyzers()); err != nil || stats.Analysed < 18 {
		t.Errorf("new key: err %v, analysed %d, want every package", err, stats.Analysed)
	}
}
