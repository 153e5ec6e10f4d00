package report

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestWriteBaseline(t *testing.T) {
	want := "# couplingvet baseline v1: accepted violations; new ones fail, fixed ones are reported.\n" +
		"# Written by couplingvet -write-baseline; edit only by deleting lines of fixed violations.\n" +
		"# fingerprint\tcheck\tfrom\tto\tpackage\ttarget (tab-separated, - when empty; one line per occurrence)\n" +
		"15ab981549801ec0\tunowned\t-\t-\texample.com/shop/legacy\texample.com/shop/legacy\n" +
		"d4adb20dc58be324\tcrossimport\tcheckout\torders\texample.com/shop/services/checkout\texample.com/shop/services/orders/internal/store\n" +
		"3e94719f74a49205\tdirective\tcheckout\t-\texample.com/shop/services/checkout\t-\n" +
		"e5c0d834f0947f80\tshareddb\tcheckout\tledger-db\texample.com/shop/services/checkout\tapp:***@tcp(ledger-db:3306)/ledger\n" +
		"16526c3a4e92675d\tshareddb\tcheckout\torders-db\texample.com/shop/services/checkout\tpostgres://app:***@orders-db:5432/orders\n" +
		"0e8e718ca7b8ac33\tsyncclient\tcheckout\torders\texample.com/shop/services/checkout\thttp://orders:8080/v1/orders\n"
	if got := render(t, "baseline", fixtureResult(t)); got != want {
		t.Errorf("WriteBaseline:\n%s\nwant:\n%s", got, want)
	}
}

// call is a synchronous call from checkout at a line: the line does not
// enter the fingerprint.
func call(target string, line int) Finding {
	return Finding{
		Check: "syncclient", Severity: "error", From: "checkout", To: "orders", Target: target,
		Package: "example.com/shop/services/checkout", File: "/repo/services/checkout/c.go", Line: line, Column: 2,
		Message: "checkout calls orders synchronously (" + target + ")",
	}
}

func roundTrip(t *testing.T, findings []Finding) []Entry {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, findings); err != nil {
		t.Fatal(err)
	}
	entries, err := ReadBaseline(&buf)
	if err != nil {
		t.Fatalf("ReadBaseline of WriteBaseline's output: %v\n%s", err, buf.String())
	}
	return entries
}

// TestBaselineCycle is the life of a baseline: written from today's
// findings, it makes the next run clean even after code moves; a new
// violation fails; a paid-off one is reported as fixed; a run over other
// packages never calls entries fixed.
func TestBaselineCycle(t *testing.T) {
	const orders = "example.com/shop/services/orders"
	const checkout = "example.com/shop/services/checkout"
	legacyImport := Finding{Check: "crossimport", From: "orders", To: "payments", Target: "example.com/shop/services/payments/internal/db",
		Package: orders, File: "/repo/services/orders/o.go", Line: 3, Column: 8, Message: "orders imports payments' private package"}
	today := []Finding{call("http://orders/v1/a", 10), call("http://orders/v1/b", 20), legacyImport}
	all := []string{checkout, orders}
	baseline := roundTrip(t, today)
	if len(baseline) != 3 {
		t.Fatalf("baseline has %d entries, want 3", len(baseline))
	}

	t.Run("re-run clean, even with code moved", func(t *testing.T) {
		moved := []Finding{call("http://orders/v1/a", 110), call("http://orders/v1/b", 5), legacyImport}
		newFindings, fixed, suppressed := Compare(baseline, moved, all)
		if len(newFindings) != 0 || len(fixed) != 0 || suppressed != 3 {
			t.Errorf("new %v, fixed %v, suppressed %d; want none, none, 3", newFindings, fixed, suppressed)
		}
	})
	t.Run("a new violation fails", func(t *testing.T) {
		added := append(slices.Clone(today), call("http://orders/v1/c", 30))
		newFindings, fixed, suppressed := Compare(baseline, added, all)
		if len(newFindings) != 1 || newFindings[0].Target != "http://orders/v1/c" || len(fixed) != 0 || suppressed != 3 {
			t.Errorf("new %v, fixed %v, suppressed %d; want the call to /v1/c, none, 3", newFindings, fixed, suppressed)
		}
	})
	t.Run("a fixed violation is reported", func(t *testing.T) {
		newFindings, fixed, suppressed := Compare(baseline, today[:2], all)
		if len(newFindings) != 0 || suppressed != 2 {
			t.Errorf("new %v, suppressed %d; want none, 2", newFindings, suppressed)
		}
		if len(fixed) != 1 || fixed[0].Fingerprint != legacyImport.Fingerprint() || fixed[0].Line == 0 {
			t.Errorf("fixed = %+v, want the orders import entry with its line", fixed)
		}
	})
	t.Run("a partial run calls nothing fixed outside it", func(t *testing.T) {
		// ./services/checkout/... : orders was not analysed, so its entry is not stale.
		newFindings, fixed, suppressed := Compare(baseline, today[:2], []string{checkout, checkout + " [" + checkout + ".test]"})
		if len(newFindings) != 0 || len(fixed) != 0 || suppressed != 2 {
			t.Errorf("new %v, fixed %v, suppressed %d; want none, none, 2", newFindings, fixed, suppressed)
		}
		// ./services/orders/... with the import fixed: now it is.
		_, fixed, _ = Compare(baseline, nil, []string{orders})
		if len(fixed) != 1 || fixed[0].Package != orders {
			t.Errorf("fixed = %+v, want the orders entry only", fixed)
		}
	})
	t.Run("nil analysed packages reports nothing fixed", func(t *testing.T) {
		if _, fixed, _ := Compare(baseline, nil, nil); len(fixed) != 0 {
			t.Errorf("fixed = %+v", fixed)
		}
	})
}

