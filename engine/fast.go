package engine

// The fast engine. Where go/packages with the checker type-checks every
// dependency with its function bodies and runs every analyzer on every
// package (the standard library included), this engine
//
//   - asks the go command once for the package graph (go list -deps: no
//     compiling, no export data),
//   - type-checks the repository's own packages (the main modules', and
//     those of sibling modules reached through replace that Options.Own
//     claims) from source with bodies and
//     full type information, and every other package (standard library,
//     module dependencies) from source without function bodies
//     (types.Config.IgnoreFuncBodies), which is all their importers need:
//     their bodies are blanked before parsing (blank.go) and what their
//     importers cannot reach is pruned before the check (prune.go); the
//     packages the repository imports directly keep export data in the
//     cache, which a later run reads instead (cache.go); a run whose
//     cache lacks it reads the compiler's from the go command's build
//     cache when that is warm (gocache.go; asked for on a guess while the
//     graph is listed, speculate.go), and skips the closure,
//   - runs the analyzers only on the repository's packages: couplingvet's
//     analyzers do nothing elsewhere, so facts only ever come from there,
//   - analyses a package that has in-package tests once, as its test
//     variant, as go vet does (borrow.go),
//   - schedules all of it in dependency order over GOMAXPROCS workers, and
//     drops each package's syntax and type information as soon as its
//     analyses are done, keeping only its types.Package for its importers.
//
// The reference implementation (checker.go) stays available for tests,
// which compare the two on the example monorepos.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/couplingvet/couplingvet/internal/gcpace"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A node is one package of the graph go list returned.
type node struct {
	lp       *listedPackage
	listedAt int // lp's index in the snapshot's Listed
	id       string
	deps     []*node // imported packages, by ID (ImportMap applied)
	// repo: a package of the repository (a main module's own tree, or a
	// local module Options.Own claims), analysed (for its facts at least).
	// root: of a main module and matched by the patterns, so reported.
	repo, root bool

	files      []*ast.File
	pkg        *types.Package // what importers see
	passPkg    *types.Package // analysed packages: what the analyzers see (with bodies), until done
	info       *types.Info
	typeErrors []types.Error
	errs       []string // own list, parse and type errors, positions resolved
	illTyped   bool     // errs, or a dependency is ill-typed

	actions  map[*analysis.Analyzer]*action // on repo packages
	exports  []exportedFact                 // facts this package exported
	ownFacts []any                          // keys of exports, on passPkg's objects (factStore.forget)
	// sharedFacts are the keys of the facts importers see: on pkg's
	// objects, and pkg's own. unfinished counts its own visit and its
	// importers that are not finished (see finish); at zero they are
	// forgotten, and with them the last references to pkg.
	sharedFacts []any
	unfinished  atomic.Int32

	key       hash   // cache key: its files, and what its dependencies show importers
	iface     hash   // what it shows importers: its API, facts and errors (repository packages), else its key
	entry     *entry // cached outcome, if any
	stored    *entry // outcome of this run's analysis, as stored
	full      bool   // analysed in this run (type-checked with bodies)
	typesOnce sync.Once
	// importersLeft counts the importers that have yet to type-check; at
	// zero no one needs pkg any more (release).
	importersLeft atomic.Int32
	encoder       *objectpath.Encoder // of passPkg, for twin
	exportOK      bool                // its types may be cached as export data (see exportable)
	frontier      bool                // outside the repository, imported by a repository package
	keyed         bool                // key set before the visit (keyOutside)
	exportData    []byte              // a frontier package's export data, read by exportMode
	exportStale   bool                // a frontier package whose export data is missing or damaged

	// testVariant is the package's in-package test variant, whose
	// analysis it borrows (borrowed) when that was clean; a test variant
	// that lends its analysis has borrower set, and keeps the facts it
	// exported (carried) for it. See borrow.go.
	testVariant, borrower *node
	borrowed              bool
	carried               []carriedFact

	done chan struct{} // closed once types (and, for repo packages, analyses) are complete
	rank int           // its place in the order CPU slots are handed out (rankNodes)
}

// An action is one analyzer's pass over one package.
type action struct {
	result any
	err    error
	diags  []analysis.Diagnostic
}

// fastRun is the state of one run of the fast engine.
type fastRun struct {
	ctx       context.Context
	opts      Options
	fset      *token.FileSet
	sizes     types.Sizes
	analyzers []*analysis.Analyzer // requested and required, prerequisites first
	roots     map[*analysis.Analyzer]bool
	facts     *factStore
	cpu       *scheduler // limits CPU-bound work to GOMAXPROCS, depth first
	nodes     map[string]*node
	own       func(pkgPath, dir string) bool // Options.Own
	cache     cacheConfig
	snap      *snapshot
	checked   atomic.Int32 // packages type-checked

	snapRead bool // snap was read from the cache, unchanged (not listed now)

	keyPrefixOnce  sync.Once
	keyPrefixBytes []byte // keyPrefix

	gocacheOnce sync.Once
	gocache     buildCache   // the go command's build cache (buildCache)
	speculation *speculation // the guessed frontier's export data, being listed (speculate.go)

	exportOnce    sync.Once
	fromExport    bool // the frontier's types come from export data (exportMode)
	exportMu      sync.Mutex
	exportImports map[string]*types.Package // packages by path, for gcexportdata

	depErrMu  sync.Mutex
	depErrors map[string]storedDepErrors // by ID: dependencies that do not type-check, analysed all the same
}

