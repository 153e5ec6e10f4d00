package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/events"
	"github.com/couplingvet/couplingvet/analyzers/finding"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/report"
)

// Exit codes of a standalone run, the same in every output format.
const (
	exitClean      = 0 // no violations (warnings may have been printed)
	exitViolations = 1 // at least one finding of severity error
	exitUsage      = 2 // bad flags, a bad or missing map, no packages matched
	exitLoad       = 3 // packages failed to load or type-check (they are named; findings are still printed)
)

const usageText = `couplingvet finds coupling between the services of a Go monorepo: imports of
another service's private code, connections to another service's database,
and synchronous calls to another service, as declared in couplingvet.yaml.

Usage:
  couplingvet [flags] [packages]      check packages (default ./...; in a go.work
                                      root without go.mod: every workspace module;
                                      in a root of several modules and neither:
                                      every module the map names)
  couplingvet -check-config [map]     validate the map and exit
  couplingvet init [-C dir] [-force] [-o file]
                                      write a starter couplingvet.yaml, every
                                      guess commented (couplingvet init -h)
  go vet -vettool=$(command -v couplingvet) [packages]
                                      run under go vet (a workspace root without
                                      go.mod: use the pattern "work")

Flags:
%s
Output:
  Findings go to stdout in the -format chosen; load errors, fixed baseline
  entries and the summary line go to stderr. -graph prints the service graph
  (DOT, Mermaid or JSON) instead of the findings; the exit code is the same.
  The graph draws services, databases and topics; violations as solid edges,
  coupling that allow rules or directives accept as dashed edges with their
  reasons, events as dotted edges, each labelled by kind and count.
  -graph-focus SERVICE keeps that service, its direct neighbours and the
  edges among them.

Service cycles:
  A standalone run also reports services that call (syncclient) or import
  (crossimport) each other in a circle, allowed edges included, as check
  "cycles" (warn by default; checks: {cycles: error|warn|off} in the map).
  One finding per cycle; record it in a baseline to accept it.

Baselines:
  couplingvet -write-baseline couplingvet.baseline ./...
      records every current finding by fingerprint (check, from, to, package,
      target; no line numbers), sorted; nothing is printed on stdout. Entries
      of packages this run did not analyse (other patterns, or packages that
      failed to load) are kept from the existing file. Exit 0, or 3 when
      packages failed to load (the file is still written, their old entries kept).
  couplingvet -baseline couplingvet.baseline ./...
      reports and fails only on findings not in the baseline; entries that
      no longer occur are listed on stderr as fixed (only for packages this
      run analysed). -strict-baseline makes fixed entries fail the run.

Exit codes (the same in every format):
  0  no violations (warnings may have been printed)
  1  violations: findings of a check whose severity is error, not in the
     baseline; with -strict-baseline also fixed baseline entries
  2  bad usage, a bad or missing map, a malformed baseline, or no packages matched
  3  packages failed to load or type-check (named on stderr; findings are still printed)
`

// options are the standalone flags.
type options struct {
	dir            string
	tests          bool
	format         string
	graph          string
	graphFocus     string
	baseline       string
	writeBaseline  string
	strictBaseline bool
	checkConfig    bool
	version        bool
	cache          bool
	cpuProfile     string
	memProfile     string
}

var formats = map[string]func(io.Writer, report.Result) error{
	"text":   report.Text,
	"json":   report.JSON,
	"sarif":  report.SARIF,
	"github": report.GitHub,
}

var graphs = map[string]func(report.ServiceGraph, io.Writer) error{
	"dot":     report.ServiceGraph.DOT,
	"mermaid": report.ServiceGraph.Mermaid,
	"json":    report.ServiceGraph.JSON,
}

