package engine

// Borrowed analyses. With tests, go list returns a package p that has
// in-package _test.go files twice: as p, and as its test variant
// "p [p.test]", whose files are p's followed by the tests. Analysing both
// type-checked p's files with function bodies twice and ran every analyzer
// over them twice, for the same diagnostics: on the bench trees a quarter
// of a cold run's work. Like go vet, the engine analyses only the test
// variant, and p borrows its analysis:
//
//   - p's diagnostics, results and failures are the variant's (the variant
//     reports on p's files too, and the analyzers resolve production code
//     without the tests' writes, so it finds on them what p would);
//   - p's importers still need p's own types, without the tests'
//     declarations: p is type-checked without bodies, like a dependency;
//   - the facts the variant's passes exported about p's objects are set on
//     those objects, found by objectpath: the tests come after p's own
//     files, so each of p's objects has the same path in both packages.
//
// p is analysed on its own, as before, when its variant did not analyse
// cleanly (a type error in a test, a test-only import that failed, an
// analyzer that failed): a broken test must not take p's findings, or the
// facts its importers need, with it.

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A carriedFact is a fact the test variant's passes exported, named by
// objectpath so that it can be set on the same object of p.
type carriedFact struct {
	analyzer *analysis.Analyzer
	object   objectpath.Path // "" for a package fact
	fact     analysis.Fact
}

// linkTestVariants gives each reported package of the repository its
// in-package test variant (testVariant), whose analysis it may borrow. p
// waits for its variant, so no variant may depend on p: one that failed to
// load or imports a package recompiled for p's test (through which it
// would depend on p: an import cycle) is not linked, and neither are
// variants that would wait for each other (unwaitCycles).
func (r *fastRun) linkTestVariants() {
	for _, p := range r.nodes {
		if !p.repo || !p.root || p.lp.ForTest != "" || p.lp.Error != nil {
			continue
		}
		t := r.nodes[p.id+" ["+p.id+".test]"]
		if t == nil || !t.repo || !t.root || t.lp.Error != nil || t.lp.Name != p.lp.Name || t.lp.Dir != p.lp.Dir {
			continue
		}
		if !importsTestCopies(t) {
			p.testVariant, t.borrower = t, p
		}
	}
	r.unwaitCycles()
}

// unwaitCycles unlinks the test variants that would wait for each other.
// Imports alone form no cycle, but tests may: a's test imports b and b's
// test imports a, so a waits for its variant, which imports b, which waits
// for its variant, which imports a. Every such cycle lies within one
// strongly connected component of the graph of imports and variant links;
// unlinking all links inside those leaves imports only there, which are
// acyclic. (Those packages are then analysed on their own.)
func (r *fastRun) unwaitCycles() {
	for _, p := range waitCycles(r.nodes) {
		p.testVariant.borrower, p.testVariant = nil, nil
	}
}

// waitCycles returns the packages whose link to their test variant lies on
// a cycle of waits, sorted by ID: Tarjan's algorithm over imports and
// variant links.
func waitCycles(nodes map[string]*node) []*node {
	var (
		index   = map[*node]int{}
		low     = map[*node]int{}
		onStack = map[*node]bool{}
		stack   []*node
		comp    = map[*node]int{}
		next    int
	)
	var connect func(n *node)
	connect = func(n *node) {
		index[n], low[n] = next, next
		next++
		stack = append(stack, n)
		onStack[n] = true
		for _, d := range n.waitsFor() {
			if _, seen := index[d]; !seen {
				connect(d)
				low[n] = min(low[n], low[d])
			} else if onStack[d] {
				low[n] = min(low[n], index[d])
			}
		}
		if low[n] == index[n] {
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[m] = false
				comp[m] = index[n]
				if m == n {
					break
				}
			}
		}
	}
	ids := slices.Sorted(maps.Keys(nodes))
	for _, id := range ids {
		if _, seen := index[nodes[id]]; !seen {
			connect(nodes[id])
		}
	}
	var cyclic []*node
	for _, id := range ids {
		if p := nodes[id]; p.testVariant != nil && comp[p] == comp[p.testVariant] {
			cyclic = append(cyclic, p)
		}
	}
	return cyclic
}

// waitsFor returns the packages n waits for before its visit: its
// dependencies and, when it may borrow its analysis, its test variant.
func (n *node) waitsFor() []*node {
	if n.testVariant == nil {
		return n.deps
	}
	return append(slices.Clip(n.deps), n.testVariant)
}

