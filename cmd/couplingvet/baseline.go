package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/internal/atomicfile"
	"github.com/couplingvet/couplingvet/report"
)

// readBaseline reads the baseline file of -baseline. A malformed line is an
// error that names the file and the line, as file:line: problem.
func readBaseline(path string) ([]report.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-baseline: %v (write one with -write-baseline %s)", err, path)
	}
	defer f.Close()
	entries, err := report.ReadBaseline(f)
	var bad *report.BaselineError
	if errors.As(err, &bad) {
		return nil, fmt.Errorf("%s:%d: malformed baseline: %s; fix or delete the line, or delete the file and write it again with -write-baseline", path, bad.Line, bad.Msg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return entries, nil
}

// writeBaselineFile records findings in the baseline at path and returns
// the number of entries written and how many of them were kept from the
// existing file.
//
// A run replaces only the entries it can judge (see scope): entries of
// other packages (a run on ./services/orders/..., one module of a workspace
// at a time as the pre-commit hook does, packages that failed to load) are
// kept as they were, and so is a shared database the run could not see
// whole. Findings in packages that were not analysed completely are not
// recorded. The file is replaced atomically, and a malformed existing file
// is an error rather than silently lost.
func writeBaselineFile(path string, findings []report.Finding, s scope) (written, kept int, err error) {
	var record []report.Finding
	recorded := map[string]bool{}
	for _, f := range findings {
		if s.pkgSet[runPackage(f.Package)] {
			record = append(record, f)
			recorded[f.Fingerprint()] = true
		}
	}
	var old []report.Entry
	if _, statErr := os.Stat(path); statErr == nil {
		if old, err = readBaseline(path); err != nil {
			return 0, 0, fmt.Errorf("-write-baseline: not replacing %s, whose entries for packages this run did not analyse would be kept: %v", path, err)
		}
	}
	for _, e := range old {
		if s.judges(e) || (s.aggregated(e) && recorded[e.Fingerprint]) {
			continue
		}
		// An entry as a finding without a position; its line in the old
		// file keeps two entries of one fingerprint apart, so that the
		// baseline still accepts both.
		record = append(record, report.Finding{
			Check: e.Check, From: e.From, To: e.To, Package: e.Package, Target: e.Target,
			Line: e.Line,
		})
		kept++
	}

	var b strings.Builder
	if err := report.WriteBaseline(&b, record); err != nil {
		return 0, 0, err
	}
	if err := atomicfile.Write(path, []byte(b.String()), 0o644); err != nil {
		return 0, 0, fmt.Errorf("-write-baseline: %v", err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			written++
		}
	}
	return written, kept, nil
}

// runPackage is the package a test variant belongs to, as report.Compare
// counts it: "p [p.test]", "p.test" and "p_test" are p.
func runPackage(pkg string) string {
	if i := strings.Index(pkg, " ["); i >= 0 {
		pkg = pkg[:i]
	}
	pkg = strings.TrimSuffix(pkg, ".test")
	return strings.TrimSuffix(pkg, "_test")
}

// entriesPhrase is "1 entry" or "N entries".
func entriesPhrase(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// scope says which baseline entries a run can judge: call fixed when they
// no longer occur, and replace when it writes a baseline.
//
// An entry belongs to the package that reported it, and a run judges the
// entries of the packages it analysed completely. A shared database that
// only the whole-repository aggregation finds is different: its finding
// sits in the package of the first connection, but it exists only while the
// other services connect too, and a run on ./services/checkout/... does not
// see them. Such an entry is judged only by a run whose patterns cover
// every module it analysed entirely (./... at a module root, the work
// pattern) and that analysed a package of each service the entry names.
type scope struct {
	packages []string        // import paths analysed completely
	pkgSet   map[string]bool // the same, test variants folded
	services map[string]bool // services owning an analysed package
	whole    bool            // the patterns cover every analysed module
	dbNames  map[string]bool // databases the map declares
}

func newScope(res *engine.Result, m *boundaries.Map, patterns []string, wd string) scope {
	s := scope{
		packages: analysedPackages(res),
		pkgSet:   map[string]bool{},
		services: map[string]bool{},
		whole:    coversModules(patterns, wd, res.Modules),
		dbNames:  map[string]bool{},
	}
	for _, p := range s.packages {
		s.pkgSet[runPackage(p)] = true
		if o := m.OwnerOfPackage(p); o.Service != "" {
			s.services[o.Service] = true
		}
	}
	for _, svc := range m.Services {
		for _, db := range svc.Databases {
			s.dbNames[db.Name] = true
		}
	}
	return s
}

// aggregated reports whether e records a service cycle (report.Cycles) or
// a database shared by several services that the map does not declare
// (see sharedDatabases): only a whole run sees either. A database's target
// is a database identity, not a declared database, and it names the other
// services. Per-package shareddb findings name a declared database, or
// (under -strict) no service.
func (s scope) aggregated(e report.Entry) bool {
	return e.Check == boundaries.CheckCycles || (e.Check == boundaries.CheckSharedDB && e.To != "" && !s.dbNames[e.Target])
}

// judges reports whether the run can tell whether e still occurs.
func (s scope) judges(e report.Entry) bool {
	if !s.pkgSet[runPackage(e.Package)] {
		return false
	}
	if !s.aggregated(e) {
		return true
	}
	if !s.whole {
		return false
	}
	for _, svc := range append([]string{e.From}, strings.Split(e.To, ",")...) {
		if !s.services[svc] {
			return false
		}
	}
	return true
}

// fixed keeps the entries of fixed that the run can judge.
func (s scope) fixed(fixed []report.Entry) []report.Entry {
	var out []report.Entry
	for _, e := range fixed {
		if s.judges(e) {
			out = append(out, e)
		}
	}
	return out
}

// coversModules reports whether patterns name every one of modules
// entirely: "work" or "all", or "<module dir>/..." (relative to wd) or
// "<module path>/..." for each of them.
func coversModules(patterns []string, wd string, modules []engine.Module) bool {
	covered := map[string]bool{}
	for _, p := range patterns {
		if p == "work" || p == "all" {
			return true
		}
		base, ok := strings.CutSuffix(p, "/...")
		if !ok {
			if p != "..." {
				continue
			}
			base = "."
		}
		for _, mod := range modules {
			dir := base
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(wd, dir)
			}
			if base == mod.Path || (isRelative(base) && sameDir(dir, mod.Dir)) {
				covered[mod.Dir] = true
			}
		}
	}
	for _, mod := range modules {
		if !covered[mod.Dir] {
			return false
		}
	}
	return len(modules) > 0
}

func isRelative(pattern string) bool {
	return pattern == "." || pattern == ".." || strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../") || filepath.IsAbs(pattern)
}

func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
