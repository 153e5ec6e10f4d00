package value

import (
	"go/token"
	"go/types"
	"slices"
)

// A package with _test.go files is analysed as its test variant
// ("p [p.test]", as go vet does): its production files and its test files
// together. Tests often override what production code reads,
//
//	// client.go
//	var ordersURL = "http://orders:8080"
//	// client_test.go
//	ordersURL = srv.URL
//
// but those writes are not compiled into the production binary, so
// production code must resolve as if the test files were not there:
// ordersURL is http://orders:8080 in client.go. Test code sees every
// write, its own included, so ordersURL is unknown in client_test.go.
//
// One walk records every write with the kind of file it is in (def.test,
// escape.test), and each query is answered by the scope of the file it
// comes from: prod, which skips the writes of test files, or all. What
// differs between the two, and so is memoized per scope, is what follows
// from writes: variables, fields and return summaries. In a package without
// test files prod and all are one scope, which filters nothing.

// A scope resolves expressions with the writes of some of the package's
// files and memoizes what it resolves. Its methods read the Resolver's
// index of writes only through defsOf, fieldDefsOf and escaped, which
// leave out what the scope does not see.
type scope struct {
	*Resolver
	hideTests bool // the writes of _test.go files do not count: production code's scope

	vars      map[*types.Var]Value // resolved variables
	busy      map[*types.Var]bool  // variables being resolved (cycle guard)
	rets      map[resultKey]Value  // return summaries of this package's functions
	retBusy   map[resultKey]bool   // summaries being computed (cycle guard)
	fieldVals map[fieldKey]Value   // resolved fields
	fieldBusy map[fieldKey]bool    // fields being resolved (cycle guard)

	storeSums     map[resultKey]storeSummary // store summaries of this package's functions
	storeBusy     map[resultKey]bool         // store summaries being computed (cycle guard)
	typeFieldVals map[*types.Var]Value       // resolved fields of the package's types
}

func newScope(r *Resolver, hideTests bool) *scope {
	return &scope{
		Resolver:  r,
		hideTests: hideTests,
		vars:      make(map[*types.Var]Value),
		busy:      make(map[*types.Var]bool),
		rets:      make(map[resultKey]Value),
		retBusy:   make(map[resultKey]bool),
		fieldVals: make(map[fieldKey]Value),
		fieldBusy: make(map[fieldKey]bool),

		storeSums:     make(map[resultKey]storeSummary),
		storeBusy:     make(map[resultKey]bool),
		typeFieldVals: make(map[*types.Var]Value),
	}
}

// escape says why anything may write the fields of a struct variable, and
// whether a test file says so.
type escape struct {
	why  string
	test bool
}

// scopeOf returns the scope that resolves expressions at pos (and return
// summaries of functions declared there): all writes in a test file, the
// production files' elsewhere.
func (r *Resolver) scopeOf(pos token.Pos) *scope {
	if r.all != r.prod && r.inTest(pos) {
		return r.all
	}
	return r.prod
}

// inTest reports whether pos is in a _test.go file of the package.
func (r *Resolver) inTest(pos token.Pos) bool {
	for _, f := range r.tests {
		if token.Pos(f.Base()) <= pos && int(pos) <= f.Base()+f.Size() {
			return true
		}
	}
	return false
}

// InTestFile reports whether pos lies in a _test.go file of the package
// (never, for a resolver made by New), for analyzers that pair sites the
// way the Resolver pairs writes with reads: what production code does must
// not depend on what test files hold.
func (r *Resolver) InTestFile(pos token.Pos) bool {
	return r.inTest(pos) // r.tests is set once, by NewWithFileSet: no lock
}

// escapeFields records that anything may write the fields of v. A
// production file's reason counts in both scopes and wins over a test
// file's, which counts only for test code.
func (r *Resolver) escapeFields(v *types.Var, why string, test bool) {
	if e, ok := r.fieldsEscape[v]; ok && !e.test && test {
		return
	}
	r.fieldsEscape[v] = escape{why, test}
}

// defsOf returns the assignments to v that the scope sees.
func (s *scope) defsOf(v *types.Var) []def { return s.visible(s.defs[v]) }

// fieldDefsOf returns the writes to field k that the scope sees.
func (s *scope) fieldDefsOf(k fieldKey) []def { return s.visible(s.fieldDefs[k]) }

// escaped reports whether the scope sees anything write the fields of v, and why.
func (s *scope) escaped(v *types.Var) (string, bool) {
	e, ok := s.fieldsEscape[v]
	if !ok || s.hideTests && e.test {
		return "", false
	}
	return e.why, true
}

// visible returns the writes among defs that the scope sees. It allocates
// only when it leaves some out.
func (s *scope) visible(defs []def) []def {
	if !s.hideTests || !slices.ContainsFunc(defs, inTestFile) {
		return defs
	}
	return slices.DeleteFunc(slices.Clone(defs), inTestFile)
}

func inTestFile(d def) bool { return d.test }
