package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
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
		// One service's module, whose shared code is a sibling module
		// reached through a replace directive: the checker analyses every
		// dependency, the fast engine the ones the map claims (Own).
		{"../testdata/modules/checkout", nil, true},
	} {
		t.Run(fmt.Sprint(tc.dir, tc.patterns, tc.tests), func(t *testing.T) {
			dir, _ := filepath.Abs(tc.dir)
			opts := engine.Options{Dir: dir, Patterns: tc.patterns, Tests: tc.tests, Env: goEnv(), Own: mapOf(t, dir).IsRepoPackage}
			want, err := engine.RunChecker(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			var stored, left int
			engine.WatchFacts(&stored, &left)
			defer engine.WatchFacts(new(int), new(int))
			var held []string
			engine.WatchHeld(&held)
			defer engine.WatchHeld(new([]string))
			got, err := engine.RunFast(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Diagnostics) == 0 {
				t.Fatal("the reference found nothing: the comparison would prove nothing")
			}
			compareResults(t, got, want)
			if tc.tests && tc.patterns == nil && tc.dir == "../testdata/shop" {
				// httpx, imported for GetJSON's facts, borrows the analysis
				// of its test variant (no results of its own): the
				// comparison covers facts carried over from the variant.
				for _, p := range got.Packages {
					if p.ID == "example.com/shop/pkg/httpx" && len(p.Results) > 0 {
						t.Error("httpx was analysed on its own, not through its test variant")
					}
				}
			}
			// Facts go once every package that may ask for them is done:
			// kept to the end, they held every package's types.
			if left != 0 {
				t.Errorf("the run held %d of its %d facts at its end, want none", left, stored)
			}
			// Types go once their last importer is type-checked: held to
			// the end, memory grows with the repository.
			if len(held) > 0 {
				t.Errorf("the run held the types of %d packages at its end, want none: %q", len(held), held)
			}
			if stored == 0 && tc.dir != "../testdata/workspace" {
				t.Error("the run stored no facts: the wrappers of the shop and of the shared sibling module export some")
			}
		})
	}
}

// mapOf loads the boundary map that governs dir, as cmd/couplingvet does.
func mapOf(t *testing.T, dir string) *boundaries.Map {
	t.Helper()
	path, err := boundaries.Find(dir)
	if err != nil || path == "" {
		t.Fatalf("no map above %s: %v", dir, err)
	}
	m, err := boundaries.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
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
			out = append(out, fmt.Sprintf("%s %s %s %s %s failed=%d", p.ID, p.Path, p.Name, p.Dir, mod, len(p.Failed)))
		}
		return out
	}
	if g, w := pkgs(got), pkgs(want); !slices.Equal(g, w) {
		t.Errorf("packages differ:\n got: %q\nwant: %q", g, w)
	}
	// A package whose test variant lends it its analysis has no results
	// of its own: count them per import path, test variants merged.
	results := func(r *engine.Result) []string {
		byPath := map[string]int{}
		for _, p := range r.Packages {
			byPath[p.Path] = max(byPath[p.Path], len(p.Results))
		}
		var out []string
		for path, n := range byPath {
			out = append(out, fmt.Sprintf("%s results=%d", path, n))
		}
		slices.Sort(out)
		return out
	}
	if g, w := results(got), results(want); !slices.Equal(g, w) {
		t.Errorf("results differ:\n got: %q\nwant: %q", g, w)
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
				out = append(out, fmt.Sprintf("%s %+v", pr.Package.Path, c))
			}
		}
		slices.Sort(out) // each variant reports the connections in p's files
		return slices.Compact(out)
	}
	if g, w := conns(got), conns(want); !slices.Equal(g, w) {
		t.Errorf("shareddb connections differ:\n got: %q\nwant: %q", g, w)
	}
}

// TestPrunedDependenciesMatchTheChecker type-checks the dependencies from
// source (an empty build cache: no export data), pruned, and holds the
// outcome to the checker's, which type-checks them whole. Then pruning is
// made to break every dependency: each is checked whole again, and none is
// reported as broken.
func TestPrunedDependenciesMatchTheChecker(t *testing.T) {
	dir, _ := filepath.Abs("../testdata/shop")
	opts := engine.Options{Dir: dir, Tests: true, Env: append(goEnv(), "GOCACHE="+t.TempDir()), Own: mapOf(t, dir).IsRepoPackage}
	want, err := engine.RunChecker(context.Background(), opts, suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Diagnostics) == 0 {
		t.Fatal("the reference found nothing: the comparison would prove nothing")
	}
	var stats engine.Stats
	engine.WatchStats(&stats)
	defer engine.WatchStats(new(engine.Stats))
	for _, tooMuch := range []bool{false, true} {
		if tooMuch {
			defer engine.PruneTooMuch()()
		}
		got, err := engine.RunFast(context.Background(), opts, suite.Analyzers())
		if err != nil {
			t.Fatal(err)
		}
		if stats.FromExport {
			t.Fatal("the dependencies came from export data, not from pruned source")
		}
		if len(got.DependencyErrors) > 0 {
			t.Errorf("pruning too much=%v: dependencies reported broken: %v", tooMuch, got.DependencyErrors)
		}
		compareResults(t, got, want)
	}
}

