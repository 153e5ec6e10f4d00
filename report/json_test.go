package report

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestJSONGolden(t *testing.T) {
	checkGolden(t, "fixture.json.golden", render(t, "json", fixtureResult(t)))
}

func TestJSONRoundTrip(t *testing.T) {
	r := fixtureResult(t)
	r.Suppressed = 2
	r.Fixed = []Entry{{Fingerprint: "0123456789abcdef", Check: "syncclient", From: "checkout", To: "payments",
		Package: "example.com/shop/services/checkout", Target: "http://payments/v1/charge", Line: 4}}
	doc, err := DecodeJSON(strings.NewReader(render(t, "json", r)))
	if err != nil {
		t.Fatal(err)
	}
	if !equalJSON(t, doc, NewJSONReport(r)) {
		t.Errorf("decoded document differs from the one written:\n%+v\nwant\n%+v", doc, NewJSONReport(r))
	}
	want := JSONSummary{Violations: 5, Warnings: 1, Suppressed: 2, Fixed: 1, LoadErrors: 1}
	if doc.Summary != want {
		t.Errorf("summary = %+v, want %+v", doc.Summary, want)
	}
	if doc.Packages != 3 || doc.Services != 3 || doc.Tool != (JSONTool{Name: "couplingvet", Version: "v0.1.0"}) {
		t.Errorf("header = packages %d, services %d, tool %+v", doc.Packages, doc.Services, doc.Tool)
	}
	if len(doc.Findings) != 6 {
		t.Fatalf("%d findings, want 6 (the test-variant duplicate dropped)", len(doc.Findings))
	}
	sync := doc.Findings[2]
	wantSync := JSONFinding{
		Check: "syncclient", Severity: "error", From: "checkout", To: "orders", Target: "http://orders:8080/v1/orders",
		Package: "example.com/shop/services/checkout", File: "services/checkout/client.go",
		Line: 6, Column: 37, EndLine: 6, EndColumn: 67, Message: r.Findings[0].Message,
		Fingerprint: r.Findings[0].Fingerprint(),
	}
	if sync != wantSync {
		t.Errorf("finding 2 = %+v\nwant %+v", sync, wantSync)
	}
	if doc.Findings[0].Severity != "warning" || doc.Findings[0].File != "legacy/legacy.go" {
		t.Errorf("finding 0 = %+v, want the unowned warning in legacy/legacy.go", doc.Findings[0])
	}
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(x) == string(y)
}

// TestJSONSchema pins the documented field names and types: renaming one
// breaks the scripts of every user, so it must be a deliberate change here
// and in the JSONReport doc comment.
func TestJSONSchema(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    Result
	}{{"fixture", fixtureResult(t)}, {"empty run", Result{}}} {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal([]byte(render(t, "json", tt.r)), &doc); err != nil {
				t.Fatal(err)
			}
			checkObject(t, "document", doc, map[string]string{
				"version": "number", "tool": "object", "packages": "number", "services": "number",
				"summary": "object", "findings": "array", "fixed": "array", "load_errors": "array",
				"events": "array", "event_edges": "array",
			})
			if doc["version"] != float64(1) {
				t.Errorf("version = %v, want 1", doc["version"])
			}
			checkObject(t, "tool", doc["tool"].(map[string]any), map[string]string{"name": "string", "version": "string"})
			checkObject(t, "summary", doc["summary"].(map[string]any), map[string]string{
				"violations": "number", "warnings": "number", "suppressed": "number", "fixed": "number", "load_errors": "number",
			})
			var files []string
			for _, f := range doc["findings"].([]any) {
				finding := f.(map[string]any)
				checkObject(t, "finding", finding, map[string]string{
					"check": "string", "severity": "string", "from": "string", "to": "string", "target": "string",
					"package": "string", "file": "string", "line": "number", "column": "number",
					"end_line": "number", "end_column": "number", "message": "string", "fingerprint": "string",
				})
				if s := finding["severity"]; s != "error" && s != "warning" {
					t.Errorf("severity %v", s)
				}
				if file := finding["file"].(string); strings.HasPrefix(file, "/") || strings.Contains(file, `\`) {
					t.Errorf("file %q is not repo-relative with forward slashes", file)
				}
				files = append(files, finding["file"].(string))
			}
			if !slices.IsSorted(files) {
				t.Errorf("findings not sorted by file: %v", files)
			}
			for _, s := range doc["load_errors"].([]any) {
				if _, ok := s.(string); !ok {
					t.Errorf("load error %v is not a string", s)
				}
			}
		})
	}
}

// TestJSONEvents checks the event endpoints and edges: their own kinds,
// repo-relative and sorted, never violations.
func TestJSONEvents(t *testing.T) {
	root := fixtureRoot(t)
	r := Result{Root: root, Events: []EventEndpoint{
		{Service: "shipping", Role: RoleConsume, Broker: "kafka", Topic: "orders.created", Package: "example.com/shop/services/shipping", File: filepath.Join(root, "services/shipping/consumer.go"), Line: 9, Column: 2},
		{Service: "orders", Role: RolePublish, Broker: "kafka", Topic: "orders.created", Package: "example.com/shop/services/orders", File: filepath.Join(root, "services/orders/events.go"), Line: 12, Column: 7},
		{Service: "orders", Role: RoleConsume, Broker: "kafka", Topic: "orders.created", Package: "example.com/shop/services/orders", File: filepath.Join(root, "services/orders/events.go"), Line: 20, Column: 2},
	}}
	doc, err := DecodeJSON(strings.NewReader(render(t, "json", r)))
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, e := range doc.Events {
		events = append(events, fmt.Sprintf("%s:%d:%d %s %s %s %s %s", e.File, e.Line, e.Column, e.Service, e.Role, e.Broker, e.Topic, e.Package))
	}
	want := []string{
		"services/orders/events.go:12:7 orders publish kafka orders.created example.com/shop/services/orders",
		"services/orders/events.go:20:2 orders consume kafka orders.created example.com/shop/services/orders",
		"services/shipping/consumer.go:9:2 shipping consume kafka orders.created example.com/shop/services/shipping",
	}
	if !slices.Equal(events, want) {
		t.Errorf("events =\n%s\nwant\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}
	wantEdges := []JSONEventEdge{{From: "orders", To: "shipping", Topic: "orders.created", Broker: "kafka", Publishes: 1, Consumes: 1}}
	if !slices.Equal(doc.EventEdges, wantEdges) {
		t.Errorf("event_edges = %+v, want %+v", doc.EventEdges, wantEdges)
	}
	if doc.Summary.Violations != 0 || doc.Summary.Warnings != 0 || len(doc.Findings) != 0 {
		t.Errorf("endpoints counted as findings: %+v", doc.Summary)
	}
}

func checkObject(t *testing.T, what string, obj map[string]any, fields map[string]string) {
	t.Helper()
	for name, kind := range fields {
		v, ok := obj[name]
		if !ok {
			t.Errorf("%s: missing field %q", what, name)
			continue
		}
		if got := jsonKind(v); got != kind {
			t.Errorf("%s.%s is %s, want %s", what, name, got, kind)
		}
	}
	for name := range obj {
		if _, ok := fields[name]; !ok {
			t.Errorf("%s: undocumented field %q", what, name)
		}
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return "other"
}

func TestDecodeJSONRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"other version": `{"version": 2}`,
		"unknown field": `{"version": 1, "extra": true}`,
		"not JSON":      `couplingvet: 1 package`,
	} {
		if _, err := DecodeJSON(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: DecodeJSON accepted %s", name, doc)
		}
	}
}