// importsTestCopies reports whether t imports a package recompiled for a
// test ("q [p.test]").
func importsTestCopies(t *node) bool {
	for _, d := range t.deps {
		if d.lp.ForTest != "" {
			return true
		}
	}
	return false
}

// analysedCleanly reports whether n, done, was analysed (in this run or a
// cached one) without errors and with every analyzer succeeding.
func analysedCleanly(n *node) bool {
	switch {
	case n.full:
		if n.illTyped {
			return false
		}
		for _, act := range n.actions {
			if act.err != nil {
				return false
			}
		}
		return true
	case n.entry != nil:
		if n.entry.IllTyped {
			return false
		}
		for _, ca := range n.entry.Actions {
			if ca.Err != "" {
				return false
			}
		}
		return true
	}
	return false // not visited: the run was cancelled
}

// borrow completes p from its test variant's analysis (see the top of the
// file), given the facts the variant exported if it was analysed in this
// run. Only importers need p's types and facts; with none, p costs
// nothing.
func (r *fastRun) borrow(p *node, facts []carriedFact) {
	t := p.testVariant
	p.actions = map[*analysis.Analyzer]*action{}
	for _, a := range r.analyzers {
		p.actions[a] = &action{}
	}
	if !t.full {
		facts = r.decodeFacts(t.entry.Facts)
	}
	if p.importersLeft.Load() > 0 {
		r.ensureTypes(p)
		p.exports = r.setFacts(p, facts)
	} else {
		r.release(p) // p will never need its dependencies' types
	}
	if r.cache.dir != "" {
		r.writeEntry(p)
	}
	p.exports = nil
}

// namedFacts names the facts n exported in this run by objectpath, for its
// cache entry and for the package that borrows its analysis (n's objects
// are about to go). Facts about local objects, which no other package can
// refer to, are left out.
func namedFacts(n *node) []carriedFact {
	enc := new(objectpath.Encoder)
	var out []carriedFact
	for _, x := range n.exports {
		cf := carriedFact{analyzer: x.analyzer, fact: x.fact}
		if x.obj != nil {
			path, err := enc.For(x.obj)
			if err != nil {
				continue
			}
			cf.object = path
		}
		out = append(out, cf)
	}
	return out
}

// decodeFacts decodes cached facts, skipping those of analyzers this run
// does not have.
func (r *fastRun) decodeFacts(cached []cachedFact) []carriedFact {
	type key struct{ analyzer, factType string }
	known := map[key]*analysis.Analyzer{}
	factTypes := map[key]reflect.Type{}
	for _, a := range r.analyzers {
		for _, f := range a.FactTypes {
			k := key{a.Name, fmt.Sprintf("%T", f)}
			known[k], factTypes[k] = a, reflect.TypeOf(f)
		}
	}
	var out []carriedFact
	for _, cf := range cached {
		k := key{cf.Analyzer, cf.Type}
		a, ok := known[k]
		if !ok {
			continue
		}
		fact := reflect.New(factTypes[k].Elem()).Interface().(analysis.Fact)
		if gob.NewDecoder(bytes.NewReader(cf.Data)).Decode(fact) != nil {
			continue
		}
		c := carriedFact{analyzer: a, fact: fact}
		if !cf.Package {
			c.object = cf.Object
		}
		out = append(out, c)
	}
	return out
}

// setFacts sets facts on n's types (n.pkg, checked without bodies) for its
// importers, and returns those it could set: a fact about an object n does
// not have (one declared in a test) is left out.
func (r *fastRun) setFacts(n *node, facts []carriedFact) []exportedFact {
	var set []exportedFact
	for _, cf := range facts {
		t := reflect.TypeOf(cf.fact)
		if cf.object == "" {
			r.facts.exportPackage(n.pkg, cf.fact)
			n.sharedFacts = append(n.sharedFacts, packageFactKey{n.pkg, t})
			set = append(set, exportedFact{analyzer: cf.analyzer, fact: cf.fact})
			continue
		}
		obj, err := objectpath.Object(n.pkg, cf.object)
		if err != nil {
			continue
		}
		r.facts.exportObject(obj, cf.fact)
		n.sharedFacts = append(n.sharedFacts, objectFactKey{obj, t})
		set = append(set, exportedFact{analyzer: cf.analyzer, obj: obj, fact: cf.fact})
	}
	return set
}
