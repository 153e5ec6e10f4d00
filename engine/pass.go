package engine

import (
	"fmt"
	"go/types"
	"net/url"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// analyse runs every analyzer on repository package n, prerequisites
// first, the way the checker does: an analyzer whose prerequisite failed on
// this package, or whose facts could not come from a dependency, fails with
// "failed prerequisites"; one on an ill-typed package is skipped.
func (r *fastRun) analyse(n *node) {
	n.actions = map[*analysis.Analyzer]*action{}
	for _, a := range r.analyzers {
		act := &action{}
		n.actions[a] = act
		if failed := r.failedPrerequisites(n, a); len(failed) > 0 {
			sort.Strings(failed)
			act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
			continue
		}
		if n.illTyped && !a.RunDespiteErrors {
			act.err = fmt.Errorf("analysis skipped due to errors in package")
			continue
		}
		act.result, act.err = r.runPass(n, a, act)
	}
}

// failedPrerequisites names the actions a's pass over n depends on that
// failed: a's prerequisites on n, and, for analyzers with facts, a on n's
// dependencies (outside the repository, where no analyzer runs, a
// dependency fails exactly when it is ill-typed, as it would under the
// checker).
func (r *fastRun) failedPrerequisites(n *node, a *analysis.Analyzer) []string {
	var failed []string
	for _, req := range a.Requires {
		if n.actions[req].err != nil {
			failed = append(failed, req.Name+"@"+n.id)
		}
	}
	if len(a.FactTypes) == 0 {
		return failed
	}
	for _, d := range n.deps {
		if d.repo {
			if act := d.actions[a]; act == nil || act.err != nil {
				failed = append(failed, a.Name+"@"+d.id)
			}
		} else if d.illTyped {
			failed = append(failed, a.Name+"@"+d.id)
		}
	}
	return failed
}

func (r *fastRun) runPass(n *node, a *analysis.Analyzer, act *action) (result any, err error) {
	inputs := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		inputs[req] = n.actions[req].result
	}
	files := n.lp.files()
	other := absAll(n.lp.Dir, n.lp.OtherFiles)
	ignored := absAll(n.lp.Dir, n.lp.IgnoredGoFiles)
	module := n.lp.Module
	if module == nil {
		module = &analysis.Module{}
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.fset,
		Files:        n.files,
		OtherFiles:   other,
		IgnoredFiles: ignored,
		Pkg:          n.passPkg,
		TypesInfo:    n.info,
		TypesSizes:   r.sizes,
		TypeErrors:   n.typeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { act.diags = append(act.diags, d) },

		ImportObjectFact:  r.facts.importObject,
		ImportPackageFact: r.facts.importPackage,
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != n.passPkg {
				panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, n.id, obj, fact))
			}
			r.facts.exportObject(obj, fact)
			n.ownFacts = append(n.ownFacts, objectFactKey{obj, reflect.TypeOf(fact)})
			if twin := r.twin(n, obj); twin != nil {
				r.facts.exportObject(twin, fact)
				n.sharedFacts = append(n.sharedFacts, objectFactKey{twin, reflect.TypeOf(fact)})
			}
			n.exports = append(n.exports, exportedFact{analyzer: a, obj: obj, fact: fact})
		},
		ExportPackageFact: func(fact analysis.Fact) {
			r.facts.exportPackage(n.passPkg, fact)
			n.ownFacts = append(n.ownFacts, packageFactKey{n.passPkg, reflect.TypeOf(fact)})
			r.facts.exportPackage(n.pkg, fact)
			n.sharedFacts = append(n.sharedFacts, packageFactKey{n.pkg, reflect.TypeOf(fact)})
			n.exports = append(n.exports, exportedFact{analyzer: a, fact: fact})
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return r.facts.allObject(a, r.reachable(n)) },
		AllPackageFacts: func() []analysis.PackageFact { return r.facts.allPackage(a, r.reachable(n)) },
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !slices.Contains(files, name) && !slices.Contains(other, name) && !slices.Contains(ignored, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("analyzer %s panicked on %s: %v", a.Name, n.id, p)
		}
	}()
	result, err = a.Run(pass)
	if err != nil {
		return nil, err
	}
	if got, want := reflect.TypeOf(result), a.ResultType; got != want {
		return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", n.id, a, got, want)
	}
	for i := range act.diags {
		u, err := resolveURL(a, act.diags[i])
		if err != nil {
			return nil, err
		}
		act.diags[i].URL = u
	}
	return result, nil
}

