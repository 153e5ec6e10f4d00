package crossimport

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/finding"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports imports that cross a service boundary.
var Analyzer = &analysis.Analyzer{
	Name:       "crossimport",
	Doc:        docSummary(doc),
	URL:        "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/crossimport",
	Run:        run,
	FactTypes:  []analysis.Fact{new(reachesFact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is what the analyzer returns for a package of the repository (nil
// for others): the imports that an allow rule or a directive accepted, which
// the standalone driver draws in the service graph and counts towards
// service cycles.
type Result struct {
	Allowed []finding.Accepted
}

// reachesFact marks a shared package that imports, directly or through
// other shared packages, private code of one or more services.
type reachesFact struct {
	Reaches []reach // sorted by Service
}

// reach is one service's private code reached from a shared package.
type reach struct {
	Service string
	Chain   []string // import paths after the shared package, ending at the private package
}

func (*reachesFact) AFact() {}

func (f *reachesFact) String() string {
	var parts []string
	for _, r := range f.Reaches {
		parts = append(parts, r.Service+": "+strings.Join(r.Chain, " -> "))
	}
	return "reaches(" + strings.Join(parts, "; ") + ")"
}

// AcceptedFindings returns what allow rules and directives accepted in the
// package (nil for a nil result).
func (r *Result) AcceptedFindings() []finding.Accepted {
	if r == nil {
		return nil
	}
	return r.Allowed
}

func run(pass *analysis.Pass) (any, error) {
	view, err := servicemap.For(pass)
	if view == nil || err != nil {
		return (*Result)(nil), err
	}
	r := finding.NewReporter(pass, view, finding.CrossImport, finding.Unowned)
	c := &checker{pass: pass, view: view, report: r}
	switch view.Owner.Role {
	case boundaries.Private, boundaries.Contract:
		c.checkImports(c.serviceImport)
	case boundaries.Shared:
		c.checkImports(c.sharedImport)
		c.exportReaches()
	case boundaries.Unowned:
		c.reportUnowned()
	}
	r.Finish()
	return &Result{Allowed: r.Accepted()}, nil
}

type checker struct {
	pass   *analysis.Pass
	view   *servicemap.View
	report *finding.Reporter
}

// checkImports calls check for every import spec of the package.
func (c *checker) checkImports(check func(spec *ast.ImportSpec, path string)) {
	for _, f := range c.pass.Files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "C" {
				continue
			}
			check(spec, path)
		}
	}
}

// serviceImport vets an import made by a package of service from.
func (c *checker) serviceImport(spec *ast.ImportSpec, path string) {
	from := c.view.Owner.Service
	owner := c.view.Map.OwnerOfPackage(path)
	switch owner.Role {
	case boundaries.Private:
		if owner.Service != from {
			c.reportPrivate(spec, from, owner.Service, path)
		}
	case boundaries.Shared:
		for _, r := range c.reachesOf(path) {
			if r.Service != from {
				c.reportTransitive(spec, from, path, r)
			}
		}
	}
}

// sharedImport vets an import made by shared code.
func (c *checker) sharedImport(spec *ast.ImportSpec, path string) {
	owner := c.view.Map.OwnerOfPackage(path)
	if owner.Role != boundaries.Private {
		return
	}
	c.report.Report(spec, finding.Finding{
		Check:  finding.CrossImport,
		From:   "shared",
		To:     owner.Service,
		Target: path,
		Message: fmt.Sprintf("shared package %s imports %s private package %s: every service that imports %s now depends on %s internals; "+
			"move what it needs into shared code or into %s, or allow it in %s with a reason",
			c.display(c.view.Package), poss(owner.Service), c.display(path), c.display(c.view.Package), poss(owner.Service),
			c.contractHint(owner.Service), c.mapName()),
	})
}

func (c *checker) reportPrivate(spec *ast.ImportSpec, from, to, path string) {
	c.report.Report(spec, finding.Finding{
		Check:  finding.CrossImport,
		From:   from,
		To:     to,
		Target: path,
		Message: fmt.Sprintf("%s imports %s private package %s: %s now compiles against %s internals and breaks when %s changes them; "+
			"import %s instead, or allow it in %s with a reason",
			from, poss(to), c.display(path), from, poss(to), to, c.contractHint(to), c.mapName()),
	})
}

func (c *checker) reportTransitive(spec *ast.ImportSpec, from, shared string, r reach) {
	chain := append([]string{c.view.Package, shared}, r.Chain...)
	for i, p := range chain {
		chain[i] = c.display(p)
	}
	c.report.Report(spec, finding.Finding{
		Check: finding.CrossImport,
		From:  from,
		To:    r.Service,
		// The target is the shared package imported, not the private one
		// reached: a direct import of that private package from the same
		// package is a different violation, and must not share a baseline
		// fingerprint with this one.
		Target: shared,
		Message: fmt.Sprintf("%s reaches %s private code through shared code (%s): %s depends on %s internals without importing them; "+
			"make the shared package depend on %s instead, or allow it in %s with a reason",
			from, poss(r.Service), strings.Join(chain, " -> "), from, poss(r.Service), c.contractHint(r.Service), c.mapName()),
	})
}

// reachesOf returns what the imported shared package reaches.
func (c *checker) reachesOf(path string) []reach {
	imp := c.importedPackage(path)
	if imp == nil {
		return nil
	}
	var f reachesFact
	if !c.pass.ImportPackageFact(imp, &f) {
		return nil
	}
	return f.Reaches
}

// exportReaches records, for a shared package, the private code of each
// service that it reaches directly or through other shared packages,
// keeping one shortest chain per service.
func (c *checker) exportReaches() {
	best := make(map[string][]string)
	offer := func(service string, chain []string) {
		old, ok := best[service]
		if !ok || len(chain) < len(old) || (len(chain) == len(old) && strings.Join(chain, " ") < strings.Join(old, " ")) {
			best[service] = chain
		}
	}
	for _, imp := range c.pass.Pkg.Imports() {
		path := imp.Path()
		switch owner := c.view.Map.OwnerOfPackage(path); owner.Role {
		case boundaries.Private:
			offer(owner.Service, []string{path})
		case boundaries.Shared:
			for _, r := range c.reachesOf(path) {
				offer(r.Service, append([]string{path}, r.Chain...))
			}
		}
	}
	if len(best) == 0 {
		return
	}
	fact := &reachesFact{}
	for service, chain := range best {
		fact.Reaches = append(fact.Reaches, reach{Service: service, Chain: chain})
	}
	sort.Slice(fact.Reaches, func(i, j int) bool { return fact.Reaches[i].Service < fact.Reaches[j].Service })
	c.pass.ExportPackageFact(fact)
}

func (c *checker) importedPackage(path string) *types.Package {
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// reportUnowned reports a package that no entry of the map covers, once, at
// the package clause of its first file: its first production file, so that
// the package analysed with its tests ("p [p.test]") reports where p does.
func (c *checker) reportUnowned() {
	first := c.pass.Files[0]
	for _, f := range c.pass.Files[1:] {
		if c.before(f, first) {
			first = f
		}
	}
	c.report.Report(packageClause{first}, finding.Finding{
		Check:  finding.Unowned,
		Target: c.view.Package,
		Message: fmt.Sprintf("package %s is owned by no service, shared or wiring entry of %s: nobody's boundaries apply to it; "+
			"add its directory to a service's owns, to shared or to wiring",
			c.display(c.view.Package), c.mapName()),
	})
}

func (c *checker) filename(f *ast.File) string { return c.pass.Fset.File(f.Pos()).Name() }

// before orders files by name, production files before _test.go files.
func (c *checker) before(f, g *ast.File) bool {
	fname, gname := c.filename(f), c.filename(g)
	if ftest, gtest := strings.HasSuffix(fname, "_test.go"), strings.HasSuffix(gname, "_test.go"); ftest != gtest {
		return gtest
	}
	return fname < gname
}

// contractHint tells how to reach service through its contracts.
func (c *checker) contractHint(service string) string {
	s := c.view.Map.Service(service)
	if s == nil || len(s.Contracts) == 0 {
		return poss(service) + " contract (it has none yet: declare one under services." + service + ".contracts)"
	}
	return poss(service) + " contract (" + strings.Join(s.Contracts, ", ") + ")"
}

// display shows an import path as the repository-relative directory that
// holds it, which is what people navigate by; paths outside the
// repository's modules are shown as they are.
func (c *checker) display(path string) string {
	for _, mod := range c.view.Map.Modules() {
		rest, ok := strings.CutPrefix(path, mod.Path)
		if !ok || (rest != "" && rest[0] != '/') {
			continue
		}
		rel, err := filepath.Rel(c.view.Map.Root, filepath.Join(mod.Dir, filepath.FromSlash(rest)))
		if err != nil || strings.HasPrefix(rel, "..") {
			return path
		}
		return filepath.ToSlash(rel)
	}
	return path
}

var poss = finding.Possessive

func (c *checker) mapName() string { return filepath.Base(c.view.Map.File) }

type packageClause struct{ f *ast.File }

func (p packageClause) Pos() token.Pos { return p.f.Package }
func (p packageClause) End() token.Pos { return p.f.Name.End() }

// docSummary returns the analyzer's doc: its one-line title and the rest,
// taken from doc.go without the package clause.
func docSummary(src string) string {
	_, after, _ := strings.Cut(src, "# Analyzer crossimport\n//\n")
	var lines []string
	for _, line := range strings.Split(after, "\n") {
		if strings.HasPrefix(line, "package ") || strings.HasPrefix(line, "// # Facts") {
			break
		}
		lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(line, "//"), " "))
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
