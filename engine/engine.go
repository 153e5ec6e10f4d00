// Package engine is couplingvet's standalone analysis engine: it loads
// packages, runs analyzers over them, and returns diagnostics with resolved
// positions, the packages that failed to load, and each analyzer's results.
//
// It is a seam. Everything downstream (output formats, baselines,
// whole-repository aggregation) depends only on the types of this package.
// The implementation (fast.go) lists packages with one go list, type-checks
// dependencies without function bodies, analyses only the repository's own
// packages, and caches each package's outcome (cache.go); the reference it
// must agree with, golang.org/x/tools/go/analysis/checker over go/packages
// (runChecker), stays here for the tests that compare the two.
//
// The engine does what every standalone go/analysis driver must do on top of
// the checker: with tests enabled, go/packages returns a package together
// with its test variants ("p [p.test]"), which report the same diagnostics
// twice, and generated test mains whose files live in the build cache. Run
// analyses only packages whose files lie in the analysed modules, reports
// each diagnostic once, and orders everything deterministically.
package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options say what to load.
type Options struct {
	Dir      string   // directory to load from (the go command's working directory); "" is the current one
	Patterns []string // package patterns as the go command takes them; empty means ./...
	Tests    bool     // also load and check _test.go files
	Env      []string // environment of the go command; nil means the current process's

	// Own reports whether a package outside the main modules is the
	// repository's own code all the same, by its import path and
	// directory: a sibling module of shared code that a service's module
	// reaches through a replace directive (replace example.com/common =>
	// ../common). Such a package is analysed like the main modules' own,
	// so that its facts reach its importers, but it is not reported: the
	// patterns name what is. nil: no package outside the main modules is.
	Own func(pkgPath, dir string) bool

	// CacheDir holds per-package results between runs (DefaultCacheDir is
	// the usual place); "" disables the cache.
	CacheDir string
	// CacheKey must identify everything outside the Go files that the
	// analyzers' results depend on: the boundary map's digest and path,
	// analyzer flags. Runs with different keys share no results.
	CacheKey string
}

// Result is what one run found.
type Result struct {
	// Packages are the analysed packages, sorted by ID. With Tests, a
	// package appears once per variant (p, "p [p.test]", "p_test [p.test]").
	Packages []*Package
	// Diagnostics of all analyzers on all packages, de-duplicated across
	// test variants and sorted by file, line, column, analyzer and message.
	Diagnostics []Diagnostic
	// Modules holds the analysed modules, sorted by directory.
	Modules []Module
	// DependencyErrors lists dependencies outside the repository that did
	// not type-check (a module too old for this Go version), sorted by
	// import path. Their importers were analysed all the same; what flows
	// through the broken code may be missed. A run that read its results
	// from the cache type-checked nothing and lists none.
	DependencyErrors []Failure
}

// A Package is one analysed package (or test variant).
type Package struct {
	ID     string // go/packages ID: the import path, plus " [p.test]" for test variants
	Path   string // import path
	Name   string
	Dir    string  // directory of its files
	Module *Module // module it belongs to; nil outside modules
	// Errors are the package's load, parse and type errors, positions
	// resolved; a package with errors was not (fully) analysed.
	Errors []string
	// Failed maps each analyzer that did not complete on this package to why
	// (a map that failed to load, or a dependency that failed to type-check).
	Failed map[*analysis.Analyzer]error
	// Results holds each analyzer's result on this package (nil for
	// analyzers that return none). Use ResultsOf to collect one analyzer's.
	// The fast engine, like go vet, analyses a package with in-package
	// tests only as its test variant, whose results cover the package's
	// files too: the package itself then has none.
	Results map[*analysis.Analyzer]any
}

// A Module is a Go module whose packages were analysed.
type Module struct {
	Path string
	Dir  string
}

// A Diagnostic is one analyzer report with its position resolved.
type Diagnostic struct {
	Analyzer  string
	Package   string // import path of the reporting package
	File      string // absolute path
	Line      int    // 1-based
	Column    int    // 1-based, in bytes
	EndLine   int    // 0 when the diagnostic is a point
	EndColumn int
	Category  string
	Message   string
	URL       string
	// Raw is the diagnostic as the analyzer reported it; Pos and End are
	// meaningless outside the run but the other fields are intact.
	Raw analysis.Diagnostic
}

// PackageResult is one analyzer's result on one package.
type PackageResult struct {
	Package *Package
	Value   any
}