// runFast is Run's implementation.
func runFast(ctx context.Context, opts Options, analyzers []*analysis.Analyzer) (*Result, error) {
	return runFastCached(ctx, opts, cacheConfig{}, analyzers)
}

func runFastCached(ctx context.Context, opts Options, cache cacheConfig, analyzers []*analysis.Analyzer) (*Result, error) {
	gc := gcpace.Relax(warmGCPercent, warmGCLiveLimit, coldGCPercent)
	defer gc.Stop()
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	r := newFastRun(ctx, analyzers, sizesFor(opts))
	r.cache, r.own, r.opts = cache, opts.Own, opts
	var (
		snapKey string
		stale   *snapshot // the invocation's snapshot, if it no longer holds
	)
	if cache.dir != "" {
		snapKey = runKey(opts, cache, patterns, r.analyzers)
		r.snap, stale = readSnapshot(cache, snapKey)
	}
	listedNow := r.snap == nil
	r.snapRead = !listedNow
	if r.snap == nil {
		gc.Settle()
		env := listEnv(environ(opts), r.buildCache())
		if stale == nil {
			r.speculate(patterns, env)
			defer r.stopSpeculation()
		}
		listed, goenv, err := listAndEnv(ctx, opts, env, patterns, cache.dir != "")
		if err != nil {
			return nil, err
		}
		r.snap = &snapshot{Listed: listed, GoEnv: goenv}
		if cache.dir != "" {
			dir, _ := filepath.Abs(cmpOr(opts.Dir, "."))
			if r.snap, err = newSnapshot(listed, goenv, patterns, dir); err != nil {
				r.cache.dir = "" // files vanished while listing: do not cache this run
			}
			if stale != nil {
				// Good for every package whose key is the same.
				r.snap.Outcomes, r.snap.DepErrors = stale.Outcomes, stale.DepErrors
			}
		}
	}
	roots, modules := r.buildGraph(r.snap.Listed)
	if len(modules) == 0 {
		var why []string
		for _, n := range roots {
			why = append(why, n.errs...)
		}
		if len(why) > 0 {
			return nil, fmt.Errorf("%w: %s (%s)", ErrNoPackages, strings.Join(patterns, " "), strings.Join(why, "; "))
		}
		if n := r.matchedOutsideModules(); n > 0 {
			// The standard library's own tree, or GOPATH code.
			what := fmt.Sprintf("%d packages", n)
			if n == 1 {
				what = "1 package"
			}
			return nil, fmt.Errorf("%w in a Go module: %s matches %s of the standard library or GOPATH, which couplingvet does not check",
				ErrNoPackages, strings.Join(patterns, " "), what)
		}
		return nil, fmt.Errorf("%w: %s", ErrNoPackages, strings.Join(patterns, " "))
	}
	if r.cache.dir != "" {
		r.keyOutside()
	}
	if listedNow && stale == nil {
		r.budgetColdRun(gc)
	}
	r.execute()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.healExport()
	if testHookFacts != nil {
		testHookFacts(r.facts.stored, len(r.facts.obj)+len(r.facts.pkg))
	}
	if testHookHeld != nil {
		testHookHeld(r.heldTypes())
	}
	r.dropTypes()
	if r.cache.dir != "" {
		r.recordOutcomes()
		r.recordDependencyErrors()
	}
	if r.cache.dir != "" && r.snap.dirty {
		r.cache.writeSnapshot(snapKey, r.snap) // a cache that cannot be written only costs time
	}
	if testHookStats != nil {
		analysed := 0
		for _, n := range r.nodes {
			if n.full {
				analysed++
			}
		}
		testHookStats(listedNow, int(r.checked.Load()), analysed, r.fromExport)
	}
	return r.collect(roots, modules), nil
}

// testHookFacts, when set by tests, learns how many facts a run stored
// and how many were left in the store once every package was done.
var testHookFacts func(stored, left int)

// testHookHeld, when set by tests, learns which packages' types a run
// still held once every package was done (heldTypes).
var testHookHeld func(ids []string)

