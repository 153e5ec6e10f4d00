package finding

import (
	"fmt"
	"go/token"
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

// Report reports f at rng unless the map or a directive accepts it. It
// returns whether it reported.
func (r *Reporter) Report(rng analysis.Range, f Finding) bool {
	if r.view.Map.Severity(f.Check) == boundaries.SeverityOff {
		return false
	}
	if _, ok := r.view.Map.Allowed(f.Check, f.From, f.To, f.Target, r.now); ok {
		return false
	}
	if r.dirs.Suppress(f.Check, rng.Pos()) != nil {
		return false
	}
	r.pass.Report(f.Diagnostic(rng))
	return true
}

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
			return fmt.Sprintf("%s names no check: write %s <check> <reason>, with check one of %v", directive.Prefix, directive.Prefix, boundaries.Checks)
		}
		return fmt.Sprintf("%s names unknown check %q: use one of %v", directive.Prefix, d.Check, boundaries.Checks)
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

type directiveRange struct{ d *directive.Directive }

func (r directiveRange) Pos() token.Pos { return r.d.Pos }
func (r directiveRange) End() token.Pos { return r.d.End }