// ResultsOf returns a's non-nil results in package order: what a caller
// aggregating over the whole repository (e.g. all database connections) needs.
func (r *Result) ResultsOf(a *analysis.Analyzer) []PackageResult {
	var out []PackageResult
	for _, p := range r.Packages {
		if v, ok := p.Results[a]; ok && v != nil {
			out = append(out, PackageResult{p, v})
		}
	}
	return out
}

// Paths returns the distinct import paths analysed, sorted: test variants
// count once, an external test package "p_test" counts as p.
func (r *Result) Paths() []string {
	var paths []string
	for _, p := range r.Packages {
		paths = append(paths, strings.TrimSuffix(p.Path, "_test"))
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

// ErrNoPackages is returned when the patterns match no package.
var ErrNoPackages = errors.New("no packages matched")

// loadMode is what the checker needs: syntax and types of every package,
// dependencies included, because analyzers with facts run on them too.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Run loads the packages opts names and runs analyzers on them. It returns
// an error only when loading itself fails (a bad pattern, no go command,
// no packages); packages that fail to parse or type-check are reported in
// Package.Errors and analysed as far as possible.
func Run(ctx context.Context, opts Options, analyzers []*analysis.Analyzer) (*Result, error) {
	return runFastCached(ctx, opts, cacheConfig{dir: opts.CacheDir, key: opts.CacheKey}, analyzers)
}

// runChecker is Run over go/packages and the x/tools checker: every
// package, dependencies included, type-checked with bodies and analysed.
// It is the reference the tests hold the fast engine to.
func runChecker(ctx context.Context, opts Options, analyzers []*analysis.Analyzer) (*Result, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{
		Context: ctx,
		Mode:    loadMode,
		Dir:     opts.Dir,
		Env:     opts.Env,
		Tests:   opts.Tests,
	}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	roots, modules := analysedPackages(loaded)
	if len(modules) == 0 {
		// Nothing of a main module: report the patterns' own errors, if any.
		var why []string
		for _, p := range roots {
			why = append(why, packageErrors(p)...)
		}
		if len(why) > 0 {
			return nil, fmt.Errorf("%w: %s (%s)", ErrNoPackages, strings.Join(patterns, " "), strings.Join(why, "; "))
		}
		return nil, fmt.Errorf("%w: %s", ErrNoPackages, strings.Join(patterns, " "))
	}
	graph, err := checker.Analyze(analyzers, roots, nil)
	if err != nil {
		return nil, err
	}
	return collect(graph, roots, modules), nil
}

// analysedPackages keeps the loaded packages that belong to a main module's
// own source tree (the module in the directory, or a workspace's modules),
// dropping generated test mains (files in the build cache), dependencies and
// packages of no module (the standard library). It returns them with the
// distinct modules.
func analysedPackages(loaded []*packages.Package) ([]*packages.Package, map[string]*Module) {
	modules := map[string]*Module{}
	var roots []*packages.Package
	for _, p := range loaded {
		m := p.Module
		if m == nil || !m.Main || m.Dir == "" || !filesWithin(p, m.Dir) {
			if len(p.GoFiles) == 0 && len(p.Errors) > 0 {
				roots = append(roots, p) // a pattern that failed to load: keep it, so its errors are seen
			}
			continue
		}
		if _, ok := modules[m.Dir]; !ok {
			modules[m.Dir] = &Module{Path: m.Path, Dir: m.Dir}
		}
		roots = append(roots, p)
	}
	slices.SortFunc(roots, func(a, b *packages.Package) int { return cmp.Compare(a.ID, b.ID) })
	return roots, modules
}

// filesWithin reports whether p has Go files and all of them lie under dir.
func filesWithin(p *packages.Package, dir string) bool {
	files := p.CompiledGoFiles
	if len(files) == 0 {
		files = p.GoFiles
	}
	if len(files) == 0 {
		return false
	}
	for _, f := range files {
		if !within(dir, f) {
			return false
		}
	}
	return true
}

func within(dir, file string) bool {
	rel, err := filepath.Rel(dir, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// collect turns the checker's action graph into a Result.
func collect(graph *checker.Graph, roots []*packages.Package, modules map[string]*Module) *Result {
	res := &Result{}
	byPkg := map[*packages.Package]*Package{}
	for _, p := range roots {
		pkg := &Package{
			ID:      p.ID,
			Path:    p.PkgPath,
			Name:    p.Name,
			Errors:  packageErrors(p),
			Failed:  map[*analysis.Analyzer]error{},
			Results: map[*analysis.Analyzer]any{},
		}
		if len(p.GoFiles) > 0 {
			pkg.Dir = filepath.Dir(p.GoFiles[0])
		}
		if p.Module != nil {
			pkg.Module = modules[p.Module.Dir]
		}
		byPkg[p] = pkg
		res.Packages = append(res.Packages, pkg)
	}

	seen := diagnosticSet{}
	for _, act := range graph.Roots {
		pkg := byPkg[act.Package]
		if act.Err != nil {
			pkg.Failed[act.Analyzer] = act.Err
		} else {
			pkg.Results[act.Analyzer] = act.Result
		}
		for _, d := range act.Diagnostics {
			seen.add(res, modules, resolve(act.Package.Fset, act.Analyzer, pkg, d))
		}
	}
	finish(res, modules)
	return res
}

// diagnosticSet keeps each diagnostic once: test variants of a package
// report the same findings again.
type diagnosticSet map[diagnosticKey]bool

type diagnosticKey struct {
	analyzer, file string
	line, col      int
	message        string
}

// add appends diag to res unless it lies outside the analysed modules (a
// generated test main in the build cache) or was added before.
func (seen diagnosticSet) add(res *Result, modules map[string]*Module, diag Diagnostic) {
	if diag.File == "" || !inAnyModule(modules, diag.File) {
		return
	}
	k := diagnosticKey{diag.Analyzer, diag.File, diag.Line, diag.Column, diag.Message}
	if seen[k] {
		return
	}
	seen[k] = true
	res.Diagnostics = append(res.Diagnostics, diag)
}

// finish puts res in its deterministic order and lists its modules.
func finish(res *Result, modules map[string]*Module) {
	slices.SortFunc(res.Diagnostics, compareDiagnostics)
	for _, m := range modules {
		res.Modules = append(res.Modules, *m)
	}
	slices.SortFunc(res.Modules, func(a, b Module) int { return cmp.Compare(a.Dir, b.Dir) })
}

func resolve(fset *token.FileSet, a *analysis.Analyzer, pkg *Package, d analysis.Diagnostic) Diagnostic {
	diag := Diagnostic{
		Analyzer: a.Name,
		Package:  pkg.Path,
		Category: d.Category,
		Message:  d.Message,
		URL:      d.URL,
		Raw:      d,
	}
	if d.Pos.IsValid() {
		posn := fset.Position(d.Pos)
		diag.File, diag.Line, diag.Column = posn.Filename, posn.Line, posn.Column
	}
	if d.End.IsValid() && d.End != d.Pos {
		end := fset.Position(d.End)
		diag.EndLine, diag.EndColumn = end.Line, end.Column
	}
	return diag
}

func inAnyModule(modules map[string]*Module, file string) bool {
	for dir := range modules {
		if within(dir, file) {
			return true
		}
	}
	return false
}

func compareDiagnostics(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Analyzer, b.Analyzer),
		cmp.Compare(a.Message, b.Message),
	)
}

// packageErrors lists p's own errors (not its dependencies'), each once.
func packageErrors(p *packages.Package) []string {
	var out []string
	for _, e := range p.Errors {
		out = append(out, strings.TrimPrefix(e.Error(), "-: ")) // "-" stands for no position
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// A Failure names a package that was not (fully) analysed, and why.
type Failure struct {
	Path   string   // import path
	Errors []string // load, parse and type errors, or why an analyzer did not run
}

// Failures lists the packages that failed to load or type-check, or on
// which an analyzer failed, sorted by import path, test variants merged.
// An analyzer skipped because its package has errors adds nothing: the
// package's own errors say why.
func (r *Result) Failures() []Failure {
	byPath := map[string][]string{}
	for _, p := range r.Packages {
		errs := slices.Clone(p.Errors)
		if len(errs) == 0 {
			for a, err := range p.Failed {
				msg := err.Error()
				if deps, ok := strings.CutPrefix(msg, "failed prerequisites: "); ok {
					msg = "not analysed: it depends on a package that failed to load or type-check (" + deps + ")"
				}
				errs = append(errs, a.Name+": "+msg)
			}
		}
		if len(errs) > 0 {
			path := cmp.Or(p.Path, p.ID)
			byPath[path] = append(byPath[path], errs...)
		}
	}
	var out []Failure
	for path, errs := range byPath {
		slices.Sort(errs)
		out = append(out, Failure{Path: path, Errors: slices.Compact(errs)})
	}
	slices.SortFunc(out, func(a, b Failure) int { return cmp.Compare(a.Path, b.Path) })
	return out
}
