package report

import (
	"reflect"
	"testing"
)

func TestDOT(t *testing.T) {
	want := `digraph couplingvet {
  rankdir=LR;
  node [shape=box];
  "checkout";
  "ledger-db" [shape=cylinder];
  "orders";
  "orders-db" [shape=cylinder];
  "payments";
  "checkout" -> "ledger-db" [label="shareddb (1)"];
  "checkout" -> "orders" [label="crossimport (1)"];
  "checkout" -> "orders" [label="syncclient (1)"];
  "checkout" -> "orders-db" [label="shareddb (1)"];
}
`
	if got := render(t, "dot", fixtureResult(t)); got != want {
		t.Errorf("DOT:\n%s\nwant:\n%s", got, want)
	}
}

func TestMermaid(t *testing.T) {
	want := `flowchart LR
  n0["checkout"]
  n1[("ledger-db")]
  n2["orders"]
  n3[("orders-db")]
  n4["payments"]
  n0 -->|"shareddb (1)"| n1
  n0 -->|"crossimport (1)"| n2
  n0 -->|"syncclient (1)"| n2
  n0 -->|"shareddb (1)"| n3
`
	if got := render(t, "mermaid", fixtureResult(t)); got != want {
		t.Errorf("Mermaid:\n%s\nwant:\n%s", got, want)
	}
}

func TestGraphCountsAndEscapes(t *testing.T) {
	call := func(from, to string, line int) Finding {
		return Finding{Check: "syncclient", From: from, To: to, File: "/r/a.go", Line: line, Message: "m"}
	}
	r := Result{Findings: []Finding{
		call("b", "a", 1), call("b", "a", 2), call("b", "a", 2), // the duplicate counts once
		call("", "a", 3), // unowned code reaching a service
		{Check: "shareddb", From: "a", To: "b", File: "/r/a.go", Line: 4, Message: "m"}, // b is a service: not a cylinder
		{Check: "unowned", File: "/r/a.go", Line: 5, Message: "m"},
		{Check: "directive", From: "a", File: "/r/a.go", Line: 6, Message: "m"},
		call(`q"uote`, "a", 7),
	}}
	wantEdges := []Edge{
		{From: "(unowned)", To: "a", Check: "syncclient", Count: 1},
		{From: "a", To: "b", Check: "shareddb", Count: 1},
		{From: "b", To: "a", Check: "syncclient", Count: 2},
		{From: `q"uote`, To: "a", Check: "syncclient", Count: 1},
	}
	if got := Graph(r); !reflect.DeepEqual(got, wantEdges) {
		t.Errorf("Graph = %+v\nwant %+v", got, wantEdges)
	}
	wantDOT := `digraph couplingvet {
  rankdir=LR;
  node [shape=box];
  "(unowned)";
  "a";
  "b";
  "q\"uote";
  "(unowned)" -> "a" [label="syncclient (1)"];
  "a" -> "b" [label="shareddb (1)"];
  "b" -> "a" [label="syncclient (2)"];
  "q\"uote" -> "a" [label="syncclient (1)"];
}
`
	if got := render(t, "dot", r); got != wantDOT {
		t.Errorf("DOT:\n%s\nwant:\n%s", got, wantDOT)
	}
	wantMermaid := `flowchart LR
  n0["(unowned)"]
  n1["a"]
  n2["b"]
  n3["q#quot;uote"]
  n0 -->|"syncclient (1)"| n1
  n1 -->|"shareddb (1)"| n2
  n2 -->|"syncclient (2)"| n1
  n3 -->|"syncclient (1)"| n1
`
	if got := render(t, "mermaid", r); got != wantMermaid {
		t.Errorf("Mermaid:\n%s\nwant:\n%s", got, wantMermaid)
	}
}

func TestGraphEmpty(t *testing.T) {
	if got, want := render(t, "mermaid", Result{ServiceNames: []string{"b", "a"}}), "flowchart LR\n  n0[\"a\"]\n  n1[\"b\"]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := render(t, "dot", Result{}), "digraph couplingvet {\n  rankdir=LR;\n  node [shape=box];\n}\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
