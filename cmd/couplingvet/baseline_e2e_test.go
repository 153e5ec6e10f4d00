package main

// End-to-end tests of baselines, the way a team adopts couplingvet on a
// legacy monorepo: record today's violations, fail only on new ones, see
// the fixed ones drop out, and never mistake a partial run for a fix.

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/report"
)

const baselineName = "couplingvet.baseline"

// newViolation adds an import of orders' private money package to shipping:
// a finding the shop's baseline does not have.
const newViolation = `package shipping

import "example.com/shop/services/orders/money"

// Refund rounds like orders does.
var Refund = money.RoundCents
`

// cartWithoutStore is services/checkout/cart/cart.go with its import of
// orders' store removed: one baseline entry is fixed.
const cartWithoutStore = `// Package cart holds a customer's cart.
package cart

import "database/sql"

// LastOrderTotal no longer reads orders' tables; it will ask orders' API.
func LastOrderTotal(db *sql.DB) (int64, error) {
	return 0, nil
}
`

// cartEntry is the fingerprint of the import that cartWithoutStore fixes.
const cartEntry = "874edd5f9511db47"

// analyticsEntry is the fingerprint of the shared analytics database, the
// whole-repository finding in services/checkout.
const analyticsEntry = "2299600478130aaf"

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// entryLines returns the non-comment lines of a baseline file.
func entryLines(file string) []string {
	var out []string
	for _, line := range strings.Split(file, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// lineOf is the 1-based line of the baseline file that holds fingerprint.
func lineOf(t *testing.T, file, fingerprint string) int {
	t.Helper()
	for i, line := range strings.Split(file, "\n") {
		if strings.HasPrefix(line, fingerprint+"\t") {
			return i + 1
		}
	}
	t.Fatalf("baseline has no entry %s:\n%s", fingerprint, file)
	return 0
}

// summaryLine is the summary line of stderr.
func summaryLine(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		if summaryRE.MatchString(line) {
			return line
		}
	}
	return ""
}

var summaryRE = regexp.MustCompile(`^couplingvet: \d+ packages?, `)

// fixedLines are the "no longer occurs" lines of stderr.
func fixedLines(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "no longer occurs") {
			out = append(out, line)
		}
	}
	return out
}

