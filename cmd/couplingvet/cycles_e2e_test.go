package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

var (
	cyclesDir        = mustAbs("../../testdata/cycles")
	cyclesAllowedDir = mustAbs("../../testdata/cycles-allowed")
)

const cycleText = "checkout -> orders -> payments -> checkout"

// cyclesFindings is the text output on testdata/cycles: the three edges of
// the circle, and the circle itself, a warning by default, at the first
// edge's call.
const cyclesFindings = `services/checkout/checkout.go:12:15: warning: checkout -> orders -> payments -> checkout (syncclient, syncclient, crossimport): a failure in any of them spreads to all; break one edge with an event, or accept the cycle in a baseline (allow rules accept edges, not cycles)
services/checkout/checkout.go:12:15: checkout calls orders synchronously (http GET http://orders:8080/v1/orders/{orderID}): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
services/orders/orders.go:11:15: orders calls payments synchronously (http POST http://payments:8080/v1/charges): temporal coupling — orders fails and slows down when payments does; consume payments' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
services/payments/payments.go:5:8: payments imports checkout's private package services/checkout/cart: payments now compiles against checkout's internals and breaks when checkout changes them; import checkout's contract (it has none yet: declare one under services.checkout.contracts) instead, or allow it in couplingvet.yaml with a reason
`

func TestCycles(t *testing.T) {
	r := couplingvet(t, cyclesDir)
	wantCode(t, r, exitViolations)
	wantText(t, "text", r.stdout, cyclesFindings)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 4 packages, 3 services, 3 violations, 1 warning")

	// JSON: one finding of check cycles, baseline-able identity.
	r = couplingvet(t, cyclesDir, "-format", "json")
	cycles := cycleFindings(t, r.stdout)
	if len(cycles) != 1 {
		t.Fatalf("%d cycle findings, want 1:\n%s", len(cycles), r.stdout)
	}
	c := cycles[0]
	if c.Severity != "warning" || c.From != "checkout" || c.To != "orders,payments" || c.Target != cycleText ||
		c.Package != "example.com/cycles/services/checkout" || c.File != "services/checkout/checkout.go" || c.Line != 12 {
		t.Errorf("cycle finding = %+v", c)
	}

	// SARIF: the rule with its help, the result at the first edge.
	r = couplingvet(t, cyclesDir, "-format", "sarif")
	for _, want := range []string{`"id": "cycles"`, `"name": "ServiceCycle"`, `"ruleId": "cycles"`, `"level": "warning"`, "How to fix:", cycleText} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("SARIF has no %s", want)
		}
	}
	validateSARIF(t, map[string]string{"cycles.sarif": r.stdout})

	// GitHub annotations.
	r = couplingvet(t, cyclesDir, "-format", "github")
	if !strings.Contains(r.stdout, "::warning file=services/checkout/checkout.go,line=12,col=15,title=couplingvet cycles::"+cycleText) {
		t.Errorf("GitHub output has no cycle annotation:\n%s", r.stdout)
	}
}

// TestCyclesAllowedEdge: two of the circle's three edges are accepted (an
// allow rule, a directive); the cycle is still reported, with the accepted
// edges marked, and fails the run because the map says cycles: error.
func TestCyclesAllowedEdge(t *testing.T) {
	r := couplingvet(t, cyclesAllowedDir, "-format", "json")
	wantCode(t, r, exitViolations)
	cycles := cycleFindings(t, r.stdout)
	if len(cycles) != 1 {
		t.Fatalf("%d cycle findings, want 1:\n%s", len(cycles), r.stdout)
	}
	if c := cycles[0]; c.Severity != "error" || c.Target != cycleText ||
		!strings.HasPrefix(c.Message, cycleText+" (syncclient, syncclient allowed, crossimport allowed): ") {
		t.Errorf("cycle finding = %+v", c)
	}
	r = couplingvet(t, cyclesAllowedDir)
	if got := strings.Count(r.stdout, "\n"); got != 2 {
		t.Errorf("want the cycle and checkout's call, got:\n%s", r.stdout)
	}
	r = couplingvet(t, cyclesAllowedDir, "-format", "sarif")
	if !strings.Contains(r.stdout, `"ruleId": "cycles"`) || !strings.Contains(r.stdout, `"level": "error"`) {
		t.Errorf("SARIF has no cycle error:\n%s", r.stdout)
	}

	// Baseline-able: recorded, accepted on the next run, whatever moves.
	dir := copyTree(t, cyclesAllowedDir)
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName), exitClean)
	if b := readFile(t, filepath.Join(dir, baselineName)); !strings.Contains(b, "cycles") {
		t.Fatalf("the baseline does not record the cycle:\n%s", b)
	}
	file := filepath.Join(dir, "services", "checkout", "checkout.go")
	writeFile(t, file, strings.Replace(readFile(t, file), "// Place looks", "// A line that moves the call.\n\n// Place looks", 1))
	wantCode(t, couplingvet(t, dir, "-baseline", baselineName, "-strict-baseline"), exitClean)

	// Off: no cycle, the edges stay accepted.
	mapFile := filepath.Join(dir, "couplingvet.yaml")
	writeFile(t, mapFile, strings.Replace(readFile(t, mapFile), "cycles: error", "cycles: off", 1))
	r = couplingvet(t, dir, "-format", "json")
	if n := len(cycleFindings(t, r.stdout)); n != 0 {
		t.Errorf("cycles: off still reports %d cycles", n)
	}

	// An allow rule cannot accept a cycle.
	writeFile(t, mapFile, strings.Replace(readFile(t, mapFile), "checks:", "  - {from: checkout, to: orders, check: cycles, reason: \"x\"}\nchecks:", 1))
	r = couplingvet(t, dir, "-check-config")
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "allow rules accept edges, not cycles") {
		t.Errorf("check: cycles in an allow rule: %s", r.stderr)
	}
}

type jsonFinding struct {
	Check, Severity, From, To, Target, Package, File, Message string
	Line                                                      int
}

func cycleFindings(t *testing.T, out string) []jsonFinding {
	t.Helper()
	var doc struct{ Findings []jsonFinding }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	var cycles []jsonFinding
	for _, f := range doc.Findings {
		if f.Check == "cycles" {
			cycles = append(cycles, f)
		}
	}
	return cycles
}
