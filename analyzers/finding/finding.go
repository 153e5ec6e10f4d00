// Package finding is how couplingvet's analyzers report a coupling
// violation: one message that says what is coupled to what, why it matters
// and how to fix or allow it, plus the finding's identity (check, from, to,
// target) carried in the diagnostic's URL so that drivers can fingerprint it
// for baselines without parsing prose.
//
// The identity rides in analysis.Diagnostic.URL because that is the one
// field every driver carries unchanged and none prints: go vet's text and
// JSON output omit it, golangci-lint ignores it, and the standalone driver
// decodes it with Decode. The URL also points at the check's documentation.
package finding

import (
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Check names used as analysis.Diagnostic.Category.
const (
	CrossImport = "crossimport"
	SharedDB    = "shareddb"
	SyncClient  = "syncclient"
	Unowned     = "unowned"
	Events      = "events"    // publishing to a topic another service owns
	Directive   = "directive" // malformed or unused //couplingvet:allow directives
)

// docBase is where each check's manual (its analyzer's package doc) lives.
const docBase = "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/"

// A Finding is one coupling violation.
type Finding struct {
	Check   string // one of the check names above
	From    string // service (or "shared") that the reporting package belongs to
	To      string // service or database that is reached
	Target  string // what is reached: import path, redacted DSN, URL, gRPC method
	Message string // the whole sentence shown to the user
}

// URL returns the check's documentation URL with the finding's identity in
// the query string.
func (f Finding) URL() string {
	q := url.Values{}
	q.Set("check", f.Check)
	q.Set("from", f.From)
	q.Set("to", f.To)
	q.Set("target", f.Target)
	return docBase + docPackage(f.Check) + "?" + q.Encode()
}

// Diagnostic turns the finding into a diagnostic covering rng.
func (f Finding) Diagnostic(rng analysis.Range) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos:      rng.Pos(),
		End:      rng.End(),
		Category: f.Check,
		Message:  f.Message,
		URL:      f.URL(),
	}
}

// Decode recovers a finding's identity from a diagnostic made by Diagnostic.
// It reports false for diagnostics that did not come from couplingvet.
func Decode(d analysis.Diagnostic) (Finding, bool) {
	rest, ok := strings.CutPrefix(d.URL, docBase)
	if !ok {
		return Finding{}, false
	}
	_, query, ok := strings.Cut(rest, "?")
	if !ok {
		return Finding{}, false
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return Finding{}, false
	}
	return Finding{
		Check:   q.Get("check"),
		From:    q.Get("from"),
		To:      q.Get("to"),
		Target:  q.Get("target"),
		Message: d.Message,
	}, true
}

// docPackage names the analyzer package documenting check.
func docPackage(check string) string {
	switch check {
	case Unowned:
		return CrossImport
	case Directive:
		return "directive"
	}
	return check
}

// Possessive writes a service's name in the possessive: "geo's", "orders'".
func Possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}
