package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// architectureResult has a violation, allowed coupling (by a rule and by a
// directive, at two sites of one edge), a full event flow and two topics
// with one side only.
func architectureResult() Result {
	return Result{
		ServiceNames: []string{"billing", "checkout", "orders", "payments"},
		Findings: []Finding{
			{Check: "syncclient", From: "checkout", To: "orders", File: "/r/c.go", Line: 1, Message: "m"},
		},
		Allowed: []AllowedCoupling{
			{Check: "syncclient", From: "checkout", To: "payments", File: "/r/c.go", Line: 2, Reason: "card authorisation is synchronous", By: "couplingvet.yaml:9"},
			{Check: "syncclient", From: "checkout", To: "payments", Package: "p", File: "/r/c.go", Line: 3, Reason: `a "quoted" reason`, By: "//couplingvet:allow"},
			{Check: "syncclient", From: "checkout", To: "payments", Package: "p [p.test]", File: "/r/c.go", Line: 3, Reason: `a "quoted" reason`, By: "//couplingvet:allow"}, // a test variant's duplicate
		},
		Events: []EventEndpoint{
			{Service: "orders", Role: RolePublish, Broker: "kafka", Topic: "orders.created"},
			{Service: "billing", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"},
			{Service: "billing", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"},
			{Service: "payments", Role: RolePublish, Broker: "nats", Topic: "payments.settled"}, // nobody here consumes it
			{Service: "orders", Role: RoleConsume, Broker: "kafka", Topic: "stock.changed"},     // nobody here publishes it
			{Service: "", Role: RolePublish, Broker: "kafka", Topic: "stock.changed"},           // unowned code is not a publisher
		},
	}
}

func TestGraphAllowedAndEvents(t *testing.T) {
	r := architectureResult()
	wantDOT := `digraph couplingvet {
  rankdir=LR;
  node [shape=box];
  "billing";
  "checkout";
  "kafka:stock.changed" [shape=parallelogram, label="topic stock.changed\n(kafka)"];
  "nats:payments.settled" [shape=parallelogram, label="topic payments.settled\n(nats)"];
  "orders";
  "payments";
  "checkout" -> "orders" [label="syncclient (1)"];
  "checkout" -> "payments" [label="syncclient (2), allowed:\na \"quoted\" reason; card authorisation is synchronous", style=dashed, color=gray40];
  "kafka:stock.changed" -> "orders" [label="event stock.changed (kafka, 1 consume)", style=dotted, color=darkgreen];
  "orders" -> "billing" [label="event orders.created (kafka, 1 publish, 2 consume)", style=dotted, color=darkgreen];
  "payments" -> "nats:payments.settled" [label="event payments.settled (nats, 1 publish)", style=dotted, color=darkgreen];
}
`
	if got := render(t, "dot", r); got != wantDOT {
		t.Errorf("DOT:\n%s\nwant:\n%s", got, wantDOT)
	}
	wantMermaid := `flowchart LR
  n0["billing"]
  n1["checkout"]
  n2>"topic stock.changed (kafka)"]
  n3>"topic payments.settled (nats)"]
  n4["orders"]
  n5["payments"]
  n1 -->|"syncclient (1)"| n4
  n1 -->|"syncclient (2), allowed: a #quot;quoted#quot; reason; card authorisation is synchronous"| n5
  n2 -.->|"event stock.changed (kafka, 1 consume)"| n4
  n4 -.->|"event orders.created (kafka, 1 publish, 2 consume)"| n0
  n5 -.->|"event payments.settled (nats, 1 publish)"| n3
  linkStyle 1 stroke-dasharray:6 4
`
	if got := render(t, "mermaid", r); got != wantMermaid {
		t.Errorf("Mermaid:\n%s\nwant:\n%s", got, wantMermaid)
	}
}

func TestGraphJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := BuildGraph(architectureResult()).JSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc GraphDocument
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if doc.Version != GraphJSONVersion || doc.Focus != "" {
		t.Errorf("version %d, focus %q", doc.Version, doc.Focus)
	}
	kinds := map[string]string{}
	for _, n := range doc.Nodes {
		kinds[n.ID] = n.Kind
	}
	wantKinds := map[string]string{"billing": "service", "checkout": "service", "orders": "service", "payments": "service",
		"kafka:stock.changed": "topic", "nats:payments.settled": "topic"}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("node kinds = %v\nwant %v", kinds, wantKinds)
	}
	wantEdges := []GraphEdge{
		{From: "checkout", To: "orders", Kind: "syncclient", Count: 1},
		{From: "checkout", To: "payments", Kind: "syncclient", Count: 2, Allowed: true, Reasons: []string{`a "quoted" reason`, "card authorisation is synchronous"}},
		{From: "kafka:stock.changed", To: "orders", Kind: "event", Count: 1, Topic: "stock.changed", Broker: "kafka", Consumes: 1},
		{From: "orders", To: "billing", Kind: "event", Count: 3, Topic: "orders.created", Broker: "kafka", Publishes: 1, Consumes: 2},
		{From: "payments", To: "nats:payments.settled", Kind: "event", Count: 1, Topic: "payments.settled", Broker: "nats", Publishes: 1},
	}
	if !reflect.DeepEqual(doc.Edges, wantEdges) {
		t.Errorf("edges = %+v\nwant %+v", doc.Edges, wantEdges)
	}
	// The stable field names of the document.
	for _, key := range []string{`"version": 1`, `"nodes"`, `"edges"`, `"kind": "event"`, `"allowed": true`, `"reasons"`, `"publishes": 1`, `"consumes": 2`, `"count": 3`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("document has no %s:\n%s", key, buf.String())
		}
	}
	// An empty graph has arrays, not nulls.
	buf.Reset()
	if err := BuildGraph(Result{}).JSON(&buf); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "{\n  \"version\": 1,\n  \"nodes\": [],\n  \"edges\": []\n}\n" {
		t.Errorf("empty graph = %q", got)
	}
}

func TestGraphFocus(t *testing.T) {
	r := architectureResult()
	r.Findings = append(r.Findings,
		Finding{Check: "crossimport", From: "payments", To: "orders", File: "/r/p.go", Line: 1, Message: "m"}, // between two neighbours: kept
		Finding{Check: "crossimport", From: "billing", To: "orders", File: "/r/b.go", Line: 1, Message: "m"},  // billing is no neighbour of checkout
	)
	g := BuildGraph(r).Focus("checkout")
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	if want := []string{"checkout", "orders", "payments"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("nodes = %v, want %v", ids, want)
	}
	var edges []string
	for _, e := range g.Edges {
		edges = append(edges, e.From+"->"+e.To+" "+e.Kind)
	}
	if want := []string{"checkout->orders syncclient", "checkout->payments syncclient", "payments->orders crossimport"}; !reflect.DeepEqual(edges, want) {
		t.Errorf("edges = %v, want %v", edges, want)
	}
	if g.Focused != "checkout" {
		t.Errorf("Focused = %q", g.Focused)
	}
	// A topic is a neighbour too.
	g = BuildGraph(r).Focus("payments")
	if !slicesContainsNode(g.Nodes, "nats:payments.settled") {
		t.Errorf("focus on payments lost its topic: %+v", g.Nodes)
	}
}

func slicesContainsNode(nodes []GraphNode, id string) bool {
	for _, n := range nodes {
		if n.ID == id {
			return true
		}
	}
	return false
}