// heldTypes lists the repository's packages, by ID, whose types are still
// held after every package is done: they must go once their last importer
// is type-checked, or memory grows with the repository. (A dependency
// outside it may stay, when one of its importers is a package no analysed
// package needs, never type-checked: that is bounded by the dependencies.)
func (r *fastRun) heldTypes() []string {
	var ids []string
	for _, n := range r.nodes {
		if n.repo && n.pkg != nil {
			ids = append(ids, n.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// testHookBudget, when set by tests, learns the memory budget a cold run
// set for the collector.
var testHookBudget func(bytes uint64)

// testHookStats, when set by tests, learns whether a run started go list,
// how many packages it type-checked and analysed, and whether it read the
// frontier from export data.
var testHookStats func(listed bool, checked, analysed int, fromExport bool)

// Garbage collection during a run, unless $GOGC or $GOMEMLIMIT say
// otherwise.
//
// A cold run's live heap is mostly types that importers still need, and it
// grows through the run: the default GOGC=100 lets the heap reach twice the
// peak (288 MB on the 5,000-package bench tree), and a GOGC relative to the
// heap live now collects every few megabytes while that heap is small. So
// once go list has said what will be checked, the run gets a budget of
// memory from the start instead (heapBudget), and it runs at coldGCPercent
// (50) while it lists, or when the budget proves too small.
//
// A run that reads its snapshot builds a few tens of megabytes that stay
// live, in under a second: at coldGCPercent it collects a dozen times for
// almost no garbage, so it runs relaxed until its live heap shows it is not
// small.
const (
	coldGCPercent   = 50
	warmGCPercent   = 400
	warmGCLiveLimit = 64 << 20 // bytes
)

// heapBudget is the memory a cold run may hold before it collects, given
// the bytes of source it type-checks: of the repository's packages (with
// function bodies when analysed, tests included) and of the dependencies
// (their bodies blanked and what importers cannot reach pruned before the
// check, see blank.go and prune.go). The repository's types, syntax and
// type information in flight peak at about twice its source's size
// (within 17% on the medium, large and go.work bench trees,
// golang.org/x/tools and golangci-lint's own tree), and it allocates as
// much again in garbage: its share of the budget is heapBudgetRatio
// times that. At 2.5 the collector marked 40-47% less than at
// coldGCPercent on the stand-in bench trees, for 15-30% more peak memory;
// but on the heavy large tree, whose live heap is mostly its dependencies'
// types, that left the heap 110 MB above what was live, and the collector
// took 5.5 s of CPU (73 cycles). At 3.5 it took 3.2 s (63 cycles) for a
// peak RSS of 500 MB instead of 416; 4.5 bought little more (3.0 s, for
// 590 MB). A
// dependency's types stay live until its importers are done, at about
// 1.2 bytes per byte of source (a go-zero repository whose closure is
// 60 MB of source peaked at 81 MB live; pruning the unexported
// declarations nothing names took a tenth off: 74 MB to 66 in alternated
// runs), and leave little garbage: its share is dependencyBudgetRatio
// times that. There, the budget went from
// about 300 MiB to 155 for 16% more CPU (3 alternated runs) and 155 MB of
// peak memory instead of 245; 120 MiB cost 37% more CPU. The budget is counted
// as the runtime counts a memory limit (fragmentation and everything
// outside the heap included). A floor keeps small runs from collecting
// every few megabytes.
func heapBudget(repoBytes, depBytes int64) uint64 {
	repo := heapBudgetRatio * livePerSourceByte * float64(repoBytes)
	deps := dependencyBudgetRatio * livePerDependencyByte * float64(depBytes)
	return max(uint64(repo+deps), minHeapBudget)
}

const (
	livePerSourceByte     = 2.1
	heapBudgetRatio       = 3.5
	livePerDependencyByte = 1.2
	dependencyBudgetRatio = 2.0
	minHeapBudget         = 64 << 20 // bytes
)

// budgetColdRun sets the memory budget of a run that has nothing cached
// (see heapBudget): every package is type-checked from source, except the
// dependencies when the frontier comes from the build cache's export data
// (exportMode decides it now rather than when the first package needs
// it, since every package will). Then the frontier's export data stands
// in for the dependencies' source.
func (r *fastRun) budgetColdRun(gc *gcpace.Pacer) {
	fromSource := func(*node) bool { return true }
	var exportBytes int64
	if r.exportMode() {
		built := r.builtClosure()
		fromSource = func(n *node) bool { return !built[n] } // what only tests import (see compilerExport)
		for _, n := range r.nodes {
			exportBytes += int64(len(n.exportData))
		}
	}
	repoFiles, depFiles := r.sourceFiles(fromSource)
	hook := testHookBudget
	go func() {
		budget := heapBudget(totalSize(repoFiles), totalSize(depFiles)+exportBytes)
		gc.Budget(budget)
		if hook != nil {
			hook(budget)
		}
	}()
}

// sourceFiles returns the files of the repository's packages and those of
// the dependencies that fromSource says are type-checked from source.
func (r *fastRun) sourceFiles(fromSource func(*node) bool) (repo, deps []string) {
	for _, n := range r.nodes {
		if n.repo {
			repo = append(repo, n.lp.files()...)
		} else if fromSource(n) {
			deps = append(deps, n.lp.files()...)
		}
	}
	return repo, deps
}

// totalSize is the size of the files that exist of names.
func totalSize(names []string) int64 {
	var total int64
	for _, name := range names {
		if fi, err := os.Stat(name); err == nil {
			total += fi.Size()
		}
	}
	return total
}

// listAndEnv runs go list (in the environment listEnv) and, when the cache
// needs it, go env, at once.
func listAndEnv(ctx context.Context, opts Options, listEnv []string, patterns []string, needEnv bool) ([]*listedPackage, map[string]string, error) {
	var (
		env    map[string]string
		envErr error
		wg     sync.WaitGroup
	)
	if needEnv {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env, envErr = goEnv(ctx, opts)
		}()
	}
	listed, err := goList(ctx, opts, listEnv, patterns)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	if envErr != nil {
		return nil, nil, envErr
	}
	return listed, env, nil
}

func newFastRun(ctx context.Context, analyzers []*analysis.Analyzer, sizes types.Sizes) *fastRun {
	r := &fastRun{
		ctx:   ctx,
		fset:  token.NewFileSet(),
		sizes: sizes,
		roots: map[*analysis.Analyzer]bool{},
		facts: newFactStore(),
		cpu:   newScheduler(runtime.GOMAXPROCS(0)),
		nodes: map[string]*node{},
	}
	for _, a := range analyzers {
		r.roots[a] = true
	}
	r.analyzers = prerequisitesFirst(analyzers)
	return r
}

// sizesFor returns the sizes of the target architecture: $GOARCH of the
// go command's environment, else this binary's.
func sizesFor(opts Options) types.Sizes {
	arch := runtime.GOARCH
	for _, kv := range environ(opts) {
		if v, ok := strings.CutPrefix(kv, "GOARCH="); ok && v != "" {
			arch = v
		}
	}
	if s := types.SizesFor("gc", arch); s != nil {
		return s
	}
	return types.SizesFor("gc", "amd64")
}

// prerequisitesFirst orders analyzers and everything they require so that
// each comes after its prerequisites.
func prerequisitesFirst(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

// buildGraph links the listed packages and classifies them. It returns the
// root packages (sorted by ID) and the main modules they belong to, like
// analysedPackages does for go/packages.
func (r *fastRun) buildGraph(listed []*listedPackage) ([]*node, map[string]*Module) {
	for i, lp := range listed {
		if lp.isTestMain() {
			continue
		}
		n := &node{lp: lp, id: lp.ImportPath, listedAt: i, done: make(chan struct{})}
		if lp.Error != nil {
			n.errs = append(n.errs, listErrorText(lp.Error))
		}
		r.nodes[n.id] = n
	}
	modules := map[string]*Module{}
	var roots []*node
	for _, n := range r.nodes {
		for _, id := range n.lp.Imports {
			if id == "C" {
				continue
			}
			if dep := r.nodes[id]; dep != nil {
				n.deps = append(n.deps, dep)
				dep.importersLeft.Add(1)
			}
		}
		m := n.lp.Module
		inMain := m != nil && m.Main && ownFiles(n.lp)
		n.repo = inMain || r.ownSibling(n.lp)
		if !n.repo {
			if !n.lp.DepOnly && len(n.lp.GoFiles)+len(n.lp.CgoFiles) == 0 && n.lp.Error != nil {
				n.root = true // a pattern that failed to load: keep it, so its errors are seen
				roots = append(roots, n)
			}
			continue
		}
		if n.lp.DepOnly || !inMain {
			continue
		}
		n.root = true
		if _, ok := modules[m.Dir]; !ok {
			modules[m.Dir] = &Module{Path: m.Path, Dir: m.Dir}
		}
		roots = append(roots, n)
	}
	for _, n := range r.nodes {
		if n.repo {
			for _, d := range n.deps {
				d.frontier = !d.repo
			}
		}
	}
	slices.SortFunc(roots, func(a, b *node) int { return cmp.Compare(a.id, b.id) })
	r.linkTestVariants()
	return roots, modules
}

// ownFiles reports whether lp has files and all of them lie in its
// module's directory (not, say, a generated test main in the build cache).
func ownFiles(lp *listedPackage) bool {
	m := lp.Module
	return m != nil && m.Dir != "" && len(lp.files()) > 0 && allWithin(m.Dir, lp.files())
}

// ownSibling reports whether lp, of a module that is not a main module, is
// the repository's code all the same (Options.Own): only a module in a local
// directory (a replace directive's), never the module cache or GOROOT, is
// asked about.
func (r *fastRun) ownSibling(lp *listedPackage) bool {
	m := lp.Module
	if r.own == nil || m == nil || m.Main || !isLocal(lp, r.snap.GoEnv) || !ownFiles(lp) {
		return false
	}
	return r.own(lp.pkgPath(), lp.Dir)
}

// matchedOutsideModules counts the packages (test variants once) the
// patterns matched that belong to no main module.
func (r *fastRun) matchedOutsideModules() int {
	paths := map[string]bool{}
	for _, node := range r.nodes {
		if !node.lp.DepOnly && !node.repo && !node.lp.isTestMain() {
			path, _, _ := strings.Cut(node.id, " [")
			paths[strings.TrimSuffix(path, "_test")] = true
		}
	}
	return len(paths)
}

func listErrorText(e *listError) string {
	msg := strings.TrimSpace(e.Err)
	if (msg == "import cycle not allowed" || msg == "import cycle not allowed in test") && len(e.ImportStack) > 0 {
		stack := make([]string, len(e.ImportStack))
		for i, s := range e.ImportStack {
			stack[i] = strings.TrimSuffix(s, " (test)")
		}
		msg += fmt.Sprintf(": import stack: %v", stack)
	}
	if e.Pos == "" {
		return msg
	}
	return e.Pos + ": " + msg
}

func allWithin(dir string, files []string) bool {
	for _, f := range files {
		if !within(dir, f) {
			return false
		}
	}
	return true
}

// execute visits every package once its dependencies are done. A
// repository package whose key has a cache entry takes its outcome from
// there; one without is type-checked with bodies and analysed. Other
// packages are type-checked (without bodies) only when an analysed package
// needs them (ensureTypes). Keys hash what dependencies show their
// importers, not their contents, so an edit that changes no API, fact or
// error (a comment, a function body) re-analyses only its own package.
func (r *fastRun) execute() {
	rankNodes(r.nodes)
	for _, n := range r.nodes {
		n.unfinished.Store(n.importersLeft.Load() + 1)
	}
	var wg sync.WaitGroup
	for _, n := range r.nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, d := range n.waitsFor() {
				<-d.done
			}
			if r.ctx.Err() != nil {
				return
			}
			r.visit(n)
			r.finish(n)
		}()
	}
	wg.Wait()
}

// finish marks n done for its facts' sake: n is finished once its own
// visit and every importer's are, and then no package that may ask for
// its facts (a transitive importer, through the types of a direct one) is
// left, so they are forgotten. Facts kept to the end of the run held the
// types of every package with facts: live memory grew with the
// repository, and the collector's work with it.
func (r *fastRun) finish(n *node) {
	if n.unfinished.Add(-1) != 0 {
		return
	}
	r.facts.forget(n.sharedFacts)
	n.sharedFacts = nil
	for _, d := range n.deps {
		r.finish(d)
	}
}

func (r *fastRun) visit(n *node) {
	setExportable(n)
	caching := r.cache.dir != ""
	if caching && !n.keyed {
		n.key = r.keyOf(n)
		n.iface = n.key
	}
	if !n.repo {
		return
	}
	var carried []carriedFact // the test variant's facts, if n borrows its analysis
	if t := n.testVariant; t != nil {
		n.borrowed = analysedCleanly(t)
		carried, t.carried = t.carried, nil
	}
	if caching {
		n.entry = r.readEntry(n)
	}
	if n.entry != nil {
		n.illTyped = n.entry.IllTyped
		n.actions = map[*analysis.Analyzer]*action{}
		for i, a := range r.analyzers {
			act := &action{}
			if msg := n.entry.Actions[i].Err; msg != "" {
				act.err = errors.New(msg)
			}
			n.actions[a] = act
		}
		n.iface = n.entry.Iface
		return
	}
	if n.borrowed {
		r.borrow(n, carried)
		return
	}
	n.full = true
	r.ensureDepTypes(n)
	r.cpu.acquire(n.rank)
	defer r.cpu.release()
	r.typeCheck(n)
	r.analyse(n)
	if caching {
		r.writeEntry(n)
	}
	if n.borrower != nil {
		n.carried = namedFacts(n)
	}
	r.dropInputs(n)
	r.release(n)
	r.facts.forget(n.ownFacts)
	n.files, n.info, n.passPkg, n.typeErrors, n.exports, n.encoder, n.ownFacts = nil, nil, nil, nil, nil, nil, nil
	if n.importersLeft.Load() == 0 {
		n.pkg = nil // no importer: its facts went with ownFacts (see typeCheck)
	}
}

// ensureDepTypes type-checks n's dependencies, in parallel, if they are not.
func (r *fastRun) ensureDepTypes(n *node) {
	var wg sync.WaitGroup
	for _, d := range n.deps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.ensureTypes(d)
		}()
	}
	wg.Wait()
}

