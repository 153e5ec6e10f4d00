package value

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"golang.org/x/tools/go/analysis"
)

// ReturnsFact is the fact value.Analyzer exports for an exported function
// (or method) of the repository whose string or URL result resolves to
// something: its return summary, with the function's parameters as Param
// parts (and EnvParam parts for the getenv idiom). A package that calls the
// function resolves the call by substituting its arguments, as it does for
// functions of its own package:
//
//	// pkg/config
//	func Getenv(key, def string) string  // fact: returns {env(param0:key)|default param1}
//
//	// services/checkout
//	sql.Open("postgres", config.Getenv("CHECKOUT_DSN", "postgres://..."))
//
// Facts are exported only for packages of the analysed modules (not for the
// standard library or dependency modules, which the checks never report
// on), and only when the summary is not entirely unknown.
//
// The fact also carries the function's store summaries (stores.go): what
// it stores through its *string parameters, so that
// config.MustMapEnv(&svc.addr, "ORDERS_ADDR") in another package assigns
// svc.addr.
type ReturnsFact struct {
	Results []Return // sorted by Index
	Stores  []Return // by parameter: Index is the parameter's index
}

// Return is the summary of one result of a function.
type Return struct {
	Index int // the result's index in the signature
	Value Value
}

// AFact marks ReturnsFact as an analysis fact.
func (*ReturnsFact) AFact() {}

// String renders the fact for analysistest and fact listings, with
// credentials redacted: "returns {env(param0:key)|default param1}".
func (f *ReturnsFact) String() string {
	var parts []string
	for _, r := range f.Results {
		s := "returns " + dsn.Redact(r.Value.String())
		if r.Index > 0 {
			s = fmt.Sprintf("returns[%d] %s", r.Index, dsn.Redact(r.Value.String()))
		}
		parts = append(parts, s)
	}
	for _, st := range f.Stores {
		parts = append(parts, fmt.Sprintf("stores *param%d %s", st.Index, dsn.Redact(st.Value.String())))
	}
	return strings.Join(parts, "; ")
}

// maxFactParts bounds the values carried in facts, so that a function
// that builds a long string does not inflate every importer's facts.
const maxFactParts = 32

// worthAFact reports whether v says something another package can use:
// not wholly unknown, no struct fields (those are this package's business:
// package sinks follows them) and small enough to carry.
func worthAFact(v Value) bool {
	return !v.Opaque() && !v.Has(Field) && len(v.Parts) <= maxFactParts
}

// importedStores reads the store summary of parameter param of fn, a
// function of another package, from its fact.
func (r *Resolver) importedStores(fn *types.Func, param int) (Value, bool) {
	var fact ReturnsFact
	if r.importFact == nil || fn.Pkg() == nil || !r.importFact(fn, &fact) {
		return Value{}, false
	}
	for _, st := range fact.Stores {
		if st.Index == param {
			return st.Value, true
		}
	}
	return Value{}, false
}

func (r *Resolver) importedReturns(fn *types.Func, result int) Value {
	name := "call to " + funcName(fn)
	if r.importFact == nil || fn.Pkg() == nil {
		return Hole(name)
	}
	var fact ReturnsFact
	if !r.importFact(fn, &fact) {
		return Hole(name)
	}
	for _, ret := range fact.Results {
		if ret.Index == result {
			return r.withFieldFacts(ret.Value, fn.Pkg())
		}
	}
	return Hole(name)
}

// run is value.Analyzer's Run: a resolver for the package, and, in the
// repository's packages, a ReturnsFact for every exported function whose
// summary says something.
func run(pass *analysis.Pass) (any, error) {
	r := NewWithFileSet(pass.Fset, pass.TypesInfo, pass.Files)
	if !inRepository(pass) {
		return r, nil
	}
	if view, err := servicemap.For(pass); err == nil && view != nil && view.Owner.Service != "" {
		r.bindFormat = func(v Value) (string, bool) { return formatText(view, v) }
	}
	r.importFact = pass.ImportObjectFact
	r.packageFacts, r.pkg = pass.AllPackageFacts, pass.Pkg
	r.exportFacts(pass.Files, pass.ExportObjectFact)
	r.exportVarFacts(pass)
	r.exportFieldFacts(pass)
	return r, nil
}

// inRepository reports whether pass's package is the repository's code:
// of one of the analysed modules (a module path and no version: not the
// standard library, not a dependency), or of a sibling module that a
// replace directive makes a dependency and the boundary map claims
// (servicemap.For). Deciding the first from the module alone keeps
// value.Analyzer from loading the map where it is not needed; the checks
// that use it decide what to report from the map.
func inRepository(pass *analysis.Pass) bool {
	m := pass.Module
	if m == nil || m.Path == "" {
		return false
	}
	if m.Version == "" {
		return true
	}
	view, err := servicemap.For(pass)
	return err == nil && view != nil
}

// exportFacts summarises the package's exported functions, in source
// order, each once.
func (r *Resolver) exportFacts(files []*ast.File, export func(types.Object, analysis.Fact)) {
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, _ := r.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if fact := r.factOf(fn); fact != nil {
				export(fn, fact)
			}
		}
	}
}

// factOf returns fn's fact, or nil when no result of fn says anything its
// callers could use.
func (r *Resolver) factOf(fn *types.Func) *ReturnsFact {
	var fact ReturnsFact
	results := fn.Signature().Results()
	for i := range results.Len() {
		if !summarisable(results.At(i).Type()) {
			continue
		}
		v := r.Returns(fn, i)
		if !worthAFact(v) && !r.summaryWithFixedFields(v) {
			continue
		}
		fact.Results = append(fact.Results, Return{Index: i, Value: v})
	}
	fact.Stores = r.storesOf(fn)
	if len(fact.Results) == 0 && len(fact.Stores) == 0 {
		return nil
	}
	return &fact
}

// storesOf summarises what fn stores through its *string parameters, for
// its fact: only what says something its callers could use.
func (r *Resolver) storesOf(fn *types.Func) []Return {
	var stores []Return
	params := fn.Signature().Params()
	for i := range params.Len() {
		if !isStringPtr(params.At(i).Type()) {
			continue
		}
		r.mu.Lock()
		r.index()
		v, writes := r.scopeOf(fn.Pos()).stores(fn, i)
		r.mu.Unlock()
		if !writes || !worthAFact(v) {
			continue
		}
		stores = append(stores, Return{Index: i, Value: v})
	}
	return stores
}
