package finding

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/directive"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
)

// A Reporter reports the findings of one analyzer on one package, after the
// three ways a team accepts coupling have had their say: the check's
// severity in the map (off drops it), the map's allow rules, and
// //couplingvet:allow directives in the code.
type Reporter struct {
	pass   *analysis.Pass
	view   *servicemap.View
	dirs   *directive.Set
	checks []string // the checks this analyzer owns: it vets their directives
	now    time.Time

	accepted []Accepted
}

// An Accepted finding is coupling that an allow rule of the map or a
// //couplingvet:allow directive accepts: not a violation, but an edge of the
// architecture all the same. The standalone driver draws it in the service
// graph (dashed, with its reason) and counts it towards service cycles,
// because an allow rule accepts an edge, not a cycle. Go vet and
// golangci-lint ignore it.
type Accepted struct {
	Finding
	Pos    token.Position // where the finding would have been reported
	Reason string         // the allow rule's or the directive's reason
	By     string         // what accepted it: the allow rule ("couplingvet.yaml:57") or "//couplingvet:allow"
}

// NewReporter returns a reporter for an analyzer that owns checks.
func NewReporter(pass *analysis.Pass, view *servicemap.View, checks ...string) *Reporter {
	return &Reporter{
		pass:   pass,
		view:   view,
		dirs:   directive.Parse(pass.Fset, pass.Files),
		checks: checks,
		now:    time.Now(),
	}
}

// Report reports f at rng unless the map or a directive accepts it (see
// Accepted). It returns whether it reported. A check whose severity is off
// neither reports nor accepts anything.
func (r *Reporter) Report(rng analysis.Range, f Finding) bool {
	if r.view.Map.Severity(f.Check) == boundaries.SeverityOff {
		return false
	}
	if rule, ok := r.view.Map.Allowed(f.Check, f.From, f.To, f.Target, r.now); ok {
		r.AcceptByRule(rng, f, rule)
		return false
	}
	if d := r.dirs.Suppress(f.Check, rng.Pos()); d != nil {
		r.accept(rng, f, d.Reason, directive.Prefix)
		return false
	}
	r.pass.Report(f.Diagnostic(rng))
	return true
}

// AcceptByRule records that rule accepts f at rng, for an analyzer that
// matches allow rules in a way of its own (shareddb: a rule naming the
// database rather than its owner). A check whose severity is off accepts
// nothing.
func (r *Reporter) AcceptByRule(rng analysis.Range, f Finding, rule *boundaries.AllowRule) {
	if r.view.Map.Severity(f.Check) == boundaries.SeverityOff {
		return
	}
	r.accept(rng, f, rule.Reason, fmt.Sprintf("%s:%d", filepath.Base(r.view.Map.File), rule.Line))
}

func (r *Reporter) accept(rng analysis.Range, f Finding, reason, by string) {
	f.Message = "" // the reason says it all; messages may quote DSNs
	r.accepted = append(r.accepted, Accepted{Finding: f, Pos: r.pass.Fset.Position(rng.Pos()), Reason: reason, By: by})
}

// An AcceptingResult is the result of an analyzer that returns what its
// Reporter accepted, so that the standalone driver can collect it from
// every analyzer alike.
type AcceptingResult interface {
	AcceptedFindings() []Accepted
}

// Accepted returns the findings an allow rule or a directive accepted, in
// the order they were reported; analyzers return them in their results.
func (r *Reporter) Accepted() []Accepted { return r.accepted }

// Finish reports the directives of this analyzer's checks that are
// malformed or suppressed nothing. The analyzer that owns the crossimport
// check, which always runs, also reports directives naming no known check.
// Call it once, after every Report.
func (r *Reporter) Finish() {
	for _, d := range r.dirs.All() {
		if msg := r.problem(d); msg != "" {
			r.pass.Report(Finding{
				Check:   Directive,
				From:    r.view.From(),
				Target:  d.Check,
				Message: msg,
			}.Diagnostic(directiveRange{d}))
		}
	}
}

func (r *Reporter) problem(d *directive.Directive) string {
	known := slices.Contains(boundaries.Checks, d.Check)
	switch {
	case !known:
		if !slices.Contains(r.checks, CrossImport) {
			return ""
		}
		if d.Check == "" {
			return fmt.Sprintf("%s names no check: write %s <check> <reason>, with check one of %v", directive.Prefix, directive.Prefix, directiveChecks())
		}
		return fmt.Sprintf("%s names unknown check %q: use one of %v", directive.Prefix, d.Check, directiveChecks())
	case d.Check == boundaries.CheckCycles:
		if !slices.Contains(r.checks, CrossImport) {
			return ""
		}
		return fmt.Sprintf("%s cycles suppresses nothing: a cycle is not a line of code; allow the edges you accept with their own check, record the cycle in a baseline, or set checks: {cycles: off} in the map", directive.Prefix)
	case !slices.Contains(r.checks, d.Check):
		return ""
	case d.Reason == "":
		return fmt.Sprintf("%s %s has no reason, so it suppresses nothing: say why this coupling is accepted, e.g. %s %s card authorisation must be synchronous", directive.Prefix, d.Check, directive.Prefix, d.Check)
	case !d.Used() && r.view.Map.Severity(d.Check) != boundaries.SeverityOff:
		// A check the map turns off reports nothing, so its directives
		// wait, unused, for the day it is turned on.
		return fmt.Sprintf("%s %s suppresses nothing on this line or the next: remove the stale directive", directive.Prefix, d.Check)
	}
	return ""
}

// directiveChecks are the checks a directive may name: every check but
// cycles, which is not a line of code.
func directiveChecks() []string {
	return slices.DeleteFunc(slices.Clone(boundaries.Checks), func(c string) bool { return c == boundaries.CheckCycles })
}

type directiveRange struct{ d *directive.Directive }

func (r directiveRange) Pos() token.Pos { return r.d.Pos }
func (r directiveRange) End() token.Pos { return r.d.End }