// ensureTypes type-checks n without bodies, once, unless it was analysed
// (an importer asks only once n is done, so n.full is settled). A cached
// repository package then offers its cached facts to its importers.
// Callers hold no CPU token: this waits for dependencies.
func (r *fastRun) ensureTypes(n *node) {
	n.typesOnce.Do(func() {
		if n.full {
			return
		}
		if r.exportMode() && (n.frontier || n.exportData != nil) {
			r.cpu.acquire(n.rank)
			ok := r.readExport(n)
			r.cpu.release()
			if ok {
				return
			}
			// Imported only by tests, which the build cache's export
			// data does not cover (see compilerExport), or gone or
			// unreadable since exportMode looked: from source (and
			// its cache entry written for next time).
		}
		r.ensureDepTypes(n)
		r.cpu.acquire(n.rank)
		defer r.cpu.release()
		defer r.release(n)
		r.typeCheck(n)
		r.writeExport(n)
		if n.entry != nil {
			n.illTyped = n.entry.IllTyped
			r.importFacts(n)
		}
		n.files = nil
	})
}

// release tells n's dependencies that n, type-checked, needs their types
// no more; the last importer to say so lets a dependency's types go
// (whatever of them n's own types refer to stays reachable from there).
// Keeping every package's types to the end of the run would make memory
// grow with the whole repository instead of with its widest layer.
func (r *fastRun) release(n *node) {
	for _, d := range n.deps {
		if d.importersLeft.Add(-1) == 0 {
			d.pkg = nil
		}
	}
}

