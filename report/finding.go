package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Severities a Finding may carry.
const (
	SeverityError   = "error"   // fails the run (exit code 1)
	SeverityWarning = "warning" // reported, does not fail the run
)

// Finding is one reported coupling violation, as plain data.
//
// Positions follow go/token: lines and columns are 1-based, columns count
// bytes, and 0 means unknown. EndLine/EndColumn point just past the end of
// the reported range (0 when the range is a single point).
type Finding struct {
	Check     string // crossimport, shareddb, syncclient, unowned, directive, cycles
	Severity  string // SeverityError or SeverityWarning (the map's "warn" too); anything else is an error
	From      string // service of the reporting package ("shared", or "" when unowned)
	To        string // service or database reached ("" when there is none, e.g. unowned)
	Target    string // import path, redacted DSN or database, URL, gRPC method
	Package   string // import path of the reporting package
	File      string // absolute path of the file
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Message   string
}

// Fingerprint identifies the violation independently of where it sits in its
// file: it is the first 16 hex digits of the SHA-256 of check, from, to,
// package and target (target redacted, package without a test-variant suffix
// such as " [p.test]"). Moving code, editing comments or reformatting does not
// change it; two identical calls in one package share it (baselines count
// multiplicity).
func (f Finding) Fingerprint() string {
	return fingerprint(f.Check, f.From, f.To, basePackage(f.Package), RedactCredentials(f.Target))
}

func fingerprint(check, from, to, pkg, target string) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{"couplingvet/v1", check, from, to, pkg, target}, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// isWarning reports whether f does not fail the run. The map's spelling
// "warn" is accepted too.
func (f Finding) isWarning() bool { return f.Severity == SeverityWarning || f.Severity == "warn" }

// level is f's severity normalised to SeverityError or SeverityWarning.
func (f Finding) level() string {
	if f.isWarning() {
		return SeverityWarning
	}
	return SeverityError
}

// forOutput returns f with credentials masked in Message and Target and
// the test-variant suffix dropped from Package.
func (f Finding) forOutput() Finding {
	f.Message = RedactCredentials(f.Message)
	f.Target = RedactCredentials(f.Target)
	f.Package = basePackage(f.Package)
	return f
}

// Result is everything one run produced, ready for output.
type Result struct {
	Findings    []Finding // the violations to report (after the baseline, if any)
	Packages    []string  // import paths analysed in this run (for baseline staleness)
	Services    int       // number of services in the map
	LoadErrors  []string  // packages that failed to load or type-check, with the reason
	Root        string    // repository root (the map's directory): SARIF, JSON, GitHub and baseline paths are relative to it
	WorkDir     string    // text output paths are relative to it
	ToolVersion string

	// Optional, filled in when a baseline was applied (see Compare).
	Suppressed int     // findings the baseline accepted (not in Findings)
	Fixed      []Entry // baseline entries that no longer occur

	// Optional: service names of the map, so the graph shows services without edges.
	ServiceNames []string

	// Optional: coupling that allow rules and directives accept; the graph
	// draws it and service cycles count it. Not violations.
	Allowed []AllowedCoupling

	// Optional: where services publish to and consume from topics; the
	// graph draws them as event edges (see EventEdges). Not violations.
	Events []EventEndpoint
}

// Errors counts the findings that fail the run (after de-duplication):
// the run exits 1 when it is not zero.
func (r Result) Errors() int {
	errs, _ := countSeverities(prepared(r.Findings))
	return errs
}

// Warnings counts the findings that do not fail the run (after
// de-duplication).
func (r Result) Warnings() int {
	_, warns := countSeverities(prepared(r.Findings))
	return warns
}

func countSeverities(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		if f.isWarning() {
			warns++
		} else {
			errs++
		}
	}
	return errs, warns
}

// Sort orders findings by file, line, column, check and message, then by the
// remaining fields so that the order is total and output is deterministic.
func Sort(fs []Finding) {
	slices.SortFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndColumn, b.EndColumn),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.From, b.From),
		cmp.Compare(a.To, b.To),
		cmp.Compare(a.Target, b.Target),
		cmp.Compare(a.Package, b.Package),
	)
}

// Dedup sorts fs and drops findings whose file, line, column, check and
// message equal an earlier one's: the standalone driver analyses a package
// and its test variants, which report the same diagnostic twice. It returns
// the shortened slice (fs's backing array is reused).
func Dedup(fs []Finding) []Finding {
	Sort(fs)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column &&
			a.Check == b.Check && a.Message == b.Message
	})
}

// prepared returns a sorted, de-duplicated, redacted copy of fs (see
// forOutput); every format starts from it so that output does not depend on
// the caller's order.
func prepared(fs []Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i] = f.forOutput()
	}
	return Dedup(out)
}

// basePackage strips a go/packages test-variant suffix: "p [p.test]" -> "p".
func basePackage(pkg string) string {
	if i := strings.Index(pkg, " ["); i >= 0 {
		return pkg[:i]
	}
	return pkg
}
