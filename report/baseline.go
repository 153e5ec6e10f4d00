package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Entry is one line of a baseline file: an accepted violation, identified
// without positions.
type Entry struct {
	Fingerprint string
	Check       string
	From        string
	To          string
	Package     string
	Target      string
	Line        int // line in the baseline file (0 when the entry was made from a finding)
}

// String describes a fixed entry for humans, e.g.
//
//	baseline entry 3f2a9c0d1e4b5a67 (syncclient checkout -> orders in example.com/shop/services/checkout: http://orders:8080/v1/orders) no longer occurs: remove it from the baseline
func (e Entry) String() string {
	return fmt.Sprintf("baseline entry %s (%s %s -> %s in %s: %s) no longer occurs: remove it from the baseline",
		e.Fingerprint, e.Check, orDash(e.From), orDash(e.To), e.Package, RedactCredentials(e.Target))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// entryOf is the baseline entry of a finding.
func entryOf(f Finding) Entry {
	return Entry{
		Fingerprint: f.Fingerprint(),
		Check:       f.Check,
		From:        f.From,
		To:          f.To,
		Package:     basePackage(f.Package),
		Target:      RedactCredentials(f.Target),
	}
}

// baselineHeader opens every baseline file.
const baselineHeader = `# couplingvet baseline v1: accepted violations; new ones fail, fixed ones are reported.
# Written by couplingvet -write-baseline; edit only by deleting lines of fixed violations.
# fingerprint	check	from	to	package	target (tab-separated, - when empty; one line per occurrence)
`

// WriteBaseline writes the baseline of findings: a header of "#" comments,
// then one line per finding,
//
//	fingerprint<TAB>check<TAB>from<TAB>to<TAB>package<TAB>target
//
// sorted by package, check, from, to, target and fingerprint, so that a
// service's entries stay together and diffs stay small. There are no line
// numbers: moving code does not churn the file. Findings are de-duplicated
// like Dedup does; a violation that occurs twice in a package (two calls to
// one URL) is written twice, and the baseline then accepts two. Targets are
// redacted. An empty field is written as "-" (a literal "-" as \-), and a
// tab, newline, carriage return or backslash inside a field as \t, \n, \r
// or \\. Pass the findings the run would report (after allow rules and
// directives; warnings included if they should be accepted too).
func WriteBaseline(w io.Writer, findings []Finding) error {
	deduped := prepared(findings)
	entries := make([]Entry, 0, len(deduped))
	for _, f := range deduped {
		entries = append(entries, entryOf(f))
	}
	var b strings.Builder
	b.WriteString(baselineHeader)
	for _, e := range sortedEntries(entries) {
		fields := []string{e.Fingerprint, e.Check, e.From, e.To, e.Package, e.Target}
		for i, field := range fields {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(escapeField(field))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var (
	fieldEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	fieldUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r", `\-`, "-")
	fingerprintRE  = regexp.MustCompile(`^[0-9a-f]{16}$`)
)

// escapeField writes an empty field as "-" (a trailing tab would not survive
// editors and hooks that strip trailing whitespace) and a literal "-" as \-.
func escapeField(s string) string {
	switch s {
	case "":
		return "-"
	case "-":
		return `\-`
	}
	return fieldEscaper.Replace(s)
}

func unescapeField(s string) string {
	if s == "-" {
		return ""
	}
	return fieldUnescaper.Replace(s)
}

// sortedEntries returns a copy of es in baseline order.
func sortedEntries(es []Entry) []Entry {
	out := slices.Clone(es)
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(
			cmp.Compare(a.Package, b.Package),
			cmp.Compare(a.Check, b.Check),
			cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To),
			cmp.Compare(a.Target, b.Target),
			cmp.Compare(a.Fingerprint, b.Fingerprint),
			cmp.Compare(a.Line, b.Line),
		)
	})
	return out
}

// BaselineError is a malformed line of a baseline file.
type BaselineError struct {
	Line int
	Msg  string
}

func (e *BaselineError) Error() string {
	return fmt.Sprintf("baseline line %d: %s (regenerate the file with couplingvet -write-baseline)", e.Line, e.Msg)
}

// ReadBaseline reads a file WriteBaseline wrote. Blank lines and lines that
// start with "#" are ignored. A line that does not have six tab-separated
// fields, whose fingerprint is not 16 lower-case hex digits, or whose
// fingerprint does not match its fields (a hand edit) is a *BaselineError
// that names the line. Entries keep their file order and line numbers.
func ReadBaseline(r io.Reader) ([]Entry, error) {
	var entries []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseEntry(line)
		if err != nil {
			return nil, &BaselineError{Line: n, Msg: err.Error()}
		}
		e.Line = n
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return entries, nil
}

func parseEntry(line string) (Entry, error) {
	fields := strings.Split(line, "\t")
	if len(fields) != 6 {
		return Entry{}, fmt.Errorf("want 6 tab-separated fields (fingerprint, check, from, to, package, target), got %d", len(fields))
	}
	for i := range fields {
		fields[i] = unescapeField(fields[i])
	}
	e := Entry{Fingerprint: fields[0], Check: fields[1], From: fields[2], To: fields[3], Package: fields[4], Target: fields[5]}
	switch {
	case !fingerprintRE.MatchString(e.Fingerprint):
		return Entry{}, fmt.Errorf("fingerprint %q is not 16 lower-case hex digits", e.Fingerprint)
	case e.Check == "":
		return Entry{}, fmt.Errorf("empty check")
	case e.Package == "":
		return Entry{}, fmt.Errorf("empty package")
	}
	if want := fingerprint(e.Check, e.From, e.To, e.Package, e.Target); want != e.Fingerprint {
		return Entry{}, fmt.Errorf("fingerprint %s does not match the fields (want %s): the line was edited", e.Fingerprint, want)
	}
	return e, nil
}

// Compare applies a baseline to the findings of a run.
//
// A finding whose fingerprint has an entry is suppressed; entries count: two
// entries with one fingerprint suppress at most two findings, and a third is
// new. newFindings are the rest, sorted and de-duplicated like Dedup does
// (de-duplication happens before matching, so test variants do not use up
// entries). fixed lists the entries that matched no finding, in baseline
// order, but only those whose package was analysed in this run: a partial run
// (./services/orders/...) never calls other packages' entries fixed. Pass the
// import paths of the packages that loaded and were analysed; test-variant
// suffixes ("p [p.test]", "p.test", "p_test") are ignored on both sides, and
// a nil analysedPackages reports nothing as fixed.
func Compare(baseline []Entry, findings []Finding, analysedPackages []string) (newFindings []Finding, fixed []Entry, suppressed int) {
	total := make(map[string]int) // entries per fingerprint
	for _, e := range baseline {
		total[e.Fingerprint]++
	}
	remaining := maps.Clone(total) // entries not yet matched by a finding
	for _, f := range Dedup(slices.Clone(findings)) {
		fp := f.Fingerprint()
		if remaining[fp] > 0 {
			remaining[fp]--
			suppressed++
			continue
		}
		newFindings = append(newFindings, f)
	}

	analysed := make(map[string]bool)
	for _, p := range analysedPackages {
		analysed[packageOfRun(p)] = true
	}
	// The first entries of a fingerprint are the matched ones; later ones are fixed.
	ordered := slices.Clone(baseline)
	slices.SortStableFunc(ordered, func(a, b Entry) int { return cmp.Compare(a.Line, b.Line) })
	used := make(map[string]int)
	for _, e := range ordered {
		used[e.Fingerprint]++
		if used[e.Fingerprint] <= total[e.Fingerprint]-remaining[e.Fingerprint] {
			continue // this entry matched a finding
		}
		if analysed[packageOfRun(e.Package)] {
			fixed = append(fixed, e)
		}
	}
	return newFindings, fixed, suppressed
}

// packageOfRun maps a package and its test variants to one key.
func packageOfRun(pkg string) string {
	pkg = basePackage(pkg)
	pkg = strings.TrimSuffix(pkg, ".test")
	return strings.TrimSuffix(pkg, "_test")
}
