package report

import (
	"strings"
	"testing"
)

func TestCycles(t *testing.T) {
	edge := func(check, from, to, file string, line int) Finding {
		return Finding{Check: check, From: from, To: to, Package: "example.com/" + from, File: file, Line: line, Message: "m"}
	}
	findings := []Finding{
		// One component of three services with two elementary cycles
		// (a <-> b, a <-> c): one finding, a walk through all three.
		edge("syncclient", "a", "b", "/r/a2.go", 1),
		edge("syncclient", "a", "b", "/r/a1.go", 9), // the smallest site of a -> b
		edge("crossimport", "a", "b", "/r/a3.go", 1),
		edge("crossimport", "b", "a", "/r/b.go", 1),
		edge("syncclient", "a", "c", "/r/a.go", 2),
		edge("syncclient", "c", "a", "/r/c.go", 1),
		// Not part of any cycle: shared code, databases, a one-way edge, a
		// cycle through a database.
		edge("crossimport", "shared", "a", "/r/s.go", 1),
		edge("crossimport", "a", "shared", "/r/a.go", 3),
		edge("shareddb", "d", "a", "/r/d.go", 1),
		edge("shareddb", "a", "d", "/r/a.go", 4),
		edge("syncclient", "f", "a", "/r/f.go", 1),
	}
	allowed := []AllowedCoupling{
		// d <-> e only through accepted coupling: still a cycle.
		{Check: "syncclient", From: "d", To: "e", Package: "example.com/d", File: "/r/d.go", Line: 5, Reason: "r"},
		{Check: "crossimport", From: "e", To: "d", Package: "example.com/e", File: "/r/e.go", Line: 5, Reason: "r"},
	}
	services := []string{"f", "e", "d", "c", "b", "a"}
	got := Cycles(findings, allowed, services, SeverityWarning)
	var lines []string
	for _, f := range got {
		lines = append(lines, strings.Join([]string{f.Check, f.Severity, f.From, f.To, f.Target, f.File}, "|")+"|"+f.Message[:strings.Index(f.Message, ":")])
	}
	want := []string{
		"cycles|warning|a|b,c|a -> b -> a -> c -> a|/r/a1.go|a -> b -> a -> c -> a (crossimport+syncclient, crossimport, syncclient, syncclient)",
		"cycles|warning|d|e|d -> e -> d|/r/d.go|d -> e -> d (syncclient allowed, crossimport allowed)",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Cycles:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// Deterministic, whatever the input order.
	reversed := make([]Finding, len(findings))
	for i, f := range findings {
		reversed[len(findings)-1-i] = f
	}
	again := Cycles(reversed, allowed, []string{"a", "b", "c", "d", "e", "f"}, SeverityWarning)
	for i := range got {
		if got[i] != again[i] {
			t.Errorf("order-dependent: %+v vs %+v", got[i], again[i])
		}
	}
	// Positions do not enter the fingerprint.
	moved := got[0]
	moved.Line += 10
	if moved.Fingerprint() != got[0].Fingerprint() {
		t.Error("a cycle's fingerprint depends on its line")
	}
}

// TestCyclesSimple: the cycle of the issue, in its canonical rotation
// (smallest name first), whatever service reports first.
func TestCyclesSimple(t *testing.T) {
	got := Cycles([]Finding{
		{Check: "crossimport", From: "payments", To: "checkout", File: "/r/p.go", Line: 1, Message: "m"},
		{Check: "syncclient", From: "orders", To: "payments", File: "/r/o.go", Line: 1, Message: "m"},
		{Check: "syncclient", From: "checkout", To: "orders", File: "/r/c.go", Line: 7, Message: "m"},
	}, nil, []string{"payments", "orders", "checkout"}, SeverityError)
	if len(got) != 1 {
		t.Fatalf("%d cycles, want 1", len(got))
	}
	if want := "checkout -> orders -> payments -> checkout (syncclient, syncclient, crossimport): a failure in any of them spreads to all; break one edge with an event, or accept the cycle in a baseline (allow rules accept edges, not cycles)"; got[0].Message != want {
		t.Errorf("message %q\nwant    %q", got[0].Message, want)
	}
	if got[0].File != "/r/c.go" || got[0].Line != 7 || got[0].To != "orders,payments" {
		t.Errorf("finding %+v", got[0])
	}
}