// TestBorrowFallsBackOnABrokenTest breaks the in-package test of httpx, a
// package whose test variant otherwise lends it its analysis: httpx is then
// analysed on its own, so its facts still reach shipping, whose call
// through httpx.GetJSON stays reported, and the broken test is a failure.
func TestBorrowFallsBackOnABrokenTest(t *testing.T) {
	got := runBothOnShop(t, map[string]string{
		"pkg/httpx/broken_test.go": "package httpx\n\nvar broken int = \"not an int\"\n",
	})
	if !hasDiagnostic(got, "shipping.go", "http GET http://inventory:8080/v1/stock/{sku} via pkg/httpx.GetJSON") {
		t.Errorf("shipping's call to inventory through httpx.GetJSON is not reported (%d diagnostics)", len(got.Diagnostics))
	}
	for _, p := range got.Packages {
		if p.ID == "example.com/shop/pkg/httpx" && len(p.Results) == 0 {
			t.Error("httpx has no results: it borrowed the analysis of its broken test variant")
		}
	}
	if f := fmt.Sprint(got.Failures()); !strings.Contains(f, "broken_test.go") {
		t.Errorf("failures %s do not name the broken test", f)
	}
}

// TestBorrowKeepsWhatTestsOverride gives shipping a call to orders through
// a package-level URL that its in-package test overrides, the usual
// httptest idiom. shipping borrows the analysis of its test variant, where
// the variable is assigned twice; the call in production code is still
// reported, as it is when shipping is analysed alone, and the test's own
// call (to the test server) is not.
func TestBorrowKeepsWhatTestsOverride(t *testing.T) {
	got := runBothOnShop(t, map[string]string{
		"services/shipping/tracking.go": `package shipping

import "net/http"

var trackingURL = "http://orders:8080/v1/tracking"

// Track asks orders where a parcel is.
func Track() error {
	resp, err := http.Get(trackingURL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`,
		"services/shipping/tracking_test.go": `package shipping

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestTrack(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	trackingURL = srv.URL
	if _, err := http.Get(trackingURL); err != nil {
		t.Fatal(err)
	}
	if err := Track(); err != nil {
		t.Fatal(err)
	}
}
`,
	})
	if !hasDiagnostic(got, "tracking.go", "http GET http://orders:8080/v1/tracking") {
		t.Errorf("Track's call to orders is not reported (%d diagnostics)", len(got.Diagnostics))
	}
	if hasDiagnostic(got, "tracking_test.go", "") {
		t.Error("the test's call to its own server is reported")
	}
	for _, p := range got.Packages {
		if p.ID == "example.com/shop/services/shipping" && len(p.Results) > 0 {
			t.Error("shipping was analysed on its own: the test proves nothing about borrowing")
		}
	}
}

// TestBorrowWaitsInNoCycle gives two shared packages in-package tests
// that import each other's package: a waits for its test variant, which
// imports b, which waits for its own, which imports a. Borrowing is given
// up for both instead of waiting forever, and the run matches the checker.
func TestBorrowWaitsInNoCycle(t *testing.T) {
	got := runBothOnShop(t, map[string]string{
		"pkg/a/a.go":      "package a\n\n// A is a.\nfunc A() string { return \"a\" }\n",
		"pkg/a/a_test.go": "package a\n\nimport (\n\t\"testing\"\n\n\t\"example.com/shop/pkg/b\"\n)\n\nfunc TestA(t *testing.T) { _ = A() + b.B() }\n",
		"pkg/b/b.go":      "package b\n\n// B is b.\nfunc B() string { return \"b\" }\n",
		"pkg/b/b_test.go": "package b\n\nimport (\n\t\"testing\"\n\n\t\"example.com/shop/pkg/a\"\n)\n\nfunc TestB(t *testing.T) { _ = B() + a.A() }\n",
	})
	for _, p := range got.Packages {
		if (p.ID == "example.com/shop/pkg/a" || p.ID == "example.com/shop/pkg/b") && len(p.Results) == 0 {
			t.Errorf("%s borrowed its test variant's analysis across a cycle of waits", p.ID)
		}
	}
}