func TestBaselineCycle(t *testing.T) {
	dir := copyTree(t, shopDir)
	baselinePath := filepath.Join(dir, baselineName)

	// 1. Record today's violations: exit 0, nothing on stdout.
	r := couplingvet(t, dir, "-write-baseline", baselineName)
	wantCode(t, r, exitClean)
	wantText(t, "stdout of -write-baseline", r.stdout, "")
	if !strings.Contains(r.stderr, "couplingvet: wrote couplingvet.baseline: 11 entries\n") {
		t.Errorf("stderr does not say what was written:\n%s", r.stderr)
	}
	written := readFile(t, baselinePath)
	checkBaselineFile(t, written)

	// The entries are exactly the fingerprints of the findings (errors and
	// the warning), as the JSON output lists them.
	var fromJSON []string
	for _, f := range decodeJSON(t, couplingvet(t, dir, "-format", "json").stdout).Findings {
		fromJSON = append(fromJSON, f.Fingerprint)
	}
	var fromFile []string
	for _, line := range entryLines(written) {
		fromFile = append(fromFile, strings.SplitN(line, "\t", 2)[0])
	}
	slices.Sort(fromJSON)
	slices.Sort(fromFile)
	if !slices.Equal(fromFile, fromJSON) {
		t.Errorf("baseline fingerprints %v, want the findings' %v", fromFile, fromJSON)
	}

	// Writing again changes nothing: the file is stable.
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName), exitClean)
	wantText(t, "baseline written twice", readFile(t, baselinePath), written)

	// 2. With the baseline, the same code is clean.
	r = couplingvet(t, dir, "-baseline", baselineName)
	wantCode(t, r, exitClean)
	wantText(t, "stdout with the baseline", r.stdout, "")
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 18 packages, 5 services, 0 violations (11 in baseline, 0 fixed)")
	for _, format := range []string{"json", "sarif", "github"} {
		wantCode(t, couplingvet(t, dir, "-format", format, "-baseline", baselineName), exitClean)
	}

	// 3. A new violation fails the run, and it alone is printed, in every format.
	revenue := filepath.Join(dir, "services", "shipping", "refund.go")
	writeFile(t, revenue, newViolation)
	r = couplingvet(t, dir, "-baseline", baselineName)
	wantCode(t, r, exitViolations)
	wantText(t, "new findings", r.stdout, "services/shipping/refund.go:3:8: shipping imports orders' private package services/orders/money: shipping now compiles against orders' internals and breaks when orders changes them; import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason\n")
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 18 packages, 5 services, 1 violation (11 in baseline, 0 fixed)")
	for _, format := range []string{"json", "sarif", "github"} {
		r = couplingvet(t, dir, "-format", format, "-baseline", baselineName)
		wantCode(t, r, exitViolations)
		if n := strings.Count(r.stdout, "services/shipping/refund.go"); n == 0 || strings.Contains(r.stdout, "services/checkout/cart/cart.go") {
			t.Errorf("-format %s with the baseline: want only the new finding:\n%s", format, r.stdout)
		}
	}
	doc := decodeJSON(t, couplingvet(t, dir, "-format", "json", "-baseline", baselineName).stdout)
	if len(doc.Findings) != 1 || doc.Summary.Violations != 1 || doc.Summary.Suppressed != 11 || doc.Summary.Fixed != 0 {
		t.Errorf("JSON with the baseline: %d findings, summary %+v; want 1 finding, 1 violation, 11 suppressed", len(doc.Findings), doc.Summary)
	}
	if err := os.Remove(revenue); err != nil {
		t.Fatal(err)
	}

	// 4. Fixing an old violation: its entry is listed as fixed, with the
	// baseline's file and line, and the run passes; -strict-baseline fails it.
	writeFile(t, filepath.Join(dir, "services", "checkout", "cart", "cart.go"), cartWithoutStore)
	wantFixed := []string{baselineName + ":" + strconv.Itoa(lineOf(t, written, cartEntry)) + ": baseline entry " + cartEntry +
		" (crossimport checkout -> orders in example.com/shop/services/checkout/cart: example.com/shop/services/orders/store) no longer occurs: remove it from the baseline"}
	r = couplingvet(t, dir, "-baseline", baselineName)
	wantCode(t, r, exitClean)
	wantText(t, "stdout", r.stdout, "")
	if got := fixedLines(r.stderr); !slices.Equal(got, wantFixed) {
		t.Errorf("fixed entries:\n got: %q\nwant: %q", got, wantFixed)
	}
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 18 packages, 5 services, 0 violations (10 in baseline, 1 fixed)")
	doc = decodeJSON(t, couplingvet(t, dir, "-format", "json", "-baseline", baselineName).stdout)
	if len(doc.Fixed) != 1 || doc.Fixed[0].Fingerprint != cartEntry || doc.Summary.Fixed != 1 {
		t.Errorf("JSON fixed = %+v, summary %+v; want the cart entry", doc.Fixed, doc.Summary)
	}

	r = couplingvet(t, dir, "-baseline", baselineName, "-strict-baseline")
	wantCode(t, r, exitViolations)
	if got := fixedLines(r.stderr); !slices.Equal(got, wantFixed) {
		t.Errorf("fixed entries under -strict-baseline:\n got: %q\nwant: %q", got, wantFixed)
	}
	if !strings.Contains(r.stderr, "-strict-baseline: 1 fixed baseline entry: delete it from couplingvet.baseline") {
		t.Errorf("-strict-baseline does not say why it fails:\n%s", r.stderr)
	}
	wantCode(t, couplingvet(t, dir, "-format", "sarif", "-baseline", baselineName, "-strict-baseline"), exitViolations)

	// 5. Partial runs judge only what they analysed.
	for _, tc := range []struct {
		pattern string
		fixed   []string
		summary string
	}{
		// orders has no entries; nothing else was analysed.
		{"./services/orders/...", nil, "couplingvet: 3 packages, 5 services, 0 violations"},
		// inventory's side of the shared analytics database is not
		// loaded, so that entry is neither reported nor called fixed.
		{"./services/checkout/...", wantFixed, "couplingvet: 2 packages, 5 services, 0 violations (2 in baseline, 1 fixed)"},
		{"./services/inventory/...", nil, "couplingvet: 1 package, 5 services, 0 violations (1 in baseline, 0 fixed)"},
	} {
		r = couplingvet(t, dir, "-baseline", baselineName, "-strict-baseline", tc.pattern)
		want := exitClean
		if len(tc.fixed) > 0 {
			want = exitViolations
		}
		wantCode(t, r, want)
		wantText(t, tc.pattern+": stdout", r.stdout, "")
		if got := fixedLines(r.stderr); !slices.Equal(got, tc.fixed) {
			t.Errorf("%s: fixed entries:\n got: %q\nwant: %q", tc.pattern, got, tc.fixed)
		}
		wantText(t, tc.pattern+": summary", summaryLine(r.stderr), tc.summary)
	}

	// A partial -write-baseline replaces only the entries it can judge:
	// the cart entry goes, every other one (the shared analytics database
	// included, whose other side it cannot see) stays.
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName, "./services/checkout/..."), exitClean)
	var wantLines []string
	for _, line := range strings.SplitAfter(written, "\n") {
		if !strings.HasPrefix(line, cartEntry) {
			wantLines = append(wantLines, line)
		}
	}
	wantText(t, "baseline after a partial write", readFile(t, baselinePath), strings.Join(wantLines, ""))
	r = couplingvet(t, dir, "-baseline", baselineName, "-strict-baseline")
	wantCode(t, r, exitClean)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 18 packages, 5 services, 0 violations (10 in baseline, 0 fixed)")
}