func newFlagSet(stderr io.Writer, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("couplingvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything else (like go -C)")
	servicemap.RegisterFlags(fs)
	fs.BoolVar(&o.tests, "tests", true, "also check _test.go files")
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json, sarif or github")
	fs.StringVar(&o.graph, "graph", "", "print the service graph (services, databases, topics; coupling, allowed and event edges) instead of the findings; `kind`: dot, mermaid or json (the exit code is unchanged)")
	fs.StringVar(&o.graphFocus, "graph-focus", "", "with -graph: draw only `service`, its direct neighbours and the edges among them")
	fs.StringVar(&o.baseline, "baseline", "", "report and fail only on findings not recorded in baseline `file`; list its entries that no longer occur as fixed")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record every current finding in baseline `file` and exit 0 (3 if packages failed to load); keeps the entries of packages not analysed")
	fs.BoolVar(&o.strictBaseline, "strict-baseline", false, "with -baseline: fail (exit 1) when baseline entries no longer occur, so the file shrinks as debt is paid")
	fs.BoolVar(&o.checkConfig, "check-config", false, "validate the boundary map (the one given, or the one found) and exit: 0 valid, 2 listing every error as file:line:col: key: problem")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.cpuProfile, "debug.cpuprofile", "", "write a CPU profile of the run to `file` (as staticcheck's flag of the same name), for performance reports")
	fs.StringVar(&o.memProfile, "debug.memprofile", "", "write a heap profile at the end of the run to `file`")
	fs.BoolVar(&o.cache, "cache", true, "reuse per-package results of earlier runs (in $"+engine.EnvCache+", else the user cache directory); results depend on the files, the map and the flags, never on time")
	fs.Usage = func() {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, usageText, b.String())
	}
	return fs
}

