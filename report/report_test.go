package report

import (
	"bytes"
	"flag"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The secret every fixture hides; no output may contain it.
const secret = "hunter2"

// fixtureRoot is the absolute path of the example repository.
func fixtureRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "repo"))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// fixtureResult is a run over testdata/repo with one finding of each check,
// a test-variant duplicate, credentials in targets and messages, characters
// outside ASCII before a reported column, and a package that failed to load.
func fixtureResult(t *testing.T) Result {
	root := fixtureRoot(t)
	client := filepath.Join(root, "services", "checkout", "client.go")
	legacy := filepath.Join(root, "legacy", "legacy.go")
	const checkout = "example.com/shop/services/checkout"
	sync := Finding{
		Check: "syncclient", Severity: "error", From: "checkout", To: "orders",
		Target: "http://orders:8080/v1/orders", Package: checkout,
		File: client, Line: 6, Column: 37, EndLine: 6, EndColumn: 67,
		Message: "checkout calls orders synchronously (http GET http://orders:8080/v1/orders): temporal coupling — consume orders' events instead, or allow it in couplingvet.yaml with a reason",
	}
	syncTestVariant := sync
	syncTestVariant.Package = checkout + " [" + checkout + ".test]"
	return Result{
		Root:         root,
		WorkDir:      root,
		ToolVersion:  "v0.1.0",
		Services:     3,
		ServiceNames: []string{"checkout", "orders", "payments"},
		Packages:     []string{"example.com/shop/legacy", checkout, "example.com/shop/services/orders"},
		LoadErrors:   []string{`example.com/shop/services/payments: payments.go:3:9: undefined: connect (in call with "host=payments-db password=hunter2")`},
		Findings: []Finding{
			sync,
			{
				Check: "unowned", Severity: "warning", Target: "example.com/shop/legacy", Package: "example.com/shop/legacy",
				File: legacy, Line: 1, Column: 1, EndLine: 1, EndColumn: 15,
				Message: "package example.com/shop/legacy has no owner: add legacy to a service's owns, to shared or to wiring in couplingvet.yaml",
			},
			{
				Check: "shareddb", Severity: "error", From: "checkout", To: "orders-db",
				Target: "postgres://app:hunter2@orders-db:5432/orders", Package: checkout,
				File: client, Line: 7, Column: 13, EndLine: 7, EndColumn: 76,
				Message: "checkout connects to database orders-db of orders (postgres://app:hunter2@orders-db:5432/orders, host=orders-db password=hunter2): shared persistence — read through orders' API or events instead, or allow it in couplingvet.yaml with a reason",
			},
			{
				Check: "shareddb", Severity: "error", From: "checkout", To: "ledger-db",
				Target: "app:hunter2@tcp(ledger-db:3306)/ledger", Package: checkout,
				File: client, Line: 7, Column: 13, EndLine: 7, EndColumn: 76,
				Message: "checkout connects to database ledger-db of payments (app:hunter2@tcp(ledger-db:3306)/ledger): shared persistence — read through payments' API or events instead, or allow it in couplingvet.yaml with a reason",
			},
			{
				Check: "crossimport", Severity: "error", From: "checkout", To: "orders",
				Target: "example.com/shop/services/orders/internal/store", Package: checkout,
				File: client, Line: 3, Column: 8, EndLine: 3, EndColumn: 57,
				Message: "checkout imports orders' private package example.com/shop/services/orders/internal/store: import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason",
			},
			{
				Check: "directive", Severity: "error", From: "checkout", Package: checkout,
				File: client, Line: 8, Column: 2, EndLine: 8, EndColumn: 32,
				Message: "directive //couplingvet:allow syncclient has no reason: write one after the check name, e.g. 100% cached,\nor delete the directive",
			},
			syncTestVariant,
		},
	}
}

// formats lists every writer, for the properties all formats share.
var formats = map[string]func(io.Writer, Result) error{
	"text":    Text,
	"json":    JSON,
	"sarif":   SARIF,
	"github":  GitHub,
	"dot":     DOT,
	"mermaid": Mermaid,
	"baseline": func(w io.Writer, r Result) error {
		return WriteBaseline(w, r.Findings)
	},
	"summary": func(w io.Writer, r Result) error {
		_, err := io.WriteString(w, Summary(r)+"\n")
		return err
	},
}

func render(t *testing.T, format string, r Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := formats[format](&buf, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String()
}

// checkGolden compares got, with the fixture root replaced by $ROOT, to
// testdata/name (rewritten with -update).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, filepath.ToSlash(fixtureRoot(t)), "$ROOT")
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestNoFormatPrintsSecrets(t *testing.T) {
	r := fixtureResult(t)
	r.Fixed = []Entry{{Fingerprint: "0123456789abcdef", Check: "shareddb", From: "checkout", To: "orders-db",
		Package: "example.com/shop/services/checkout", Target: "postgres://app:hunter2@orders-db/orders"}}
	for name := range formats {
		out := render(t, name, r)
		if strings.Contains(out, secret) {
			t.Errorf("%s output contains the password %q:\n%s", name, secret, out)
		}
	}
	for _, e := range r.Fixed {
		if strings.Contains(e.String(), secret) {
			t.Errorf("Entry.String() contains the password: %s", e)
		}
	}
}

func TestOutputDoesNotDependOnInputOrder(t *testing.T) {
	r := fixtureResult(t)
	want := make(map[string]string)
	for name := range formats {
		want[name] = render(t, name, r)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		shuffled := r
		shuffled.Findings = slices.Clone(r.Findings)
		rng.Shuffle(len(shuffled.Findings), func(a, b int) {
			shuffled.Findings[a], shuffled.Findings[b] = shuffled.Findings[b], shuffled.Findings[a]
		})
		for name := range formats {
			if got := render(t, name, shuffled); got != want[name] {
				t.Errorf("shuffle %d: %s output changed with the order of findings:\n%s\nwant:\n%s", i, name, got, want[name])
			}
		}
	}
}

func TestFormatsDoNotModifyTheirInput(t *testing.T) {
	r := fixtureResult(t)
	before := slices.Clone(r.Findings)
	for name := range formats {
		render(t, name, r)
	}
	if !slices.Equal(before, r.Findings) {
		t.Error("a format reordered or redacted the caller's findings")
	}
}
