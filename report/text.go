package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Text writes one line per finding, sorted and de-duplicated, in the form
// compilers and go vet use, which editors and CI log viewers link:
//
//	path:line:col: message
//	path:line:col: warning: message
//
// path is relative to Result.WorkDir, or absolute when the file lies outside
// it. Findings of severity "warning" (which do not fail the run) carry the
// "warning: " prefix; errors carry none, as in go vet. A finding without a
// column prints "path:line: message", without a line "path: message", and
// without a file "package: message".
//
// Text writes findings only: the caller prints Summary (and load errors and
// fixed baseline entries) on stderr, so stdout stays parseable.
func Text(w io.Writer, r Result) error {
	var b strings.Builder
	for _, f := range prepared(r.Findings) {
		b.WriteString(textPosition(r.WorkDir, f))
		b.WriteString(": ")
		if f.isWarning() {
			b.WriteString("warning: ")
		}
		b.WriteString(oneLine(f.Message))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func textPosition(workDir string, f Finding) string {
	if f.File == "" {
		return f.Package
	}
	pos := textPath(workDir, f.File)
	if f.Line > 0 {
		pos += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			pos += ":" + strconv.Itoa(f.Column)
		}
	}
	return pos
}

// oneLine keeps a message on its line: a newline would forge another finding.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// Summary is the closing line of a run, for stderr:
//
//	couplingvet: 12 packages, 4 services, 3 violations
//	couplingvet: 12 packages, 4 services, 3 violations, 1 warning
//	couplingvet: 12 packages, 4 services, 0 violations (5 in baseline, 1 fixed)
//	couplingvet: 12 packages, 4 services, 0 violations, 2 packages failed to load
//
// "violations" counts findings of severity error, the ones that fail the run;
// warnings are counted apart and only when there are some. The baseline part
// appears when a baseline suppressed findings or has fixed entries, and the
// load part when packages failed to load (the run then exits 3).
func Summary(r Result) string {
	errs, warns := countSeverities(prepared(r.Findings))
	var b strings.Builder
	fmt.Fprintf(&b, "couplingvet: %s, %s, %s",
		plural(len(r.Packages), "package"), plural(r.Services, "service"), plural(errs, "violation"))
	if warns > 0 {
		b.WriteString(", " + plural(warns, "warning"))
	}
	if r.Suppressed > 0 || len(r.Fixed) > 0 {
		fmt.Fprintf(&b, " (%d in baseline, %d fixed)", r.Suppressed, len(r.Fixed))
	}
	if n := len(r.LoadErrors); n > 0 {
		verb := "packages failed"
		if n == 1 {
			verb = "package failed"
		}
		fmt.Fprintf(&b, ", %d %s to load", n, verb)
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
