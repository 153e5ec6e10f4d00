package syncclient

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/types/typeutil"
)

// ignoreWants lets a scenario run under -strict although its // want
// comments were written for the default mode: this test reads outcomes,
// not diagnostics.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}

// TestNothingDroppedSilently walks every call to a library sink (the
// built-in table: net/http, gRPC dials, resty, ...) and every generated
// stub constructor in the services' production code of the fixtures,
// and checks that each ends in one outcome: reported, allowed, a call to
// itself, an external system, the dial of a stub reported with it, or
// unattributed — and then listed by -strict. A sink in a function that
// passes it on to its callers (a wrapper fact) ends at those callers.
func TestNothingDroppedSilently(t *testing.T) {
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	for _, scenario := range []string{"runtime", "strict", "http", "grpc", "wrappers", "copied", "gozero", "kitex", "micro", "dapr"} {
		t.Run(scenario, func(t *testing.T) {
			dir := filepath.Join(analysistest.TestData(), scenario)
			if _, err := os.Stat(filepath.Join(dir, "go.sum")); err == nil {
				testtree.Download(t, dir)
			}
			for _, r := range analysistest.Run(ignoreWants{}, dir, Analyzer, "./...") {
				res, _ := r.Result.(*Result)
				if res == nil {
					continue // not a service's code
				}
				listed := map[token.Pos]bool{}
				for _, d := range r.Diagnostics {
					listed[d.Pos] = true
				}
				for _, o := range res.Calls {
					if !slices.Contains(fates, o.Fate) {
						t.Errorf("%s: unknown fate %q", r.Pass.Fset.Position(o.Pos), o.Fate)
					}
					if (o.Fate == FateUnattributed || o.Fate == FateReported) && !listed[o.Pos] {
						t.Errorf("%s: %s call to %s has no diagnostic under -strict", r.Pass.Fset.Position(o.Pos), o.Fate, o.Target)
					}
				}
				for _, site := range sinkSites(r.Pass.Fset, r.Pass.TypesInfo, r.Pass.Files, r.Pass.ImportObjectFact, res, r.Pass.Module.Path) {
					if !hasOutcome(r.Pass.Fset, res, site.pos) && !site.passedOn {
						t.Errorf("%s: %s: no outcome (dropped without a word)", r.Pass.Fset.Position(site.pos), site.what)
					}
				}
			}
		})
	}
}

// TestAlternativesOfAnAttributedCall: a zrpc configuration handed to a
// shared wrapper offers its Endpoints, Target and Etcd.Key; the file sets
// the Endpoints, which attribute the call. Under -strict the two others
// are part of that call, not calls that no service claims.
func TestAlternativesOfAnAttributedCall(t *testing.T) {
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	dir := filepath.Join(analysistest.TestData(), "gozero")
	testtree.Download(t, dir)
	found := 0
	for _, r := range analysistest.Run(ignoreWants{}, dir, Analyzer, "./service/payment/...") {
		res, _ := r.Result.(*Result)
		if res == nil {
			continue
		}
		for _, o := range res.Calls {
			if !strings.HasSuffix(r.Pass.Fset.Position(o.Pos).Filename, "payment/rpc/internal/svc/servicecontext.go") {
				continue
			}
			found++
			if o.Fate != FateReported && o.Fate != FateSameCall {
				t.Errorf("%s: %s to %q (%s), want reported or part of the reported call", r.Pass.Fset.Position(o.Pos), o.Fate, o.To, o.Target)
			}
		}
	}
	if found < 6 {
		t.Errorf("%d outcomes in payment's service context, want the Endpoints, Target and Etcd.Key of two calls", found)
	}
}

var fates = []Fate{FateReported, FateAllowed, FateSelf, FateSameCall, FateExternal, FateUnattributed}

type sinkSite struct {
	pos      token.Pos
	what     string
	passedOn bool // in a function whose callers see it through a wrapper fact
}

// sinkSites lists the calls of production files to the built-in sinks and
// to generated stub constructors.
func sinkSites(fset *token.FileSet, info *types.Info, files []*ast.File, importFact func(types.Object, analysis.Fact) bool, res *Result, module string) []sinkSite {
	var sites []sinkSite
	chained := chainedFuncs(info, files, importFact)
	for _, f := range files {
		if strings.HasSuffix(fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			// Passed on: to the callers, through a wrapper fact (its own,
			// or a constructor's whose uses go through the method), or to
			// the literals of the method's struct type, which name it.
			passedOn := fn != nil && (importFact(fn, new(wrapperFact)) || chained[sinks.FuncPath(fn)] || namedInVia(res, module, fn))
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := typeutil.StaticCallee(info, call)
				if callee == nil {
					return true
				}
				if len(builtinTable.Calls(callee)) > 0 || importFact(callee, new(stubFact)) {
					sites = append(sites, sinkSite{call.Pos(), fmt.Sprintf("call to %s", callee.FullName()), passedOn})
				}
				return true
			})
		}
	}
	return sites
}

// chainedFuncs returns the functions that the wrapper facts of the
// package's functions name in their uses' chains: a constructor that keeps
// the address in a field passes on the calls of the methods that read it.
func chainedFuncs(info *types.Info, files []*ast.File, importFact func(types.Object, analysis.Fact) bool) map[string]bool {
	chained := map[string]bool{}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			fact := new(wrapperFact)
			if fn == nil || !importFact(fn, fact) {
				continue
			}
			for _, u := range fact.Uses {
				for _, name := range u.Chain {
					chained[name] = true
				}
			}
		}
	}
	return chained
}

// namedInVia reports whether an outcome names fn among its wrappers.
func namedInVia(res *Result, module string, fn *types.Func) bool {
	name := sinks.Display(sinks.FuncPath(fn), module)
	for _, o := range res.Calls {
		if slices.Contains(o.Via, name) {
			return true
		}
	}
	return false
}

// hasOutcome reports whether an outcome is at pos's line: the call, or the
// call that reports it (a request sent by Do on the same line counts too).
func hasOutcome(fset *token.FileSet, res *Result, pos token.Pos) bool {
	line := fset.Position(pos).Line
	file := fset.Position(pos).Filename
	for _, o := range res.Calls {
		for _, p := range []token.Pos{o.Pos, o.Sink} {
			if p.IsValid() && fset.Position(p).Line == line && fset.Position(p).Filename == file {
				return true
			}
		}
	}
	return false
}