// standalone runs couplingvet as a command and returns its exit code.
func standalone(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "init" {
		return initMain(args[1:], stdout, stderr)
	}
	var o options
	fs := newFlagSet(stderr, &o)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "couplingvet: "+format+"\n", a...)
		return code
	}
	if o.version {
		fmt.Fprintf(stdout, "couplingvet %s\n", toolVersion())
		return exitClean
	}
	write, code := chooseOutput(fs, &o, stderr)
	if write == nil {
		return code
	}
	stop, err := startProfiles(o.cpuProfile, o.memProfile)
	if err != nil {
		return fail(exitUsage, "%v", err)
	}
	defer stop()
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			return fail(exitUsage, "-C: %v", err)
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return fail(exitUsage, "%v", err)
	}

	if o.checkConfig {
		if fs.NArg() > 1 {
			return fail(exitUsage, "-check-config takes at most one map file, got %d arguments", fs.NArg())
		}
		if fs.NArg() == 1 {
			servicemap.ConfigPath = fs.Arg(0)
		}
	}
	m, code := loadMap(wd, stderr)
	if m == nil {
		return code
	}
	if o.checkConfig {
		fmt.Fprintf(stdout, "%s: ok: %d services\n", relTo(wd, m.File), len(m.Services))
		return exitClean
	}
	if names := serviceNames(m); o.graphFocus != "" && !slices.Contains(names, o.graphFocus) {
		hint := "name one of " + strings.Join(names, ", ")
		if best := boundaries.Closest(o.graphFocus, names); best != "" {
			hint = fmt.Sprintf("did you mean %q?", best)
		}
		return fail(exitUsage, "-graph-focus: %s has no service %q: %s", relTo(wd, m.File), o.graphFocus, hint)
	}

	// Read the baseline before the analysis, so that a malformed one fails
	// in a second, not after minutes.
	var baseline []report.Entry
	if o.baseline != "" {
		if baseline, err = readBaseline(o.baseline); err != nil {
			return fail(exitUsage, "%v", err)
		}
	}

	patterns, env := fs.Args(), []string(nil)
	var workspace *mapWorkspace
	if len(patterns) == 0 {
		patterns = defaultPatterns(wd)
		if patterns == nil {
			if workspace, err = newMapWorkspace(m, wd); err != nil {
				return fail(exitUsage, "%v", err)
			}
			defer workspace.remove()
			patterns, env = []string{"work"}, workspace.env()
		}
	}
	// Shared code in a sibling module that this module reaches through a
	// replace directive is the repository's too: analysed for the facts
	// its importers need, reported only when the patterns name it.
	opts := engine.Options{Patterns: patterns, Tests: o.tests, Env: env, Own: m.IsRepoPackage}
	if o.cache {
		servicemap.ScanCache = scanCache()
		opts.CacheDir, opts.CacheKey = engine.DefaultCacheDir(), cacheKey(m)
	}
	res, err := engine.Run(context.Background(), opts, suite.Analyzers())
	var skipped []unloadableModule
	if err == nil && workspace != nil && len(res.Failures()) > 0 {
		// One module whose dependencies do not load fails the go.work of
		// all of them: check the others without it.
		if skipped = workspace.dropUnloadable(); len(skipped) > 0 {
			res, err = engine.Run(context.Background(), opts, suite.Analyzers())
		}
	}
	if errors.Is(err, engine.ErrNoPackages) {
		return fail(exitUsage, "%v: nothing to check (a pattern like ./... checks the module in this directory)", err)
	}
	if err != nil {
		return fail(exitLoad, "loading packages: %s", report.RedactCredentials(err.Error()))
	}

	result, graphFindings := buildResult(res, m, wd)
	for _, u := range skipped {
		result.LoadErrors = append(result.LoadErrors, u.String())
	}
	slices.Sort(result.LoadErrors)
	judged := newScope(res, m, patterns, wd)
	if servicemap.Strict {
		for _, note := range servicemap.DerivedHostNotes(m) {
			fmt.Fprintf(stderr, "couplingvet: note: %s\n", note)
		}
	}
	printLoadErrors := func() {
		for _, u := range skipped {
			fmt.Fprintf(stderr, "couplingvet: %s; the other modules were checked without it (make its dependencies reachable, or give the go.work or patterns to check)\n", report.RedactCredentials(u.String()))
		}
		printDependencyErrors(stderr, res.DependencyErrors)
		for _, f := range res.Failures() {
			fmt.Fprintf(stderr, "couplingvet: %s: not checked:\n", f.Path)
			for _, e := range f.Errors {
				// A type error quotes the source: a DSN literal with its password.
				fmt.Fprintf(stderr, "\t%s\n", report.RedactCredentials(e))
			}
		}
	}

	if o.writeBaseline != "" {
		written, kept, err := writeBaselineFile(o.writeBaseline, result.Findings, judged)
		if err != nil {
			return fail(exitUsage, "%v", err)
		}
		printLoadErrors()
		fmt.Fprintln(stderr, report.Summary(result))
		fmt.Fprintf(stderr, "couplingvet: wrote %s: %s", o.writeBaseline, entriesPhrase(written))
		if kept > 0 {
			fmt.Fprintf(stderr, " (%d kept from packages this run did not analyse)", kept)
		}
		fmt.Fprintln(stderr)
		if len(result.LoadErrors) > 0 {
			fmt.Fprintf(stderr, "couplingvet: %d package(s) failed to load: their findings were not recorded and their previous entries were kept; fix them and write the baseline again\n", len(result.LoadErrors))
			return exitLoad
		}
		return exitClean
	}

	if o.baseline != "" {
		var fixed []report.Entry
		result.Findings, fixed, result.Suppressed = report.Compare(baseline, result.Findings, judged.packages)
		result.Fixed = judged.fixed(fixed)
	}

	out := result
	if o.graph != "" {
		// The graph shows all the coupling there is, the baseline's too:
		// the baseline decides what fails, not what exists.
		out.Findings = graphFindings
	}
	if err := write(stdout, out); err != nil {
		return fail(exitUsage, "writing output: %v", err)
	}
	printLoadErrors()
	for _, e := range result.Fixed {
		fmt.Fprintf(stderr, "%s:%d: %s\n", o.baseline, e.Line, e)
	}
	fmt.Fprintln(stderr, report.Summary(result))
	if o.strictBaseline && len(result.Fixed) > 0 {
		fmt.Fprintf(stderr, "couplingvet: -strict-baseline: %d fixed baseline %s: delete %s from %s (or write it again with -write-baseline)\n",
			len(result.Fixed), pluralWord(len(result.Fixed), "entry", "entries"), pluralWord(len(result.Fixed), "it", "them"), o.baseline)
	}

	switch {
	case len(result.LoadErrors) > 0:
		return exitLoad
	case result.Errors() > 0:
		return exitViolations
	case o.strictBaseline && len(result.Fixed) > 0:
		return exitViolations
	}
	return exitClean
}