// parseMode is how each kind of package is parsed: the repository's with
// comments (analyzers read directives), the rest without.
func parseMode(repo bool) parser.Mode {
	if repo {
		return parser.ParseComments | parser.SkipObjectResolution | parser.AllErrors
	}
	return parser.SkipObjectResolution
}

// parseFile parses a file of a package; one checked without bodies is
// parsed with its bodies blanked (blankBodies), or as it is when that
// fails.
func (r *fastRun) parseFile(name string, src []byte, full bool) (*ast.File, error) {
	if !full {
		if blanked := blankBodies(src); blanked != nil {
			if f, err := parser.ParseFile(r.fset, name, blanked, parseMode(false)); err == nil {
				return f, nil
			}
		}
	}
	return parser.ParseFile(r.fset, name, src, parseMode(full))
}

func (r *fastRun) typeCheck(n *node) {
	if n.id == "unsafe" {
		n.pkg = types.Unsafe // what importers get (importFor); not checked from source
		return
	}
	r.checked.Add(1)
	srcBytes := r.parseFiles(n)
	pruned := !n.repo
	if pruned {
		pruneFiles(n.files)
	}
	r.checkFiles(n, srcBytes)
	if pruned && len(n.typeErrors) > 0 && len(n.lp.CgoFiles) == 0 {
		// Pruning keeps what the package's own declarations name, so
		// these are the package's own errors; checked whole, a package
		// that pruning broke all the same is not reported as broken,
		// and only ill-typed dependencies pay for the second check.
		n.files, n.errs, n.typeErrors = nil, nil, nil
		r.parseFiles(n)
		r.checkFiles(n, srcBytes)
	}
	if !n.repo && len(n.lp.CgoFiles) > 0 {
		// Without cgo processing, a dependency's C.xxx references are
		// unknown; what its importers see of it is still right. Only
		// list errors count for such a package.
		n.errs, n.typeErrors = nil, nil
		if n.lp.Error != nil {
			n.errs = append(n.errs, listErrorText(n.lp.Error))
		}
	}
	if !n.repo && n.lp.Error == nil && len(n.typeErrors) > 0 && len(n.typeErrors) == len(n.errs) {
		// A third-party module that does not type-check with this Go
		// version (an old bytedance/sonic under Kitex) must not stop the
		// repository's analysis: go/types has typed the rest of it, and
		// the analyzers only lose what flows through the broken part. It
		// is named as a warning instead.
		r.noteDependencyErrors(n)
		n.errs, n.typeErrors = nil, nil
	}
	if !n.repo && n.lp.Error != nil && len(n.lp.files()) == 0 && len(n.typeErrors) == 0 {
		// A third-party package the go command cannot find (go.sum lacks
		// its module, or no required module provides it): its importer,
		// a third-party package too, is typed without it above, like a
		// module that does not type-check, and the repository's packages
		// are checked all the same. Named as a warning instead.
		r.noteDependencyErrors(n)
		n.errs = nil
	}
	n.illTyped = len(n.errs) > 0
	for _, d := range n.deps {
		if d.illTyped {
			n.illTyped = true
		}
	}
	if n.full {
		n.passPkg = n.pkg
		if n.importersLeft.Load() > 0 {
			n.pkg = r.apiOnly(n)
		}
	}
}

