package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

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
                                      root without go.mod: every workspace module)
  couplingvet -check-config [map]     validate the map and exit
  go vet -vettool=$(command -v couplingvet) [packages]
                                      run under go vet (a workspace root without
                                      go.mod: use the pattern "work")

Flags:
%s
Exit codes:
  0  no violations (warnings may have been printed)
  1  violations: findings of a check whose severity is error
  2  bad usage, a bad or missing map, or no packages matched
  3  packages failed to load or type-check (named on stderr; findings are still printed)
`

// options are the standalone flags.
type options struct {
	dir         string
	tests       bool
	format      string
	checkConfig bool
	version     bool
}

var formats = map[string]func(io.Writer, report.Result) error{
	"text":   report.Text,
	"json":   report.JSON,
	"sarif":  report.SARIF,
	"github": report.GitHub,
}

func newFlagSet(stderr io.Writer, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("couplingvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything else (like go -C)")
	servicemap.RegisterFlags(fs)
	fs.BoolVar(&o.tests, "tests", true, "also check _test.go files")
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json, sarif or github")
	fs.BoolVar(&o.checkConfig, "check-config", false, "validate the boundary map (the one given, or the one found) and exit: 0 valid, 2 listing every error as file:line:col: key: problem")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
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
		fmt.Fprintf(stdout, "couplingvet %s\n", moduleVersion())
		return exitClean
	}
	write, ok := formats[o.format]
	if !ok {
		return fail(exitUsage, "unknown -format %q: use text, json, sarif or github", o.format)
	}
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

	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = defaultPatterns(wd)
	}
	res, err := engine.Run(context.Background(), engine.Options{Patterns: patterns, Tests: o.tests}, suite.Analyzers())
	if errors.Is(err, engine.ErrNoPackages) {
		return fail(exitUsage, "%v: nothing to check (a pattern like ./... checks the module in this directory)", err)
	}
	if err != nil {
		return fail(exitLoad, "loading packages: %v", err)
	}

	result := buildResult(res, m, wd)
	if err := write(stdout, result); err != nil {
		return fail(exitUsage, "writing output: %v", err)
	}
	for _, f := range res.Failures() {
		fmt.Fprintf(stderr, "couplingvet: %s: not checked:\n", f.Path)
		for _, e := range f.Errors {
			fmt.Fprintf(stderr, "\t%s\n", e)
		}
	}
	fmt.Fprintln(stderr, report.Summary(result))

	switch {
	case len(result.LoadErrors) > 0:
		return exitLoad
	case result.Errors() > 0:
		return exitViolations
	}
	return exitClean
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
// package of every workspace module) is what the user means.
func defaultPatterns(wd string) []string {
	if os.Getenv("GOWORK") != "off" && exists(filepath.Join(wd, "go.work")) && !exists(filepath.Join(wd, "go.mod")) {
		return []string{"work"}
	}
	return []string{"./..."}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// buildResult turns the engine's diagnostics into report findings, with the
// severity the map gives each check.
func buildResult(res *engine.Result, m *boundaries.Map, wd string) report.Result {
	r := report.Result{
		Packages:     res.Paths(),
		Services:     len(m.Services),
		Root:         m.Root,
		WorkDir:      wd,
		ToolVersion:  moduleVersion(),
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
	r.Findings = append(r.Findings, sharedDatabases(res, m)...)
	for _, fl := range res.Failures() {
		r.LoadErrors = append(r.LoadErrors, fl.Path+": "+strings.Join(fl.Errors, "; "))
	}
	return r
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

// moduleVersion is the version of the couplingvet module this binary was
// built from: a release tag under go install, "(devel)" otherwise.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// sharedDatabases finds what only a whole-repository view can: a database
// the map does not declare that two or more services open. Each connection
// site is a finding, so that every service's side of the coupling is
// shown where it can be fixed; an allow rule from that service to the
// database (its engine://host:port/name identity) accepts it.
func sharedDatabases(res *engine.Result, m *boundaries.Map) []report.Finding {
	if m.Severity(boundaries.CheckSharedDB) == boundaries.SeverityOff {
		return nil
	}
	type site struct {
		file      string
		line, col int
	}
	seen := map[site]bool{} // test variants report a connection once per variant
	var conns []shareddb.Connection
	for _, pr := range res.ResultsOf(shareddb.Analyzer) {
		for _, c := range shareddb.Connections(pr.Value) {
			k := site{c.Pos.Filename, c.Pos.Line, c.Pos.Column}
			if !seen[k] {
				seen[k] = true
				conns = append(conns, c)
			}
		}
	}
	now := time.Now()
	var out []report.Finding
	for _, db := range shareddb.Aggregate(conns, servicemap.Strict) {
		msg := db.Message
		for _, c := range db.Sites { // name the sites relative to the map, as everywhere else
			msg = strings.ReplaceAll(msg, c.Pos.Filename+":", filepath.ToSlash(relTo(m.Root, c.Pos.Filename))+":")
		}
		for _, c := range db.Sites {
			if _, ok := m.Allowed(boundaries.CheckSharedDB, c.Service, db.Identity, "", now); ok {
				continue
			}
			out = append(out, report.Finding{
				Check:    boundaries.CheckSharedDB,
				Severity: severity(m, boundaries.CheckSharedDB),
				From:     c.Service,
				To:       db.Identity,
				Target:   db.Identity,
				Package:  c.Package,
				File:     c.Pos.Filename,
				Line:     c.Pos.Line,
				Column:   c.Pos.Column,
				Message:  msg,
			})
		}
	}
	return out
}