// chooseOutput checks the flags that decide what a run writes and returns
// the writer of the output, or nil and the exit code of a usage error.
func chooseOutput(fs *flag.FlagSet, o *options, stderr io.Writer) (func(io.Writer, report.Result) error, int) {
	usage := func(format string, a ...any) (func(io.Writer, report.Result) error, int) {
		fmt.Fprintf(stderr, "couplingvet: "+format+"\n", a...)
		return nil, exitUsage
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	write, ok := formats[o.format]
	if !ok {
		return usage("unknown -format %q: use text, json, sarif or github", o.format)
	}
	switch {
	case o.baseline != "" && o.writeBaseline != "":
		return usage("-baseline and -write-baseline do not go together: -write-baseline records every current finding (and keeps the entries of packages not analysed), so it updates a baseline by itself")
	case o.strictBaseline && o.baseline == "":
		return usage("-strict-baseline needs -baseline FILE")
	case set["baseline"] && o.baseline == "", set["write-baseline"] && o.writeBaseline == "":
		return usage("-baseline and -write-baseline need a file name")
	case o.graph != "" && set["format"]:
		return usage("-graph and -format do not go together: -graph prints the service graph instead of the findings")
	case o.graph != "" && o.writeBaseline != "":
		return usage("-graph and -write-baseline do not go together")
	case o.graphFocus != "" && o.graph == "":
		return usage("-graph-focus needs -graph dot, mermaid or json")
	}
	if o.graph != "" {
		draw, ok := graphs[o.graph]
		if !ok {
			return usage("unknown -graph %q: use dot, mermaid or json", o.graph)
		}
		return func(w io.Writer, r report.Result) error {
			g := report.BuildGraph(r)
			if o.graphFocus != "" {
				g = g.Focus(o.graphFocus)
			}
			return draw(g, w)
		}, exitClean
	}
	return write, exitClean
}

// loadMap finds and loads the map up front, so that a bad map fails fast
// with every error listed instead of once per package.
func loadMap(wd string, stderr io.Writer) (*boundaries.Map, int) {
	path := servicemap.ConfigPath
	if path == "" {
		path = os.Getenv(servicemap.EnvConfig)
	}
	if path == "" {
		found, err := boundaries.Find(wd)
		if err != nil {
			fmt.Fprintf(stderr, "couplingvet: looking for the boundary map: %v\n", err)
			return nil, exitUsage
		}
		if found == "" {
			fmt.Fprintf(stderr, "couplingvet: no boundary map (%s) in %s or any parent directory: write one at the repository root (see the README), or name it with -config or $%s\n",
				strings.Join(boundaries.FileNames, ", "), wd, servicemap.EnvConfig)
			return nil, exitUsage
		}
		path = found
	}
	m, err := boundaries.Load(path)
	if err != nil {
		var errs boundaries.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				shown := *e
				shown.File = relTo(wd, e.File)
				fmt.Fprintln(stderr, shown.Error())
			}
			fmt.Fprintf(stderr, "couplingvet: the boundary map has %d error(s)\n", len(errs))
		} else {
			fmt.Fprintf(stderr, "couplingvet: %v\n", err)
		}
		return nil, exitUsage
	}
	return m, exitClean
}

// defaultPatterns is ./..., except at the root of a go.work workspace that
// is not itself a module, where ./... matches nothing and "work" (every
// package of every workspace module) is what the user means. At the root of
// a repository of several modules with neither go.mod nor go.work it
// returns nil: mapWorkspace then checks the modules the map governs.
func defaultPatterns(wd string) []string {
	if exists(filepath.Join(wd, "go.mod")) {
		return []string{"./..."}
	}
	if os.Getenv("GOWORK") != "off" && exists(filepath.Join(wd, "go.work")) {
		return []string{"work"}
	}
	if os.Getenv("GOWORK") == "" && !insideModule(wd) {
		return nil
	}
	return []string{"./..."}
}