// parseFiles parses n's files into n.files (bodies dropped unless n is
// analysed), records their errors, and returns the size of the source.
func (r *fastRun) parseFiles(n *node) int {
	srcBytes := 0
	for _, name := range n.lp.files() {
		src, err := os.ReadFile(name)
		if err != nil {
			n.errs = append(n.errs, err.Error())
			continue
		}
		srcBytes += len(src)
		f, err := r.parseFile(name, src, n.full)
		if err != nil {
			n.errs = append(n.errs, parseErrors(err)...)
		}
		if f != nil {
			if !n.full {
				dropBodies(f)
			}
			if n.repo || n.full {
				clipLines(r.fset.File(f.FileStart))
			} else {
				forgetLines(r.fset.File(f.FileStart))
			}
			n.files = append(n.files, f)
		}
	}
	return srcBytes
}

// checkFiles type-checks n.files into n.pkg (and n.info, when n is
// analysed).
func (r *fastRun) checkFiles(n *node, srcBytes int) {
	n.pkg = types.NewPackage(n.lp.pkgPath(), n.lp.Name)
	if n.full {
		n.info = newInfo(srcBytes)
	}
	cfg := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return r.importFor(n, path) }),
		IgnoreFuncBodies: !n.full,
		FakeImportC:      len(n.lp.CgoFiles) > 0,
		Sizes:            r.sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				recallLines(r.fset, te.Pos)
				n.typeErrors = append(n.typeErrors, te)
				n.errs = append(n.errs, r.fset.Position(te.Pos).String()+": "+te.Msg)
			} else {
				n.errs = append(n.errs, err.Error())
			}
		},
	}
	if m := n.lp.Module; m != nil && m.GoVersion != "" {
		cfg.GoVersion = "go" + m.GoVersion
	}
	err := types.NewChecker(cfg, r.fset, n.pkg, n.info).Files(n.files)
	if err != nil && len(n.errs) == 0 {
		n.errs = append(n.errs, err.Error())
	}
}

