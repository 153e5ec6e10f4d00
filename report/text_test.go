package report

import (
	"path/filepath"
	"testing"
)

func TestText(t *testing.T) {
	want := `legacy/legacy.go:1:1: warning: package example.com/shop/legacy has no owner: add legacy to a service's owns, to shared or to wiring in couplingvet.yaml
services/checkout/client.go:3:8: checkout imports orders' private package example.com/shop/services/orders/internal/store: import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason
services/checkout/client.go:6:37: checkout calls orders synchronously (http GET http://orders:8080/v1/orders): temporal coupling — consume orders' events instead, or allow it in couplingvet.yaml with a reason
services/checkout/client.go:7:13: checkout connects to database ledger-db of payments (app:***@tcp(ledger-db:3306)/ledger): shared persistence — read through payments' API or events instead, or allow it in couplingvet.yaml with a reason
services/checkout/client.go:7:13: checkout connects to database orders-db of orders (postgres://app:***@orders-db:5432/orders, host=orders-db password=***): shared persistence — read through orders' API or events instead, or allow it in couplingvet.yaml with a reason
services/checkout/client.go:8:2: directive //couplingvet:allow syncclient has no reason: write one after the check name, e.g. 100% cached, or delete the directive
`
	if got := render(t, "text", fixtureResult(t)); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextPaths(t *testing.T) {
	root := fixtureRoot(t)
	file := filepath.Join(root, "services", "checkout", "client.go")
	tests := []struct {
		name    string
		workDir string
		f       Finding
		want    string
	}{
		{"relative to a subdirectory", filepath.Join(root, "services"),
			Finding{File: file, Line: 6, Column: 37, Message: "m"}, filepath.Join("checkout", "client.go") + ":6:37: m\n"},
		{"outside the working directory stays absolute", filepath.Join(root, "legacy"),
			Finding{File: file, Line: 6, Column: 37, Message: "m"}, file + ":6:37: m\n"},
		{"a sibling with a common prefix is outside", root + "x",
			Finding{File: file, Line: 6, Column: 37, Message: "m"}, file + ":6:37: m\n"},
		{"no working directory", "",
			Finding{File: file, Line: 6, Column: 37, Message: "m"}, file + ":6:37: m\n"},
		{"no column", root, Finding{File: file, Line: 6, Message: "m"}, filepath.Join("services", "checkout", "client.go") + ":6: m\n"},
		{"no line", root, Finding{File: file, Message: "m"}, filepath.Join("services", "checkout", "client.go") + ": m\n"},
		{"no file", root, Finding{Package: "example.com/p", Message: "m"}, "example.com/p: m\n"},
		{"warning", root, Finding{File: file, Line: 1, Column: 1, Severity: "warning", Message: "m"},
			filepath.Join("services", "checkout", "client.go") + ":1:1: warning: m\n"},
		{"unknown severity is an error", root, Finding{File: file, Line: 1, Column: 1, Severity: "fatal", Message: "m"},
			filepath.Join("services", "checkout", "client.go") + ":1:1: m\n"},
		{"a newline cannot forge a line", root, Finding{File: file, Line: 1, Column: 1, Message: "a\nx.go:1:1: b\r\nc"},
			filepath.Join("services", "checkout", "client.go") + ":1:1: a x.go:1:1: b c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, "text", Result{WorkDir: tt.workDir, Findings: []Finding{tt.f}})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextDropsTestVariantDuplicates(t *testing.T) {
	f := Finding{Check: "syncclient", File: "/r/a.go", Line: 1, Column: 2, Message: "m", Package: "p"}
	g := f
	g.Package = "p [p.test]"
	if got, want := render(t, "text", Result{Findings: []Finding{g, f, f}}), "/r/a.go:1:2: m\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSummary(t *testing.T) {
	errorAt := func(line int) Finding { return Finding{Check: "syncclient", File: "/r/a.go", Line: line, Message: "m"} }
	warningAt := func(line int) Finding {
		return Finding{Check: "unowned", Severity: "warning", File: "/r/a.go", Line: line, Message: "m"}
	}
	tests := []struct {
		name string
		r    Result
		want string
	}{
		{"clean", Result{Packages: []string{"a", "b"}, Services: 2}, "couplingvet: 2 packages, 2 services, 0 violations"},
		{"singular", Result{Packages: []string{"a"}, Services: 1, Findings: []Finding{errorAt(1)}},
			"couplingvet: 1 package, 1 service, 1 violation"},
		{"warnings counted apart", Result{Packages: []string{"a"}, Services: 4, Findings: []Finding{errorAt(1), warningAt(2), warningAt(3)}},
			"couplingvet: 1 package, 4 services, 1 violation, 2 warnings"},
		{"duplicates counted once", Result{Packages: []string{"a"}, Services: 4, Findings: []Finding{errorAt(1), errorAt(1)}},
			"couplingvet: 1 package, 4 services, 1 violation"},
		{"baseline", Result{Packages: []string{"a"}, Services: 4, Suppressed: 5, Fixed: make([]Entry, 1)},
			"couplingvet: 1 package, 4 services, 0 violations (5 in baseline, 1 fixed)"},
		{"load errors", Result{Packages: []string{"a"}, Services: 4, LoadErrors: []string{"x", "y"}},
			"couplingvet: 1 package, 4 services, 0 violations, 2 packages failed to load"},
		{"one load error", Result{Services: 4, LoadErrors: []string{"x"}},
			"couplingvet: 0 packages, 4 services, 0 violations, 1 package failed to load"},
		{"fixture", fixtureResult(t), "couplingvet: 3 packages, 3 services, 5 violations, 1 warning, 1 package failed to load"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summary(tt.r); got != tt.want {
				t.Errorf("Summary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSeverityCounts(t *testing.T) {
	at := func(line int, severity string) Finding {
		return Finding{Check: "c", Severity: severity, File: "/r/a.go", Line: line, Message: "m"}
	}
	r := Result{Findings: []Finding{at(1, "error"), at(1, "error"), at(2, "warning"), at(3, "warn"), at(4, ""), at(5, "fatal")}}
	if r.Errors() != 3 || r.Warnings() != 2 {
		t.Errorf("Errors() = %d, Warnings() = %d; want 3 (error once, empty, unknown) and 2 (warning, warn)", r.Errors(), r.Warnings())
	}
	if got := render(t, "github", r); got != "::error file=/r/a.go,line=1,title=couplingvet c::m\n::warning file=/r/a.go,line=2,title=couplingvet c::m\n::warning file=/r/a.go,line=3,title=couplingvet c::m\n::error file=/r/a.go,line=4,title=couplingvet c::m\n::error file=/r/a.go,line=5,title=couplingvet c::m\n" {
		t.Errorf("GitHub levels:\n%s", got)
	}
}
