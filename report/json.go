package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// JSONVersion is the version of the JSON document; it changes only when a
// field is removed or changes meaning (new fields may appear in any version).
const JSONVersion = 1

// JSONReport is the document JSON writes. Field names are stable; findings
// are sorted by file, line, column, check and message; arrays are never null.
//
//	{
//	  "version": 1,                          // JSONVersion
//	  "tool": {"name": "couplingvet", "version": "v0.1.0"},
//	  "packages": 12,                        // packages analysed
//	  "services": 4,                         // services in the map
//	  "summary": {
//	    "violations": 3,                     // findings of severity "error": they fail the run
//	    "warnings": 1,                       // findings of severity "warning"
//	    "suppressed": 0,                     // findings accepted by the baseline (not listed)
//	    "fixed": 0,                          // baseline entries that no longer occur (listed in "fixed")
//	    "load_errors": 0                     // packages that failed to load (listed in "load_errors")
//	  },
//	  "findings": [{
//	    "check": "syncclient",               // crossimport | shareddb | syncclient | unowned | directive
//	    "severity": "error",                 // error | warning
//	    "from": "checkout",                  // service of the reporting package; "shared"; "" when unowned
//	    "to": "orders",                      // service or database reached; "" when none
//	    "target": "http://orders:8080/v1/orders", // import path, DSN (redacted), database, URL or gRPC method
//	    "package": "example.com/shop/services/checkout",
//	    "file": "services/checkout/client.go", // relative to the repository root, forward slashes
//	    "line": 14, "column": 2,             // 1-based; column in bytes (go/token); 0 = unknown
//	    "end_line": 14, "end_column": 40,    // just past the end; 0 = unknown
//	    "message": "checkout calls orders synchronously (...)",
//	    "fingerprint": "3f2a9c0d1e4b5a67"    // the baseline fingerprint, stable across edits that move code
//	  }],
//	  "fixed": [{"fingerprint": "...", "check": "...", "from": "...", "to": "...", "package": "...", "target": "..."}],
//	  "load_errors": ["example.com/shop/services/x: x.go:3:1: expected declaration"],
//	  "events": [{                           // where code publishes to or consumes from a topic: not violations
//	    "service": "orders",                 // "" for wiring and unowned code
//	    "role": "publish",                   // publish | consume
//	    "broker": "kafka",                   // kafka | nats | amqp | redis-stream | redis-pubsub | asynq | watermill | pubsub | sqs | sns
//	    "topic": "orders.created",           // topic, subject, routing key, queue, stream or task type
//	    "package": "example.com/shop/services/orders",
//	    "file": "services/orders/events.go", "line": 21, "column": 7
//	  }],                                    // sorted by file, line, column, role, broker and topic
//	  "event_edges": [{                      // a service publishing to a topic that another service consumes
//	    "from": "orders", "to": "shipping", "topic": "orders.created", "broker": "kafka",
//	    "publishes": 1, "consumes": 2        // the sites on each side
//	  }]                                     // sorted by from, to, topic and broker
//	}
type JSONReport struct {
	Version    int             `json:"version"`
	Tool       JSONTool        `json:"tool"`
	Packages   int             `json:"packages"`
	Services   int             `json:"services"`
	Summary    JSONSummary     `json:"summary"`
	Findings   []JSONFinding   `json:"findings"`
	Fixed      []JSONEntry     `json:"fixed"`
	LoadErrors []string        `json:"load_errors"`
	Events     []JSONEvent     `json:"events"`
	EventEdges []JSONEventEdge `json:"event_edges"`
}

// JSONEventEdge is an event edge of the document (EventEdges).
type JSONEventEdge struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Topic     string `json:"topic"`
	Broker    string `json:"broker"`
	Publishes int    `json:"publishes"`
	Consumes  int    `json:"consumes"`
}