// insideModule reports whether wd lies in a module or workspace that the go
// command would find by walking up.
func insideModule(wd string) bool {
	for dir := wd; ; dir = filepath.Dir(dir) {
		if exists(filepath.Join(dir, "go.mod")) || exists(filepath.Join(dir, "go.work")) {
			return true
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// cacheKey names what, besides the Go files, the analyzers' results depend
// on: the map (which file, and its contents), the deploy and config files
// that give env and config values theirs, and the settings shared by the
// analyzers.
func cacheKey(m *boundaries.Map) string {
	return fmt.Sprintf("map=%s digest=%s deploy=%s strict=%t", m.File, m.Digest, servicemap.DeployDigest(m), servicemap.Strict)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// buildResult turns the engine's diagnostics into report findings, with the
// severity the map gives each check, and adds the whole-repository ones.
// It also returns the findings to draw the service graph from: the same,
// except that a database several services share is an edge from each of
// them to the database.
func buildResult(res *engine.Result, m *boundaries.Map, wd string) (report.Result, []report.Finding) {
	r := report.Result{
		Packages:     res.Paths(),
		Services:     len(m.Services),
		Root:         m.Root,
		WorkDir:      wd,
		ToolVersion:  toolVersion(),
		ServiceNames: serviceNames(m),
	}
	for _, d := range res.Diagnostics {
		f := report.Finding{
			Check:     d.Category,
			Package:   d.Package,
			File:      d.File,
			Line:      d.Line,
			Column:    d.Column,
			EndLine:   d.EndLine,
			EndColumn: d.EndColumn,
			Message:   d.Message,
		}
		if id, ok := finding.Decode(d.Raw); ok {
			f.Check, f.From, f.To, f.Target = id.Check, id.From, id.To, id.Target
		}
		if f.Check == "" {
			f.Check = d.Analyzer
		}
		f.Severity = severity(m, f.Check)
		r.Findings = append(r.Findings, f)
	}
	r.Allowed = allowedCoupling(res)
	shared, sharedEdges, sharedAllowed := sharedDatabases(res, m)
	r.Allowed = append(r.Allowed, sharedAllowed...)
	graph := append(slices.Clone(r.Findings), sharedEdges...)
	r.Findings = append(r.Findings, shared...)
	if m.Severity(report.CheckCycles) != boundaries.SeverityOff {
		r.Findings = append(r.Findings, report.Cycles(graph, r.Allowed, r.ServiceNames, severity(m, report.CheckCycles))...)
	}
	for _, fl := range res.Failures() {
		r.LoadErrors = append(r.LoadErrors, fl.Path+": "+strings.Join(fl.Errors, "; "))
	}
	r.Events = eventEndpoints(res)
	return r, graph
}

// allowedCoupling collects what allow rules and directives accepted, from
// the result of every analyzer that returns it.
func allowedCoupling(res *engine.Result) []report.AllowedCoupling {
	var out []report.AllowedCoupling
	for _, a := range suite.Analyzers() {
		for _, pr := range res.ResultsOf(a) {
			r, ok := pr.Value.(finding.AcceptingResult)
			if !ok {
				continue
			}
			for _, acc := range r.AcceptedFindings() {
				out = append(out, report.AllowedCoupling{
					Check: acc.Check, From: acc.From, To: acc.To, Target: acc.Target,
					Package: pr.Package.Path, File: acc.Pos.Filename, Line: acc.Pos.Line, Column: acc.Pos.Column,
					Reason: acc.Reason, By: acc.By,
				})
			}
		}
	}
	return out
}

// eventEndpoints collects the events analyzer's endpoints, once per site
// (test variants analyse a package twice); the outputs sort them.
func eventEndpoints(res *engine.Result) []report.EventEndpoint {
	seen := map[report.EventEndpoint]bool{}
	var out []report.EventEndpoint
	for _, pr := range res.ResultsOf(events.Analyzer) {
		for _, e := range events.Endpoints(pr.Value) {
			ep := report.EventEndpoint{
				Service: e.Service, Role: e.Role, Broker: e.Broker, Topic: e.Topic,
				Package: e.Package, File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column,
			}
			if !seen[ep] {
				seen[ep] = true
				out = append(out, ep)
			}
		}
	}
	return out
}

// analysedPackages are the import paths this run analysed completely: the
// packages whose baseline entries it may call fixed (and may replace when it
// writes a baseline). Packages that failed to load or type-check are not
// among them, so a broken build never makes its accepted findings look fixed.
func analysedPackages(res *engine.Result) []string {
	failed := map[string]bool{}
	for _, f := range res.Failures() {
		failed[f.Path] = true
	}
	var out []string
	for _, p := range res.Paths() {
		if !failed[p] {
			out = append(out, p)
		}
	}
	return out
}

// severity maps a check to a report severity. Checks the map does not
// configure (malformed directives) are errors: they must be fixed.
func severity(m *boundaries.Map, check string) string {
	if slices.Contains(boundaries.Checks, check) && m.Severity(check) == boundaries.SeverityWarn {
		return report.SeverityWarning
	}
	return report.SeverityError
}

func serviceNames(m *boundaries.Map) []string {
	var names []string
	for _, s := range m.Services {
		names = append(names, s.Name)
	}
	return names
}

func relTo(wd, path string) string {
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// toolVersion is the version reports carry: the module version, or
// 0.0.0-devel for a binary built from a checkout, because SARIF consumers
// want a version that starts with a digit.
func toolVersion() string {
	if v := moduleVersion(); v != "(devel)" {
		return v
	}
	return "0.0.0-devel"
}

// moduleVersion is the version of the couplingvet module this binary was
// built from: a release tag under go install, "(devel)" otherwise.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// sharedDatabases finds what only a whole-repository view can: a database
// the map does not declare that two or more services open. Each such
// database is one finding, at its first connection site (in file order),
// whose message names every site: one coupling, reported once. Its
// fingerprint does not depend on positions: from is the first of the
// services (sorted), to the others (comma-separated), target the
// database's identity (engine://host:port/name, never credentials).
//
// Allow rules are per service (from: a service, to: the identity): the
// finding stays while any of the services is not allowed, because the
// database is still shared with that one.
//
// The other results draw the graph: an edge from each service to the
// database, allowed (with its rule's reason) when the service's allow
// rule accepts it.
func sharedDatabases(res *engine.Result, m *boundaries.Map) (findings, edges []report.Finding, allowed []report.AllowedCoupling) {
	if m.Severity(boundaries.CheckSharedDB) == boundaries.SeverityOff {
		return nil, nil, nil
	}
	// A site may open several databases (a wrapper that picks one DSN or
	// another); test variants report each once per variant.
	type site struct {
		file      string
		line, col int
		identity  string
	}
	seen := map[site]bool{}
	var conns []shareddb.Connection
	for _, pr := range res.ResultsOf(shareddb.Analyzer) {
		for _, c := range shareddb.Connections(pr.Value) {
			k := site{c.Pos.Filename, c.Pos.Line, c.Pos.Column, c.Identity}
			if !seen[k] {
				seen[k] = true
				conns = append(conns, c)
			}
		}
	}
	now := time.Now()
	sev := severity(m, boundaries.CheckSharedDB)
	for _, db := range shareddb.Aggregate(conns, servicemap.Strict) {
		if len(db.Sites) == 0 || len(db.Services) < 2 {
			continue
		}
		rules := map[string]*boundaries.AllowRule{}
		for _, svc := range db.Services {
			if rule, ok := m.Allowed(boundaries.CheckSharedDB, svc, db.Identity, db.Identity, now); ok {
				rules[svc] = rule
			}
		}
		for _, c := range db.Sites {
			if rule := rules[c.Service]; rule != nil {
				allowed = append(allowed, report.AllowedCoupling{
					Check: boundaries.CheckSharedDB, From: c.Service, To: db.Identity, Target: db.Identity,
					Package: c.Package, File: c.Pos.Filename, Line: c.Pos.Line, Column: c.Pos.Column,
					Reason: rule.Reason, By: fmt.Sprintf("%s:%d", filepath.Base(m.File), rule.Line),
				})
			}
		}
		if len(rules) == len(db.Services) {
			continue
		}
		msg := db.Message
		for _, c := range db.Sites { // name the sites relative to the map, as everywhere else
			msg = strings.ReplaceAll(msg, c.Pos.Filename+":", filepath.ToSlash(relTo(m.Root, c.Pos.Filename))+":")
		}
		first := db.Sites[0]
		to := strings.Join(db.Services[1:], ",")
		if db.Weak() {
			to = "" // "possibly shared": a -strict listing, like an unattributed connection
		}
		findings = append(findings, report.Finding{
			Check:    boundaries.CheckSharedDB,
			Severity: sev,
			From:     db.Services[0],
			To:       to,
			Target:   db.Identity,
			Package:  first.Package,
			File:     first.Pos.Filename,
			Line:     first.Pos.Line,
			Column:   first.Pos.Column,
			Message:  msg,
		})
		for _, c := range db.Sites {
			if rules[c.Service] != nil {
				continue // drawn as allowed
			}
			edges = append(edges, report.Finding{
				Check: boundaries.CheckSharedDB, Severity: sev,
				From: c.Service, To: db.Identity, Target: db.Identity,
				Package: c.Package, File: c.Pos.Filename, Line: c.Pos.Line, Column: c.Pos.Column,
				Message: c.Service + " opens " + db.Identity,
			})
		}
	}
	return findings, edges, allowed
}

// printDependencyErrors warns about dependencies outside the repository
// that do not type-check or that the go command cannot find: their importers were checked all the same, so
// the exit code does not change, but a call made through the broken code
// may be missed. One line each, with the first error.
func printDependencyErrors(w io.Writer, deps []engine.Failure) {
	for _, d := range deps {
		errs := fmt.Sprintf("%d errors", len(d.Errors))
		if len(d.Errors) == 1 {
			errs = "1 error"
		}
		if len(d.Errors) > 0 {
			errs += ": " + report.RedactCredentials(d.Errors[0])
		}
		fmt.Fprintf(w, "couplingvet: warning: dependency %s does not load or type-check with %s (%s); "+
			"the packages that import it were checked, but what flows through it may be missed: upgrade the module, or do what the error says\n",
			d.Path, runtime.Version(), errs)
	}
}