// resolveURL is the diagnostic's documentation URL the way the checker
// resolves it: relative to the analyzer's URL, #category when none is given.
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if d.URL == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

// twin returns the object importers see for obj, an object of the package
// the analyzers see (apiOnly), or nil for objects no importer can see.
func (r *fastRun) twin(n *node, obj types.Object) types.Object {
	if n.encoder == nil {
		n.encoder = new(objectpath.Encoder)
	}
	path, err := n.encoder.For(obj)
	if err != nil {
		return nil
	}
	twin, err := objectpath.Object(n.pkg, path)
	if err != nil {
		return nil
	}
	return twin
}

// reachable is n and its transitive dependencies' types.Packages: the
// packages whose facts n's passes may list.
func (r *fastRun) reachable(n *node) map[*types.Package]bool {
	seen := map[*node]bool{}
	pkgs := map[*types.Package]bool{}
	var visit func(*node)
	visit = func(n *node) {
		if seen[n] {
			return
		}
		seen[n] = true
		pkgs[n.pkg] = true
		if n.passPkg != nil {
			pkgs[n.passPkg] = true
		}
		for _, d := range n.deps {
			visit(d)
		}
	}
	visit(n)
	return pkgs
}

// An exportedFact is a fact one package exported, kept for the cache.
type exportedFact struct {
	analyzer *analysis.Analyzer
	obj      types.Object // nil for a package fact
	fact     analysis.Fact
}

// factStore holds the facts of one run. A package's passes run after all
// its dependencies' passes are done, so every fact it may import is there.
type factStore struct {
	mu     sync.RWMutex
	obj    map[objectFactKey]analysis.Fact
	pkg    map[packageFactKey]analysis.Fact
	stored int // facts ever stored, for tests
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

func newFactStore() *factStore {
	return &factStore{obj: map[objectFactKey]analysis.Fact{}, pkg: map[packageFactKey]analysis.Fact{}}
}

func (s *factStore) importObject(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	s.mu.RLock()
	v, ok := s.obj[objectFactKey{obj, reflect.TypeOf(ptr)}]
	s.mu.RUnlock()
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
	}
	return ok
}

func (s *factStore) exportObject(obj types.Object, fact analysis.Fact) {
	s.mu.Lock()
	s.obj[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
	s.stored++
	s.mu.Unlock()
}

func (s *factStore) importPackage(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	s.mu.RLock()
	v, ok := s.pkg[packageFactKey{pkg, reflect.TypeOf(ptr)}]
	s.mu.RUnlock()
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
	}
	return ok
}

func (s *factStore) exportPackage(pkg *types.Package, fact analysis.Fact) {
	s.mu.Lock()
	s.pkg[packageFactKey{pkg, reflect.TypeOf(fact)}] = fact
	s.stored++
	s.mu.Unlock()
}

// forget drops facts by key (objectFactKey or packageFactKey): an
// analysed package's facts about its own view of itself, which only its
// own passes used, so that view can be collected.
func (s *factStore) forget(keys []any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		switch k := k.(type) {
		case objectFactKey:
			delete(s.obj, k)
		case packageFactKey:
			delete(s.pkg, k)
		}
	}
}

func (s *factStore) allObject(a *analysis.Analyzer, reachable map[*types.Package]bool) []analysis.ObjectFact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []analysis.ObjectFact
	for k, f := range s.obj {
		if reachable[k.obj.Pkg()] && factTypeOf(a, k.typ) {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
	}
	return out
}

func (s *factStore) allPackage(a *analysis.Analyzer, reachable map[*types.Package]bool) []analysis.PackageFact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []analysis.PackageFact
	for k, f := range s.pkg {
		if reachable[k.pkg] && factTypeOf(a, k.typ) {
			out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
		}
	}
	return out
}

func factTypeOf(a *analysis.Analyzer, t reflect.Type) bool {
	for _, f := range a.FactTypes {
		if reflect.TypeOf(f) == t {
			return true
		}
	}
	return false
}
