package engine

import (
	"context"

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
