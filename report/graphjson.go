package report

import (
	"encoding/json"
	"io"
)

// GraphJSONVersion is the version of the graph's JSON document; it changes
// only when a field is removed or changes meaning (new fields may appear in
// any version).
const GraphJSONVersion = 1

// GraphDocument is the document ServiceGraph.JSON writes (`-graph json`).
// Field names are stable; nodes are sorted by id, edges by from, to, kind,
// allowed and topic; arrays are never null.
//
//	{
//	  "version": 1,                          // GraphJSONVersion
//	  "focus": "checkout",                   // -graph-focus; omitted for the whole graph
//	  "nodes": [
//	    {"id": "checkout", "kind": "service"},   // service | database | topic | shared | unowned
//	    {"id": "orders-db", "kind": "database"},
//	    {"id": "kafka:payments.settled", "kind": "topic", "broker": "kafka", "topic": "payments.settled"}
//	  ],
//	  "edges": [
//	    {"from": "checkout", "to": "orders", "kind": "syncclient", "count": 2, "allowed": false},
//	    {"from": "checkout", "to": "payments", "kind": "syncclient", "count": 1, "allowed": true,
//	     "reasons": ["card authorisation is synchronous by design"]},
//	    {"from": "orders", "to": "shipping", "kind": "event", "count": 3, "allowed": false,
//	     "topic": "orders.created", "broker": "kafka", "publishes": 1, "consumes": 2}
//	  ]
//	}
//
// Edge kinds are the coupling checks (crossimport, shareddb, syncclient),
// whose count is the number of findings behind the edge (or of allowed
// findings, when allowed is true), and "event", whose count is publishes +
// consumes: the publish sites of the producer and the consume sites of the
// consumer on that topic. An event edge to or from a topic node has only
// one of the two.
type GraphDocument struct {
	Version int         `json:"version"`
	Focus   string      `json:"focus,omitempty"`
	Nodes   []GraphNode `json:"nodes"`
	Edges   []GraphEdge `json:"edges"`
}

// JSON writes the graph as a GraphDocument, indented.
func (g ServiceGraph) JSON(w io.Writer) error {
	doc := GraphDocument{Version: GraphJSONVersion, Focus: g.Focused, Nodes: g.Nodes, Edges: g.Edges}
	if doc.Nodes == nil {
		doc.Nodes = []GraphNode{}
	}
	if doc.Edges == nil {
		doc.Edges = []GraphEdge{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