// JSONEvent is an event endpoint of the document.
type JSONEvent struct {
	Service string `json:"service"`
	Role    string `json:"role"`
	Broker  string `json:"broker"`
	Topic   string `json:"topic"`
	Package string `json:"package"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

// JSONTool names the tool that wrote the document.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONSummary counts what the document lists.
type JSONSummary struct {
	Violations int `json:"violations"`
	Warnings   int `json:"warnings"`
	Suppressed int `json:"suppressed"`
	Fixed      int `json:"fixed"`
	LoadErrors int `json:"load_errors"`
}

// JSONFinding is one finding of the document.
type JSONFinding struct {
	Check       string `json:"check"`
	Severity    string `json:"severity"`
	From        string `json:"from"`
	To          string `json:"to"`
	Target      string `json:"target"`
	Package     string `json:"package"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

// JSONEntry is a baseline entry of the document.
type JSONEntry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	From        string `json:"from"`
	To          string `json:"to"`
	Package     string `json:"package"`
	Target      string `json:"target"`
}

// JSON writes r as one JSONReport document, indented, with a final newline.
func JSON(w io.Writer, r Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep "->" and "<" readable in messages
	enc.SetIndent("", "  ")
	return enc.Encode(NewJSONReport(r))
}

// NewJSONReport builds the document JSON writes.
func NewJSONReport(r Result) JSONReport {
	doc := JSONReport{
		Version:    JSONVersion,
		Tool:       JSONTool{Name: ToolName, Version: r.ToolVersion},
		Packages:   len(r.Packages),
		Services:   r.Services,
		Findings:   []JSONFinding{},
		Fixed:      []JSONEntry{},
		LoadErrors: redactAll(r.LoadErrors),
		Events:     []JSONEvent{},
		EventEdges: []JSONEventEdge{},
	}
	for _, e := range EventEdges(r) {
		doc.EventEdges = append(doc.EventEdges, JSONEventEdge(e))
	}
	for _, e := range r.Events {
		doc.Events = append(doc.Events, JSONEvent{
			Service: e.Service, Role: e.Role, Broker: e.Broker, Topic: e.Topic,
			Package: e.Package, File: repoPath(r.Root, e.File), Line: e.Line, Column: e.Column,
		})
	}
	slices.SortFunc(doc.Events, func(a, b JSONEvent) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Role, b.Role), cmp.Compare(a.Broker, b.Broker), cmp.Compare(a.Topic, b.Topic))
	})
	for _, f := range prepared(r.Findings) {
		doc.Findings = append(doc.Findings, JSONFinding{
			Check: f.Check, Severity: f.level(), From: f.From, To: f.To, Target: f.Target,
			Package: f.Package, File: repoPath(r.Root, f.File),
			Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Message: f.Message, Fingerprint: f.Fingerprint(),
		})
	}
	doc.Summary.Violations, doc.Summary.Warnings = countSeverities(prepared(r.Findings))
	for _, e := range sortedEntries(r.Fixed) {
		doc.Fixed = append(doc.Fixed, JSONEntry{
			Fingerprint: e.Fingerprint, Check: e.Check, From: e.From, To: e.To,
			Package: e.Package, Target: RedactCredentials(e.Target),
		})
	}
	doc.Summary.Suppressed = r.Suppressed
	doc.Summary.Fixed = len(doc.Fixed)
	doc.Summary.LoadErrors = len(doc.LoadErrors)
	return doc
}

// DecodeJSON reads a document JSON wrote, rejecting unknown fields and other
// versions; tests and tools that post-process the output use it.
func DecodeJSON(r io.Reader) (JSONReport, error) {
	var doc JSONReport
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return JSONReport{}, fmt.Errorf("couplingvet JSON report: %w", err)
	}
	if doc.Version != JSONVersion {
		return JSONReport{}, fmt.Errorf("couplingvet JSON report: version %d, want %d", doc.Version, JSONVersion)
	}
	return doc, nil
}

// redactAll returns a sorted, redacted copy of ss, never nil.
func redactAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, RedactCredentials(s))
	}
	slices.Sort(out)
	return out
}