// checkBaselineFile checks the file's form: the header, then sorted
// tab-separated entries without positions.
func checkBaselineFile(t *testing.T, file string) {
	t.Helper()
	if !strings.HasPrefix(file, "# couplingvet baseline v1") {
		t.Errorf("baseline has no header:\n%s", file)
	}
	lines := entryLines(file)
	if len(lines) != 11 {
		t.Errorf("baseline has %d entries, want 11 (10 violations, 1 warning):\n%s", len(lines), file)
	}
	type key struct{ pkg, check, from, to, target string }
	var keys []key
	position := regexp.MustCompile(`\.go:\d+|:\d+:\d+`)
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			t.Fatalf("baseline line %q: %d fields, want 6", line, len(f))
		}
		if position.MatchString(line) {
			t.Errorf("baseline line has a position: %q", line)
		}
		keys = append(keys, key{f[4], f[1], f[2], f[3], f[5]})
	}
	if !slices.IsSortedFunc(keys, func(a, b key) int {
		return strings.Compare(a.pkg+"\x00"+a.check+"\x00"+a.from+"\x00"+a.to+"\x00"+a.target,
			b.pkg+"\x00"+b.check+"\x00"+b.from+"\x00"+b.to+"\x00"+b.target)
	}) {
		t.Errorf("baseline entries are not sorted by package, check, from, to, target:\n%s", file)
	}
	// The shared analytics database is one entry: checkout shares it with inventory.
	if !strings.Contains(file, analyticsEntry+"\tshareddb\tcheckout\tinventory\texample.com/shop/services/checkout\tpostgres://analytics-db:5432/analytics\n") {
		t.Errorf("baseline lacks the shared analytics database as one entry:\n%s", file)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := copyTree(t, shopDir)
	baselinePath := filepath.Join(dir, baselineName)
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName), exitClean)
	good := readFile(t, baselinePath)
	lines := strings.Split(good, "\n")
	n := len(lines) // the line after the last one

	for _, tc := range []struct {
		name, file, want string
	}{
		{"a line that is not an entry", good + "not a baseline entry\n",
			baselineName + ":" + strconv.Itoa(n) + ": malformed baseline: want 6 tab-separated fields"},
		{"an edited entry", strings.Replace(good, "\tshipping\tpayments\t", "\tshipping\torders\t", 1),
			baselineName + ":" + strconv.Itoa(lineOf(t, good, "b5a026034825c4ce")) + ": malformed baseline: fingerprint b5a026034825c4ce does not match the fields"},
	} {
		writeFile(t, baselinePath, tc.file)
		r := couplingvet(t, dir, "-baseline", baselineName)
		wantCode(t, r, exitUsage)
		if r.stdout != "" || !strings.Contains(r.stderr, "couplingvet: "+tc.want) {
			t.Errorf("%s: stdout %q, stderr %q; want it to name the line: %q", tc.name, r.stdout, r.stderr, tc.want)
		}
		// -write-baseline does not replace a file it cannot read: the
		// entries of packages not analysed would be lost.
		r = couplingvet(t, dir, "-write-baseline", baselineName, "./services/orders/...")
		wantCode(t, r, exitUsage)
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: -write-baseline: stderr %q lacks %q", tc.name, r.stderr, tc.want)
		}
		wantText(t, tc.name+": file after -write-baseline", readFile(t, baselinePath), tc.file)
	}

	// A missing baseline is an error, not an empty baseline.
	r := couplingvet(t, dir, "-baseline", "no-such.baseline")
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "no-such.baseline") {
		t.Errorf("missing baseline: %s", r.stderr)
	}

	// Flags that do not go together.
	for _, args := range [][]string{
		{"-baseline", baselineName, "-write-baseline", "other.baseline"},
		{"-strict-baseline"},
		{"-baseline="},
		{"-graph", "svg"},
		{"-graph", "dot", "-format", "json"},
		{"-graph", "dot", "-write-baseline", "x.baseline"},
	} {
		r := couplingvet(t, dir, args...)
		wantCode(t, r, exitUsage)
		if r.stdout != "" || !strings.HasPrefix(r.stderr, "couplingvet: ") {
			t.Errorf("couplingvet %s: stdout %q, stderr %q", strings.Join(args, " "), r.stdout, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "other.baseline")); err == nil {
		t.Errorf("a rejected run wrote other.baseline")
	}
}