// newInfo returns a types.Info for source of the given size, its maps
// sized up front: grown one entry at a time, they were a tenth of a cold
// run's CPU time. Go code has about one typed expression per 16 bytes of
// source, one use per 24 and one definition, selection or scope per 120
// (less comment-heavy generated code: per 12, 16 and 60); the hints sit
// between the two.
func newInfo(srcBytes int) *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, srcBytes/14),
		Defs:         make(map[*ast.Ident]types.Object, srcBytes/80),
		Uses:         make(map[*ast.Ident]types.Object, srcBytes/20),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, srcBytes/100),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, srcBytes/100),
		FileVersions: make(map[*ast.File]string),
	}
}

// apiOnly type-checks n's files again, without bodies, for its importers.
// The package the analyzers saw holds the scopes and objects of every
// function body, which no importer needs; keeping it for them would keep
// all of them in memory until the end of the run. A package no one imports
// (a command, a leaf; a fifth of the bench tree) skips it: its facts are
// then set on the analysed package's own objects only (twin is the
// identity), forgotten with them, and nothing keeps its types alive.
// (During its importers' wait, importersLeft is its number of importers.)
func (r *fastRun) apiOnly(n *node) *types.Package {
	pkg := types.NewPackage(n.lp.pkgPath(), n.lp.Name)
	cfg := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return r.importFor(n, path) }),
		IgnoreFuncBodies: true,
		FakeImportC:      len(n.lp.CgoFiles) > 0,
		Sizes:            r.sizes,
		Error:            func(error) {}, // reported by the full check
	}
	if m := n.lp.Module; m != nil && m.GoVersion != "" {
		cfg.GoVersion = "go" + m.GoVersion
	}
	types.NewChecker(cfg, r.fset, pkg, nil).Files(n.files)
	return pkg
}

// clipLines gives a parsed file's line table its exact size. The scanner
// appends to it line by line, leaving up to half of it unused, and the file
// set keeps every table to the end of the run for positions: on the bench
// trees they were an eighth of the live heap, a quarter of that unused.
func clipLines(f *token.File) {
	if f != nil {
		f.SetLines(slices.Clone(f.Lines()))
	}
}

