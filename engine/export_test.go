package engine

import (
	"context"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// RunFast and RunChecker expose both engines to the tests, which compare
// them.
var (
	RunFast    = runFast
	RunChecker = runChecker
)

// RunCached runs the fast engine with a result cache in dir.
func RunCached(ctx context.Context, opts Options, dir, key string, analyzers []*analysis.Analyzer) (*Result, error) {
	return runFastCached(ctx, opts, cacheConfig{dir: dir, key: key}, analyzers)
}

// Stats are what the last run did.
type Stats struct {
	Listed            bool // it ran go list
	Checked, Analysed int  // packages type-checked, of which analysed
	FromExport        bool // it read the dependencies it needed from export data
}

// WatchStats makes every later run record its Stats in *s.
func WatchStats(s *Stats) {
	testHookStats = func(listed bool, checked, analysed int, fromExport bool) {
		*s = Stats{listed, checked, analysed, fromExport}
	}
}

// WatchFacts makes every later run record in *stored the number of facts
// it stored, and in *left how many were still held once all packages were
// done.
func WatchFacts(stored, left *int) {
	testHookFacts = func(s, l int) { *stored, *left = s, l }
}

// WatchBudgets makes every later run that sets a memory budget for the
// collector send it on budgets.
func WatchBudgets(budgets chan<- uint64) {
	testHookBudget = func(bytes uint64) { budgets <- bytes }
}

// WatchHeld makes every later run record in *held the IDs of the packages
// whose types it still held once every package was done.
func WatchHeld(held *[]string) {
	testHookHeld = func(ids []string) { *held = ids }
}

// ListExport runs go list -export as a run whose own cache lacks the
// frontier's export data does, for packages paths, in dir with env.
func ListExport(ctx context.Context, dir string, env, paths []string) (map[string]string, error) {
	var want []*node
	for _, p := range paths {
		want = append(want, &node{id: p})
	}
	opts := Options{Dir: dir, Env: env}
	return listExport(ctx, opts, listEnv(env, probeBuildCache(ctx, opts, env)), want)
}

// GoList runs go list as a run that lists does, in dir with env, choosing
// whether to use the module index by the build cache's state.
func GoList(ctx context.Context, dir string, env, patterns []string) error {
	opts := Options{Dir: dir, Env: env}
	_, err := goList(ctx, opts, listEnv(env, probeBuildCache(ctx, opts, env)), patterns)
	return err
}

// ModuleIndexed reports whether a run in dir with env would let go list
// use the module index.
func ModuleIndexed(ctx context.Context, dir string, env []string) bool {
	return probeBuildCache(ctx, Options{Dir: dir, Env: env}, env).indexed
}

// ErrColdBuildCache is what ListExport returns when it stopped go list.
var ErrColdBuildCache = errColdBuildCache

// CountCommands counts the tools a go list -x trace runs, up to
// maxCompiles+1 (where countCommands gives up on the build cache).
func CountCommands(trace string) (tooMany bool) {
	countCommands(strings.NewReader(trace), func() { tooMany = true })
	return tooMany
}

// PruneTooMuch makes later runs remove every unexported type declaration
// of a dependency besides what pruning removes, until restore is called:
// what pruning that broke a dependency's own declarations would do.
func PruneTooMuch() (restore func()) {
	pruneFiles = func(files []*ast.File) {
		pruneDependency(files)
		for _, f := range files {
			filterSpecs(f, token.TYPE, func(spec ast.Spec) bool { return spec.(*ast.TypeSpec).Name.IsExported() })
		}
	}
	return func() { pruneFiles = pruneDependency }
}

// WatchExportLists makes every later run that reads the build cache's
// export data record how many of the packages it wanted its speculation
// served, and how many it listed after the graph.
func WatchExportLists(served, listed *int) {
	testHookExportLists = func(s, l int) { *served, *listed = s, l }
}

// SpoilSpeculation makes later runs take what spoil makes of their
// speculation's outcome instead of it, until restore is called.
func SpoilSpeculation(spoil func(files map[string]string, err error) (map[string]string, error)) (restore func()) {
	testHookSpeculation = spoil
	return func() { testHookSpeculation = nil }
}

// WatchStoredKeys makes later runs call seen for each package whose key
// they took from the snapshot, saying whether it is the key computed
// afresh, until restore is called.
func WatchStoredKeys(seen func(id string, same bool)) (restore func()) {
	testHookStoredKey = func(id string, stored, computed hash) { seen(id, stored == computed) }
	return func() { testHookStoredKey = nil }
}