func TestCompareCountsMultiplicity(t *testing.T) {
	const checkout = "example.com/shop/services/checkout"
	twice := []Finding{call("http://orders/v1/a", 10), call("http://orders/v1/a", 20)}
	baseline := roundTrip(t, twice)
	if len(baseline) != 2 || baseline[0].Fingerprint != baseline[1].Fingerprint {
		t.Fatalf("baseline = %+v, want the same fingerprint twice", baseline)
	}

	thrice := append(slices.Clone(twice), call("http://orders/v1/a", 30))
	newFindings, fixed, suppressed := Compare(baseline, thrice, []string{checkout})
	if suppressed != 2 || len(newFindings) != 1 || newFindings[0].Line != 30 || len(fixed) != 0 {
		t.Errorf("three occurrences against two entries: new %v, fixed %v, suppressed %d; want line 30, none, 2", newFindings, fixed, suppressed)
	}

	newFindings, fixed, suppressed = Compare(baseline, twice[:1], []string{checkout})
	if suppressed != 1 || len(newFindings) != 0 || len(fixed) != 1 || fixed[0].Line != baseline[1].Line {
		t.Errorf("one occurrence against two entries: new %v, fixed %+v, suppressed %d; want none, the second entry, 1", newFindings, fixed, suppressed)
	}

	// Test variants report the same diagnostic again: it must not use up an entry.
	variant := call("http://orders/v1/a", 10)
	variant.Package = checkout + " [" + checkout + ".test]"
	newFindings, fixed, suppressed = Compare(baseline, []Finding{twice[0], variant, twice[1]}, []string{checkout})
	if suppressed != 2 || len(newFindings) != 0 || len(fixed) != 0 {
		t.Errorf("with a test-variant duplicate: new %v, fixed %v, suppressed %d; want none, none, 2", newFindings, fixed, suppressed)
	}
}

func TestBaselineFieldEscaping(t *testing.T) {
	odd := []Finding{
		{Check: "syncclient", From: "a", To: "-", Target: "tab\there\nnewline\\back\rcr", Package: "p"},
		{Check: "unowned", Package: "q"},
	}
	entries := roundTrip(t, odd)
	if len(entries) != 2 {
		t.Fatalf("entries = %+v", entries)
	}
	if e := entries[0]; e.To != "-" || e.Target != odd[0].Target || e.Fingerprint != odd[0].Fingerprint() {
		t.Errorf("entry = %+v, want the fields back unchanged", e)
	}
	if e := entries[1]; e.From != "" || e.To != "" || e.Target != "" || e.Fingerprint != odd[1].Fingerprint() {
		t.Errorf("entry = %+v, want empty fields back", e)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	good := "0e8e718ca7b8ac33\tsyncclient\tcheckout\torders\texample.com/shop/services/checkout\thttp://orders:8080/v1/orders"
	tests := []struct {
		name, input string
		line        int
		msg         string
	}{
		{"too few fields", "# header\n\n" + good + "\n0e8e718ca7b8ac33 syncclient checkout\n", 4, "want 6 tab-separated fields"},
		{"bad fingerprint", "XYZ\tsyncclient\tcheckout\torders\tp\tt\n", 1, "not 16 lower-case hex digits"},
		{"edited by hand", strings.Replace(good, "v1/orders", "v2/orders", 1) + "\n", 1, "does not match the fields"},
		{"empty check", "0e8e718ca7b8ac33\t-\tcheckout\torders\tp\tt\n", 1, "empty check"},
		{"empty package", "0e8e718ca7b8ac33\tsyncclient\tcheckout\torders\t-\tt\n", 1, "empty package"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBaseline(strings.NewReader(tt.input))
			var be *BaselineError
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want a *BaselineError", err)
			}
			if be.Line != tt.line || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "baseline line ") {
				t.Errorf("err = %q (line %d), want line %d and %q", err, be.Line, tt.line, tt.msg)
			}
		})
	}
	t.Run("comments, blank lines and CRLF are fine", func(t *testing.T) {
		entries, err := ReadBaseline(strings.NewReader("# c\r\n\r\n" + good + "\r\n"))
		if err != nil || len(entries) != 1 || entries[0].Line != 3 || entries[0].Target != "http://orders:8080/v1/orders" {
			t.Errorf("entries %+v, err %v", entries, err)
		}
	})
}

func TestEntryString(t *testing.T) {
	e := Entry{Fingerprint: "0123456789abcdef", Check: "unowned", Package: "example.com/x", Target: "example.com/x"}
	want := "baseline entry 0123456789abcdef (unowned - -> - in example.com/x: example.com/x) no longer occurs: remove it from the baseline"
	if got := e.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