func parseErrors(err error) []string {
	if list, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range list.Unwrap() {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{err.Error()}
}

// importFor resolves an import of n's files to a type-checked dependency.
func (r *fastRun) importFor(n *node, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	id := path
	if mapped, ok := n.lp.ImportMap[path]; ok {
		id = mapped
	}
	for _, d := range n.deps {
		if d.id == id {
			if d.lp.Error != nil && d.lp.Name == "" {
				// go list could not even find it (a module that does not
				// download, a module graph that does not load): its error
				// says why, where go/types would only say "invalid
				// package name".
				return nil, errors.New(d.lp.Error.Err) // go/types adds "could not import PATH"
			}
			if d.pkg == nil {
				return nil, fmt.Errorf("could not import %s (not type-checked)", path)
			}
			return d.pkg, nil
		}
	}
	return nil, fmt.Errorf("could not import %s (no metadata)", path)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// noteDependencyErrors records the type errors of n, a dependency, for
// Result.DependencyErrors.
func (r *fastRun) noteDependencyErrors(n *node) {
	r.depErrMu.Lock()
	defer r.depErrMu.Unlock()
	if r.depErrors == nil {
		r.depErrors = map[string]storedDepErrors{}
	}
	r.depErrors[n.id] = storedDepErrors{Key: n.key, Path: n.lp.pkgPath(), Errors: sortedUnique(n.errs)}
}

// dependencyErrors lists the dependencies that do not type-check, sorted
// by import path: those this run type-checked, and those a run before it
// did, whose key is the same now (a run that reads them from export data,
// or re-analyses nothing, checks them no more, and must warn alike).
func (r *fastRun) dependencyErrors() []Failure {
	var out []Failure
	for _, e := range r.knownDependencyErrors() {
		out = append(out, Failure{Path: e.Path, Errors: e.Errors})
	}
	slices.SortFunc(out, func(a, b Failure) int { return cmp.Or(cmp.Compare(a.Path, b.Path), slices.Compare(a.Errors, b.Errors)) })
	return slices.CompactFunc(out, func(a, b Failure) bool { return a.Path == b.Path && slices.Equal(a.Errors, b.Errors) })
}

// knownDependencyErrors returns, by ID, the type errors of the
// dependencies this run type-checked, and those the snapshot holds of
// dependencies it did not check whose key is unchanged.
func (r *fastRun) knownDependencyErrors() map[string]storedDepErrors {
	known := maps.Clone(r.depErrors)
	if known == nil {
		known = map[string]storedDepErrors{}
	}
	for id, e := range r.snap.DepErrors {
		if _, fresh := known[id]; fresh {
			continue
		}
		if n := r.nodes[id]; n != nil && n.key != (hash{}) && n.key == e.Key {
			known[id] = e
		}
	}
	return known
}

// recordDependencyErrors puts the dependency errors this run knows of in
// the snapshot, marking it dirty when they differ from what it held.
func (r *fastRun) recordDependencyErrors() {
	known := r.knownDependencyErrors()
	if !maps.EqualFunc(known, r.snap.DepErrors, func(a, b storedDepErrors) bool {
		return a.Key == b.Key && a.Path == b.Path && slices.Equal(a.Errors, b.Errors)
	}) {
		r.snap.DepErrors = known
		r.snap.dirty = true
	}
}

// collect turns the analysed roots into a Result.
func (r *fastRun) collect(roots []*node, modules map[string]*Module) *Result {
	res := &Result{DependencyErrors: r.dependencyErrors()}
	seen := diagnosticSet{}
	for _, n := range roots {
		pkg := &Package{
			ID:      n.id,
			Path:    n.lp.pkgPath(),
			Name:    n.lp.Name,
			Errors:  sortedUnique(n.errs),
			Failed:  map[*analysis.Analyzer]error{},
			Results: map[*analysis.Analyzer]any{},
		}
		if len(n.lp.GoFiles)+len(n.lp.CgoFiles) > 0 {
			pkg.Dir = n.lp.Dir
		}
		if m := n.lp.Module; m != nil {
			pkg.Module = modules[m.Dir]
		}
		res.Packages = append(res.Packages, pkg)
		if n.entry != nil && !n.full {
			pkg.Errors = n.entry.Errors
		}
		if n.borrowed {
			continue // its test variant reports on its files
		}
		for i, a := range r.analyzers {
			if !r.roots[a] || !n.repo {
				continue
			}
			var (
				result any
				err    error
				diags  []Diagnostic
			)
			if n.full {
				act := n.actions[a]
				result, err = act.result, act.err
				for _, d := range act.diags {
					diags = append(diags, resolve(r.fset, a, pkg, d))
				}
			} else {
				result, err, diags = r.cachedOutcome(n, a, i)
			}
			if err != nil {
				pkg.Failed[a] = err
			} else {
				pkg.Results[a] = result
			}
			for _, diag := range diags {
				diag.Package = pkg.Path
				seen.add(res, modules, diag)
			}
		}
	}
	finish(res, modules)
	return res
}

func sortedUnique(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return slices.Compact(out)
}

// absAll makes a package's file names absolute.
func absAll(dir string, names []string) []string {
	var out []string
	for _, n := range names {
		if !filepath.IsAbs(n) {
			n = filepath.Join(dir, n)
		}
		out = append(out, n)
	}
	return out
}

// dropTypes lets go of the types a cold run kept to its end (export data
// registered for importers, dependencies of the last packages, facts) and
// collects them, before the snapshot and the results are written: those
// allocations would otherwise land on top of the largest heap of the run
// and set its peak memory (about 15% more on the medium bench tree).
// Diagnostics, results and cache entries hold positions and strings only.
// Only runs that type-checked most packages (cold runs) collect.
func (r *fastRun) dropTypes() {
	r.exportMu.Lock()
	r.exportImports = nil
	r.exportMu.Unlock()
	r.facts = nil
	for _, n := range r.nodes {
		n.pkg, n.passPkg, n.info, n.files, n.exportData = nil, nil, nil, nil, nil
	}
	if r.mostlyChecked() && heapObjectBytes() > 64<<20 {
		runtime.GC()
	}
}

// mostlyChecked reports whether the run type-checked most of its packages,
// as a cold run does. A warm run or a one-file edit checks few and keeps
// little: a collection would only delay the answer the pre-commit hook
// waits for.
func (r *fastRun) mostlyChecked() bool {
	return int(r.checked.Load())*2 > len(r.nodes)
}

func heapObjectBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// dropInputs forgets the results that only served as other analyzers'
// inputs on n (value's resolver holds the package's syntax and type
// information), and all results of packages that are not reported.
func (r *fastRun) dropInputs(n *node) {
	for a, act := range n.actions {
		if !n.root || !r.roots[a] {
			act.result = nil
		}
	}
}