// runBothOnShop runs both engines on a copy of the shop example with files
// added, compares them, and returns the fast engine's result. A fast run
// that takes over 2 minutes fails the test: packages waiting for each other.
func runBothOnShop(t *testing.T, files map[string]string) *engine.Result {
	t.Helper()
	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, t.TempDir())
	testtree.Write(t, dir, files)
	opts := engine.Options{Dir: dir, Tests: true, Env: goEnv()}
	want, err := engine.RunChecker(context.Background(), opts, suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		res *engine.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := engine.RunFast(context.Background(), opts, suite.Analyzers())
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatal(o.err)
		}
		compareResults(t, o.res, want)
		return o.res
	case <-time.After(2 * time.Minute):
		t.Fatal("the run did not finish in 2 minutes: packages wait for each other's test variants")
		return nil
	}
}

// hasDiagnostic reports whether res has a diagnostic in a file named
// *suffix whose message contains text.
func hasDiagnostic(res *engine.Result, suffix, text string) bool {
	for _, d := range res.Diagnostics {
		if strings.HasSuffix(d.File, "/"+suffix) && strings.Contains(d.Message, text) {
			return true
		}
	}
	return false
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
	// A fresh build cache: the run's own export data is what is tested
	// here (TestBuildCacheExportData tests the build cache's).
	opts := engine.Options{Dir: dir, Tests: true, Env: append(goEnv(), "GOCACHE="+t.TempDir())}

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
	// The warm run takes the keys of the packages outside the repository
	// from the snapshot: each must be the key computed afresh.
	reused, wrong := 0, []string(nil)
	restore := engine.WatchStoredKeys(func(id string, same bool) {
		reused++
		if !same {
			wrong = append(wrong, id)
		}
	})
	check("warm", false, 0)
	restore()
	if stats.Checked != 0 {
		t.Errorf("warm run type-checked %d packages, want none", stats.Checked)
	}
	if reused < 100 || len(wrong) > 0 {
		t.Errorf("warm run took %d keys from the snapshot (want the standard library's and gRPC's, over 100), %d of them stale: %q", reused, len(wrong), wrong[:min(len(wrong), 10)])
	}
	if len(budgets) > 0 {
		t.Errorf("warm run set a memory budget, want none (it type-checks nothing)")
	}

	// A new violation in a function body: inventory opens payments' database.
	inv := filepath.Join(dir, "services/inventory/inventory.go")
	appendFile(t, inv, "\nfunc openPayments() (*sql.DB, error) {\n\treturn sql.Open(\"postgres\", \"postgres://u:p@payments-db:5432/payments\")\n}\n")
	check("body edit", false, 1) // inventory only: its API did not change
	// Its dependencies come from the frontier's export data: the packages
	// type-checked are inventory and the repository packages it imports,
	// not the standard library beneath them.
	if !stats.FromExport || stats.Checked > 4 {
		t.Errorf("body edit: type-checked %d packages, from export data %v; want at most 4, from export data", stats.Checked, stats.FromExport)
	}

	// Damaged export data is never read: the run type-checks from source
	// (and finds the same), and writes it again for the next run.
	damageExportData(t, cache)
	appendFile(t, inv, "\n// A comment.\n")
	check("body edit, export data damaged", false, 1)
	if stats.FromExport {
		t.Errorf("a run read damaged export data")
	}
	appendFile(t, inv, "\n// Another comment.\n")
	check("body edit, export data rewritten", false, 1)
	if !stats.FromExport {
		t.Errorf("the damaged export data was not written again")
	}

	// A new test in a package whose test variant lends it its analysis:
	// the variant is analysed again, httpx only takes its facts again, and
	// the services that import httpx see the same facts, so they are not.
	appendFile(t, filepath.Join(dir, "pkg/httpx/httpx_test.go"), "\nfunc TestNothing(t *testing.T) {}\n")
	check("test edit", false, 1)

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

// damageExportData flips a byte in the middle of one export data file of
// the cache.
func damageExportData(t *testing.T, cache string) {
	t.Helper()
	var files []string
	filepath.WalkDir(filepath.Join(cache, "export"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("the cache holds no export data")
	}
	slices.Sort(files)
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(files[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExportDataFollowsLocalModules edits a module that the shop reaches
// through a replace directive to a directory beside it, and a vendored
// copy of a module inside it: neither is the read-only module cache, so
// their export data must be keyed by their files' contents. A run after
// each edit must see the new API (a type error in the importer), as a
// run without a cache does, not the export data of the old one.
func TestExportDataFollowsLocalModules(t *testing.T) {
	root := t.TempDir()
	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, filepath.Join(root, "shop"))
	testtree.Write(t, root, map[string]string{
		"extlib/go.mod":     "module example.com/extlib\n\ngo 1.22\n",
		"extlib/extlib.go":  "package extlib\n\n// Limit is how many items a reservation holds.\nfunc Limit(n int) int { return n }\n",
		"shop/stock/use.go": "package stock\n\nimport \"example.com/extlib\"\n\nvar Reserved = extlib.Limit(3)\n",
	})
	appendFile(t, filepath.Join(dir, "go.mod"), "\nrequire example.com/extlib v0.0.0\n\nreplace example.com/extlib => ../extlib\n")

	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	check := typeErrorCheck(t, engine.Options{Dir: dir, Tests: true, Env: goEnv()}, &stats, "example.com/shop/stock")
	check("cold", false)
	appendFile(t, filepath.Join(dir, "stock/use.go"), "\n// A comment.\n")
	check("edit of the importer", false)
	if !stats.FromExport {
		t.Errorf("an edit of the importer alone did not read the frontier from export data")
	}
	replaceInFile(t, filepath.Join(root, "extlib/extlib.go"), "func Limit(n int) int", "func Limit(n string) int")
	check("API edit of the replaced module", true)
	replaceInFile(t, filepath.Join(root, "extlib/extlib.go"), "func Limit(n string) int", "func Limit(n int) int")
	check("the edit undone", false)

	// Vendored: go mod vendor copies extlib into the shop's vendor
	// directory; the vendored copy is what the build reads.
	cmd := exec.Command("go", "mod", "vendor")
	cmd.Dir, cmd.Env = dir, goEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("go mod vendor: %v\n%s", err, out) // the module cache lacks the shop's modules' full trees
	}
	check("vendored", false)
	replaceInFile(t, filepath.Join(dir, "vendor/example.com/extlib/extlib.go"), "func Limit(n int) int", "func Limit(n string) int")
	check("API edit of the vendored copy", true)
}

// TestToolchainChangeInvalidates runs the cached engine, then again after
// the go command on PATH was replaced in place by one that reports another
// Go version (a toolchain upgrade; here a wrapper script): every package
// must be analysed again, as results and export data depend on the
// toolchain, though the invocation (directory, patterns, environment) is
// the same.
func TestToolchainChangeInvalidates(t *testing.T) {
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	install := func(version string) {
		t.Helper()
		wrapper := "#!/bin/sh\nexec " + realGo + " \"$@\"\n"
		if version != "" {
			wrapper = "#!/bin/sh\nif [ \"$1\" = env ]; then\n\tout=$(" + realGo + " \"$@\") || exit $?\n" +
				"\tprintf '%s\\n' \"$out\" | sed 's/\"GOVERSION\": \"[^\"]*\"/\"GOVERSION\": \"" + version + "\"/'\n\texit 0\nfi\nexec " + realGo + " \"$@\"\n"
		}
		if err := os.WriteFile(filepath.Join(bin, "go"), []byte(wrapper), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	install("")
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, t.TempDir())
	cache := t.TempDir()
	var stats engine.Stats
	engine.WatchStats(&stats)
	defer engine.WatchStats(new(engine.Stats))
	opts := engine.Options{Dir: dir, Tests: true, Env: goEnv()}
	run := func(step string) {
		t.Helper()
		if _, err := engine.RunCached(context.Background(), opts, cache, "map-digest", suite.Analyzers()); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		t.Logf("%s: %+v", step, stats)
	}
	run("cold")
	all := stats.Analysed
	run("warm")
	if stats.Analysed != 0 {
		t.Fatalf("warm run analysed %d packages, want none", stats.Analysed)
	}
	install("go9.99.0")
	run("new toolchain")
	if !stats.Listed || stats.Analysed != all {
		t.Errorf("after a toolchain change: listed %v, analysed %d; want go list run and all %d packages analysed", stats.Listed, stats.Analysed, all)
	}
	run("new toolchain, warm")
	if stats.Analysed != 0 {
		t.Errorf("second run on the new toolchain analysed %d packages, want none", stats.Analysed)
	}
}

// TestExportDataFollowsAnEditedModuleCache edits a file of a module in
// the module cache (read-only, but a user debugging a dependency may make
// it writable): the next run must see the new API, as a run without a
// cache does, not the results and export data of the module as it was.
// The module comes from a file:// proxy into a module cache of the test's
// own.
func TestExportDataFollowsAnEditedModuleCache(t *testing.T) {
	root := t.TempDir()
	proxy := filepath.Join(root, "proxy")
	serveModule(t, proxy, "example.com/extlib", "v1.0.0", map[string]string{
		"go.mod":    "module example.com/extlib\n\ngo 1.22\n",
		"extlib.go": "package extlib\n\n// Limit is how many items a reservation holds.\nfunc Limit(n int) int { return n }\n",
	})
	testtree.Write(t, root, map[string]string{
		"app/go.mod":        "module example.com/app\n\ngo 1.22\n\nrequire example.com/extlib v1.0.0\n",
		"app/stock/use.go":  "package stock\n\nimport \"example.com/extlib\"\n\nvar Reserved = extlib.Limit(3)\n",
		"app/stock/more.go": "package stock\n\n// Spare is what is left.\nvar Spare = 1\n",
	})
	modcache := filepath.Join(root, "modcache")
	env := append(goEnv(), "GOPROXY=file://"+filepath.ToSlash(proxy), "GOMODCACHE="+modcache,
		"GOSUMDB=off", "GOFLAGS=-mod=mod", "GONOSUMDB=*", "GOCACHE="+filepath.Join(root, "gocache"))
	dir := filepath.Join(root, "app")
	tidy := exec.Command("go", "mod", "download", "example.com/extlib")
	tidy.Dir, tidy.Env = dir, env
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	t.Cleanup(func() { makeWritable(modcache) }) // so that TempDir can remove it

	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	check := typeErrorCheck(t, engine.Options{Dir: dir, Env: env}, &stats, "example.com/app/stock")
	check("cold", false)
	appendFile(t, filepath.Join(dir, "stock/more.go"), "\n// A comment.\n")
	check("edit of the importer", false)
	if !stats.FromExport {
		t.Errorf("an edit of the importer alone did not read the frontier from export data")
	}
	lib := filepath.Join(modcache, "example.com", "extlib@v1.0.0")
	makeWritable(lib)
	replaceInFile(t, filepath.Join(lib, "extlib.go"), "func Limit(n int) int", "func Limit(n string) int")
	check("API edit in the module cache", true)
}

// serveModule writes module path@version with files into a file:// proxy
// directory, as GOPROXY=file://dir reads it.
func serveModule(t *testing.T, proxy, path, version string, files map[string]string) {
	t.Helper()
	src := t.TempDir()
	testtree.Write(t, src, files)
	at := filepath.Join(proxy, filepath.FromSlash(path), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	if err := modzip.CreateFromDir(&zipped, module.Version{Path: path, Version: version}, src); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": []byte(`{"Version":"` + version + `"}`),
		version + ".mod":  []byte(files["go.mod"]),
		version + ".zip":  zipped.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(at, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// makeWritable undoes the module cache's read-only modes below dir.
func makeWritable(dir string) {
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil {
			mode := os.FileMode(0o644)
			if d.IsDir() {
				mode = 0o755
			}
			os.Chmod(path, mode)
		}
		return nil
	})
}

// typeErrorCheck returns a step of a test that edits a dependency: it runs
// the cached engine (with a cache of its own, kept across steps, recording
// its stats in *stats) and the engine without a cache, which must agree,
// and checks whether the package pkg failed to type-check, as the step
// expects.
func typeErrorCheck(t *testing.T, opts engine.Options, stats *engine.Stats, pkg string) func(step string, wantError bool) {
	cache := t.TempDir()
	ctx := context.Background()
	return func(step string, wantError bool) {
		t.Helper()
		engine.WatchStats(new(engine.Stats))
		want, err := engine.RunFast(ctx, opts, suite.Analyzers())
		if err != nil {
			t.Fatal(err)
		}
		engine.WatchStats(stats)
		got, err := engine.RunCached(ctx, opts, cache, "map-digest", suite.Analyzers())
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v", step, *stats)
		compareResults(t, got, want)
		failed := false
		for _, p := range got.Packages {
			if p.ID == pkg && len(p.Errors) > 0 {
				failed = true
			}
		}
		if failed != wantError {
			t.Errorf("%s: %s failed to type-check = %v, want %v", step, pkg, failed, wantError)
		}
	}
}
