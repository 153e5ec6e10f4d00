package main

// End-to-end tests of the output formats on testdata/shop: the same
// findings in every format, exit codes that fail CI in every one, a SARIF
// log that Microsoft's validator accepts, and no credential anywhere.

import (
	"encoding/json"
	"fmt"
	"github.com/couplingvet/couplingvet/report"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/internal/sarifcheck"
)

// shopLines are the findings of the text output, one per line.
func shopLines() []string {
	return strings.Split(strings.TrimSuffix(shopFindings, "\n"), "\n")
}

// TestJSONEventEdges checks that the shop's producer and consumer of
// orders.created are listed as endpoints and paired into an event edge,
// which is not a violation.
func TestJSONEventEdges(t *testing.T) {
	doc := decodeJSON(t, couplingvet(t, shopDir, "-format", "json").stdout)
	var events []string
	for _, e := range doc.Events {
		events = append(events, fmt.Sprintf("%s:%d %s %s %s %s", e.File, e.Line, e.Service, e.Role, e.Broker, e.Topic))
	}
	want := []string{
		"services/orders/events.go:16 orders publish kafka orders.created",
		"services/shipping/events.go:15 shipping consume kafka orders.created",
	}
	if !slices.Equal(events, want) {
		t.Errorf("events =\n%s\nwant\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}
	wantEdges := []report.JSONEventEdge{{From: "orders", To: "shipping", Topic: "orders.created", Broker: "kafka", Publishes: 1, Consumes: 1}}
	if !slices.Equal(doc.EventEdges, wantEdges) {
		t.Errorf("event_edges = %+v, want %+v", doc.EventEdges, wantEdges)
	}
}

func TestJSONFormat(t *testing.T) {
	r := couplingvet(t, shopDir, "-format", "json")
	wantCode(t, r, exitViolations)
	wantText(t, "summary", lastLine(r.stderr), shopSummary)

	// The document's shape, read generically: these are the field names
	// scripts depend on.
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	wantKeys(t, "document", doc, "version", "tool", "packages", "services", "summary", "findings", "fixed", "load_errors", "events", "event_edges")
	wantKeys(t, "tool", doc["tool"].(map[string]any), "name", "version")
	wantKeys(t, "summary", doc["summary"].(map[string]any), "violations", "warnings", "suppressed", "fixed", "load_errors")
	if doc["version"] != 1.0 || doc["packages"] != 18.0 || doc["services"] != 5.0 {
		t.Errorf("version %v, packages %v, services %v; want 1, 18, 5", doc["version"], doc["packages"], doc["services"])
	}
	summary := doc["summary"].(map[string]any)
	if summary["violations"] != 10.0 || summary["warnings"] != 1.0 || summary["suppressed"] != 0.0 || summary["fixed"] != 0.0 || summary["load_errors"] != 0.0 {
		t.Errorf("summary %v; want the text run's 10 violations and 1 warning", summary)
	}
	for _, key := range []string{"fixed", "load_errors"} {
		if list, ok := doc[key].([]any); !ok || len(list) != 0 {
			t.Errorf("%s = %v, want an empty array (never null)", key, doc[key])
		}
	}

	findings := doc["findings"].([]any)
	fingerprint := regexp.MustCompile(`^[0-9a-f]{16}$`)
	var asText []string
	for i, item := range findings {
		f := item.(map[string]any)
		wantKeys(t, fmt.Sprintf("findings[%d]", i), f, "check", "severity", "from", "to", "target", "package",
			"file", "line", "column", "end_line", "end_column", "message", "fingerprint")
		for _, key := range []string{"check", "severity", "from", "to", "target", "package", "file", "message", "fingerprint"} {
			if _, ok := f[key].(string); !ok {
				t.Errorf("findings[%d].%s = %v: not a string", i, key, f[key])
			}
		}
		for _, key := range []string{"line", "column", "end_line", "end_column"} {
			if _, ok := f[key].(float64); !ok {
				t.Errorf("findings[%d].%s = %v: not a number", i, key, f[key])
			}
		}
		file := f["file"].(string)
		if filepath.IsAbs(file) || strings.Contains(file, `\`) {
			t.Errorf("findings[%d].file = %q: want a slash-separated path relative to the repository", i, file)
		}
		if !fingerprint.MatchString(f["fingerprint"].(string)) {
			t.Errorf("findings[%d].fingerprint = %q", i, f["fingerprint"])
		}
		severity := ""
		switch f["severity"] {
		case "warning":
			severity = "warning: "
		case "error":
		default:
			t.Errorf("findings[%d].severity = %q", i, f["severity"])
		}
		// The shop's map is at the working directory, so the JSON paths are
		// the text paths, and the findings are the text findings, in order.
		asText = append(asText, fmt.Sprintf("%s:%v:%v: %s%s", file, f["line"], f["column"], severity, f["message"]))
	}
	if want := shopLines(); !slices.Equal(asText, want) {
		t.Errorf("JSON findings as text:\n got:\n%s\nwant:\n%s", strings.Join(asText, "\n"), strings.Join(want, "\n"))
	}

	// The whole-repository finding: once, at the first site, naming the others.
	shared := findings[1].(map[string]any)
	for key, want := range map[string]string{
		"check": "shareddb", "from": "checkout", "to": "inventory", "target": "postgres://analytics-db:5432/analytics",
		"package": "example.com/shop/services/checkout", "file": "services/checkout/analytics.go",
	} {
		if shared[key] != want {
			t.Errorf("shared database finding: %s = %v, want %q", key, shared[key], want)
		}
	}
}

func wantKeys(t *testing.T, what string, obj map[string]any, keys ...string) {
	t.Helper()
	var got []string
	for k := range obj {
		got = append(got, k)
	}
	slices.Sort(got)
	want := slices.Clone(keys)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s has keys %v, want %v", what, got, want)
	}
}

func TestGitHubFormat(t *testing.T) {
	r := couplingvet(t, shopDir, "-format", "github", "./pkg/...", "./tools/...")
	wantCode(t, r, exitViolations)
	wantText(t, "annotations", r.stdout, `::error file=pkg/reporting/reporting.go,line=7,col=2,endLine=7,endColumn=42,title=couplingvet crossimport::shared package pkg/reporting imports orders' private package services/orders/store: every service that imports pkg/reporting now depends on orders' internals; move what it needs into shared code or into orders' contract (api/orders), or allow it in couplingvet.yaml with a reason
::warning file=tools/seed/main.go,line=3,col=1,endLine=3,endColumn=13,title=couplingvet unowned::package tools/seed is owned by no service, shared or wiring entry of couplingvet.yaml: nobody's boundaries apply to it; add its directory to a service's owns, to shared or to wiring
`)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 3 packages, 5 services, 1 violation, 1 warning")

	// The whole shop: one annotation per text finding, at the same place.
	r = couplingvet(t, shopDir, "-format", "github")
	wantCode(t, r, exitViolations)
	annotation := regexp.MustCompile(`^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)[^:]*::(.*)$`)
	var asText []string
	for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		m := annotation.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not an annotation: %q", line)
		}
		severity := ""
		if m[1] == "warning" {
			severity = "warning: "
		}
		asText = append(asText, fmt.Sprintf("%s:%s:%s: %s%s", m[2], m[3], m[4], severity, m[5]))
	}
	if want := shopLines(); !slices.Equal(asText, want) {
		t.Errorf("annotations as text:\n got:\n%s\nwant:\n%s", strings.Join(asText, "\n"), strings.Join(want, "\n"))
	}

	// A clean run annotates nothing and passes.
	r = couplingvet(t, shopDir, "-format", "github", "./services/orders/...")
	wantCode(t, r, exitClean)
	wantText(t, "clean annotations", r.stdout, "")
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID   string `json:"id"`
					Help struct {
						Text string `json:"text"`
					} `json:"help"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFFormat(t *testing.T) {
	r := couplingvet(t, shopDir, "-format", "sarif")
	wantCode(t, r, exitViolations)
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs: want one SARIF 2.1.0 run", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	driver := run.Tool.Driver
	if driver.Name != "couplingvet" || driver.Version == "" || driver.Version[0] < '0' || driver.Version[0] > '9' {
		t.Errorf("driver %q version %q: want couplingvet with a version that starts with a digit", driver.Name, driver.Version)
	}
	rules := map[string]bool{}
	for _, rule := range driver.Rules {
		rules[rule.ID] = true
		if rule.Help.Text == "" || rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" {
			t.Errorf("rule %s lacks a description or help", rule.ID)
		}
	}

	// The fingerprints are the JSON output's (and the baseline's).
	doc := decodeJSON(t, couplingvet(t, shopDir, "-format", "json").stdout)
	if len(run.Results) != len(doc.Findings) {
		t.Fatalf("%d SARIF results, %d JSON findings", len(run.Results), len(doc.Findings))
	}
	var asText []string
	for i, res := range run.Results {
		if !rules[res.RuleID] {
			t.Errorf("results[%d].ruleId %q is not among the rules", i, res.RuleID)
		}
		if len(res.Locations) != 1 {
			t.Fatalf("results[%d] has %d locations", i, len(res.Locations))
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, ":") {
			t.Errorf("results[%d] location %+v: want a URI relative to %%SRCROOT%%", i, loc.ArtifactLocation)
		}
		if got, want := res.PartialFingerprints["couplingvet/v1"], doc.Findings[i].Fingerprint; got != want {
			t.Errorf("results[%d] fingerprint %q, want %q", i, got, want)
		}
		severity := ""
		switch res.Level {
		case "warning":
			severity = "warning: "
		case "error":
		default:
			t.Errorf("results[%d].level = %q", i, res.Level)
		}
		// The shop's sources are ASCII up to the reported columns, so
		// UTF-16 columns are byte columns here.
		asText = append(asText, fmt.Sprintf("%s:%d:%d: %s%s", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, severity, res.Message.Text))
	}
	if want := shopLines(); !slices.Equal(asText, want) {
		t.Errorf("SARIF results as text:\n got:\n%s\nwant:\n%s", strings.Join(asText, "\n"), strings.Join(want, "\n"))
	}

	validateSARIF(t, map[string]string{
		"shop.sarif":  r.stdout,
		"clean.sarif": couplingvet(t, shopDir, "-format", "sarif", "./services/orders/...").stdout,
	})
}

// validateSARIF runs Microsoft's SARIF validator with the rules GitHub code
// scanning applies and fails on any finding.
func validateSARIF(t *testing.T, logs map[string]string) {
	t.Helper()
	for _, res := range sarifcheck.Validate(t, logs) {
		t.Errorf("validator: %s", res)
	}
}

func TestGraph(t *testing.T) {
	shopGraph := readFile(t, shopGraphFile(".dot"))
	r := couplingvet(t, shopDir, "-graph", "dot")
	wantCode(t, r, exitViolations) // the graph does not hide the violations
	wantText(t, "DOT", r.stdout, shopGraph)
	wantText(t, "summary", lastLine(r.stderr), shopSummary)

	r = couplingvet(t, shopDir, "-graph", "mermaid")
	wantCode(t, r, exitViolations)
	wantText(t, "Mermaid", r.stdout, readFile(t, shopGraphFile(".mmd")))

	// With a baseline, the graph still draws all the coupling there is;
	// the exit code follows the baseline.
	dir := copyTree(t, shopDir)
	wantCode(t, couplingvet(t, dir, "-write-baseline", baselineName), exitClean)
	r = couplingvet(t, dir, "-graph", "dot", "-baseline", baselineName)
	wantCode(t, r, exitClean)
	wantText(t, "DOT with a baseline", r.stdout, shopGraph)
}

// TestSharedDatabaseAllowRules: the shared database is one coupling of
// several services; it is accepted when every one of them is allowed.
func TestSharedDatabaseAllowRules(t *testing.T) {
	dir := copyTree(t, shopDir)
	mapFile := filepath.Join(dir, "couplingvet.yaml")
	original := readFile(t, mapFile)
	rule := func(from string) string {
		return strings.Replace(original, "\n# What each check's", `
  - from: `+from+`
    to: "*"
    check: shareddb
    target: "postgres://analytics-db:5432/analytics"
    reason: "analytics events until the event bus exists"

# What each check's`, 1)
	}
	if rule("x") == original {
		t.Fatal("could not add an allow rule to the map")
	}
	for _, tc := range []struct {
		from   string
		shared bool
	}{
		{"checkout", true}, // inventory still shares it
		{`"*"`, false},
	} {
		writeFile(t, mapFile, rule(tc.from))
		r := couplingvet(t, dir)
		if n := strings.Count(r.stdout, standaloneOnly); (n == 1) != tc.shared || n > 1 {
			t.Errorf("allow from %s: %d shared-database findings, want shared=%v:\n%s%s", tc.from, n, tc.shared, r.stdout, r.stderr)
		}
	}
}

// shopSecrets are the credentials in testdata/shop's DSNs.
var shopSecrets = []string{"hunter2", "cart-Pa55word", "st0ck-Pa55word"}

// TestNoCredentialsInAnyOutput runs every output of the standalone command
// on the shop and looks for its DSNs' passwords.
func TestNoCredentialsInAnyOutput(t *testing.T) {
	// The fixture must hold the secrets, or this test proves nothing.
	var sources strings.Builder
	for _, f := range []string{"services/inventory/inventory.go", "services/checkout/analytics.go"} {
		sources.WriteString(readFile(t, filepath.Join(shopDir, f)))
	}
	for _, secret := range shopSecrets {
		if !strings.Contains(sources.String(), secret) {
			t.Fatalf("testdata/shop no longer contains the password %q", secret)
		}
	}

	dir := copyTree(t, shopDir)
	var runs [][]string
	for _, strict := range []string{"-strict=false", "-strict"} {
		for _, format := range []string{"text", "json", "sarif", "github"} {
			runs = append(runs, []string{strict, "-format", format})
		}
		runs = append(runs, []string{strict, "-graph", "dot"}, []string{strict, "-graph", "mermaid"}, []string{strict, "-graph", "json"},
			[]string{strict, "-write-baseline", baselineName})
	}
	// A baseline run that lists fixed entries, and one that fails to load.
	runs = append(runs, []string{"-strict", "-baseline", baselineName, "./services/inventory/..."})
	checked := 0
	for _, args := range runs {
		r := couplingvet(t, dir, args...)
		if r.code != exitViolations && r.code != exitClean {
			t.Fatalf("couplingvet %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
		outputs := map[string]string{"stdout": r.stdout, "stderr": r.stderr}
		if slices.Contains(args, "-write-baseline") {
			outputs[baselineName] = readFile(t, filepath.Join(dir, baselineName))
		}
		var all strings.Builder
		for name, out := range outputs {
			all.WriteString(out)
			for _, secret := range shopSecrets {
				if strings.Contains(out, secret) {
					t.Errorf("couplingvet %s: %s contains the password %q:\n%s", strings.Join(args, " "), name, secret, out)
				}
			}
			checked++
		}
		if !slices.Contains(args, "-baseline") && !strings.Contains(all.String(), "analytics-db") {
			t.Errorf("couplingvet %s: the output does not mention the databases whose DSNs hold the passwords:\n%s", strings.Join(args, " "), all.String())
		}
	}
	// The same with a package that fails to load next to a DSN.
	writeFile(t, filepath.Join(dir, "services", "inventory", "broken.go"),
		"package inventory\n\nvar dsn int = \"postgres://reporting:hunter2@orders-db:5432/orders\"\n")
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := couplingvet(t, dir, "-format", format)
		wantCode(t, r, exitLoad)
		for _, secret := range shopSecrets {
			if strings.Contains(r.stdout+r.stderr, secret) {
				t.Errorf("-format %s with a load error shows the password %q:\nstdout:\n%s\nstderr:\n%s", format, secret, r.stdout, r.stderr)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no output was checked")
	}
}