// TestWriteBaselineLoadErrors: a run where packages fail to load writes what
// it knows, keeps the old entries of the broken packages, and exits 3.
func TestWriteBaselineLoadErrors(t *testing.T) {
	dir := copyTree(t, shopDir)
	baselinePath := filepath.Join(dir, baselineName)
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName), exitClean)
	before := readFile(t, baselinePath)

	writeFile(t, filepath.Join(dir, "services", "inventory", "broken.go"),
		"package inventory\n\nvar broken int = \"not a number\"\n")
	r := couplingvet(t, dir, "-write-baseline", baselineName)
	wantCode(t, r, exitLoad)
	for _, want := range []string{
		"couplingvet: example.com/shop/services/inventory: not checked:",
		"failed to load: their findings were not recorded and their previous entries were kept",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// inventory's entry (orders-db) and the shared analytics database,
	// whose inventory side was not analysed, are still there: nothing changed.
	wantText(t, "baseline after a run with load errors", readFile(t, baselinePath), before)

	// Reading the baseline in such a run does not call inventory's entries fixed.
	r = couplingvet(t, dir, "-baseline", baselineName, "-strict-baseline")
	wantCode(t, r, exitLoad)
	if got := fixedLines(r.stderr); len(got) > 0 {
		t.Errorf("a run with load errors called entries fixed: %q", got)
	}
}

func decodeJSON(t *testing.T, s string) report.JSONReport {
	t.Helper()
	doc, err := report.DecodeJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("decoding the JSON output: %v\n%s", err, s)
	}
	return doc
}
