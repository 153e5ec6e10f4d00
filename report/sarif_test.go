package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/internal/sarifcheck"
)

func TestSARIFGolden(t *testing.T) {
	checkGolden(t, "fixture.sarif.golden", render(t, "sarif", fixtureResult(t)))
}

// sarifDoc decodes SARIF generically, so that the test checks the field
// names SARIF defines rather than the ones our structs happen to have.
func sarifDoc(t *testing.T, r Result) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(render(t, "sarif", r)), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// at walks a decoded JSON document: at(doc, "runs", 0, "tool").
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, step := range path {
		switch s := step.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, s)
			}
			if v, ok = m[s]; !ok {
				t.Fatalf("%v: no field %q", path, s)
			}
		case int:
			a, ok := v.([]any)
			if !ok || s >= len(a) {
				t.Fatalf("%v: no element %d", path, s)
			}
			v = a[s]
		}
	}
	return v
}

func TestSARIFStructure(t *testing.T) {
	r := fixtureResult(t)
	doc := sarifDoc(t, r)
	if at(t, doc, "version") != "2.1.0" || !strings.Contains(at(t, doc, "$schema").(string), "sarif-2.1.0") {
		t.Errorf("version %v, schema %v", doc["version"], doc["$schema"])
	}
	run := at(t, doc, "runs", 0)
	driver := at(t, run, "tool", "driver")
	if at(t, driver, "name") != "couplingvet" || at(t, driver, "version") != "0.1.0" || at(t, driver, "informationUri") != InformationURI {
		t.Errorf("driver = %v", driver)
	}

	rules := at(t, driver, "rules").([]any)
	var ids []string
	for i, rule := range rules {
		id := at(t, rule, "id").(string)
		ids = append(ids, id)
		for _, field := range [][]any{{"name"}, {"shortDescription", "text"}, {"fullDescription", "text"}, {"help", "text"}, {"help", "markdown"}, {"helpUri"}} {
			if s, _ := at(t, rule, field...).(string); s == "" {
				t.Errorf("rule %d (%s): empty %v", i, id, field)
			}
		}
		help := at(t, rule, "help", "text").(string)
		if !strings.Contains(help, "How to fix:") || !strings.Contains(help, "How to allow:") {
			t.Errorf("rule %s: help does not say how to fix and allow: %q", id, help)
		}
		level := at(t, rule, "defaultConfiguration", "level")
		if want := map[string]string{"unowned": "warning", "cycles": "warning", "events": "warning"}[id]; level != orDefault(want, "error") {
			t.Errorf("rule %s: default level %v", id, level)
		}
	}
	if got := strings.Join(ids, " "); got != "crossimport cycles directive events shareddb syncclient unowned" {
		t.Errorf("rule ids = %s", got)
	}

	if got := at(t, run, "originalUriBaseIds", "%SRCROOT%", "uri").(string); got != "file://"+filepath.ToSlash(fixtureRoot(t))+"/" {
		t.Errorf("%%SRCROOT%% = %s", got)
	}
	if at(t, run, "columnKind") != "utf16CodeUnits" {
		t.Errorf("columnKind = %v", at(t, run, "columnKind"))
	}
	if at(t, run, "invocations", 0, "executionSuccessful") != false {
		t.Error("a run with load errors is marked successful")
	}

	results := at(t, run, "results").([]any)
	if len(results) != 6 {
		t.Fatalf("%d results, want 6", len(results))
	}
	for i, res := range results {
		id := at(t, res, "ruleId").(string)
		if idx := int(at(t, res, "ruleIndex").(float64)); ids[idx] != id {
			t.Errorf("result %d: ruleIndex %d names %s, ruleId is %s", i, idx, ids[idx], id)
		}
		art := at(t, res, "locations", 0, "physicalLocation", "artifactLocation")
		if at(t, art, "uriBaseId") != "%SRCROOT%" || strings.HasPrefix(at(t, art, "uri").(string), "/") {
			t.Errorf("result %d: artifactLocation %v is not relative to %%SRCROOT%%", i, art)
		}
		if fp := at(t, res, "partialFingerprints", FingerprintKey).(string); !fingerprintRE.MatchString(fp) {
			t.Errorf("result %d: fingerprint %q", i, fp)
		}
	}

	// Result 2 is the synchronous call on line 6, after "grüße 👋": the byte
	// columns 37 and 67 are 33 and 63 in UTF-16 (ü and ß take two bytes and
	// one unit, 👋 four bytes and two units).
	sync := results[2]
	if at(t, sync, "ruleId") != "syncclient" || at(t, sync, "level") != "error" {
		t.Fatalf("result 2 = %v", sync)
	}
	if got := at(t, sync, "partialFingerprints", FingerprintKey); got != r.Findings[0].Fingerprint() {
		t.Errorf("fingerprint %v, want the baseline's %s", got, r.Findings[0].Fingerprint())
	}
	if got := at(t, sync, "locations", 0, "physicalLocation", "artifactLocation", "uri"); got != "services/checkout/client.go" {
		t.Errorf("uri = %v", got)
	}
	region := at(t, sync, "locations", 0, "physicalLocation", "region").(map[string]any)
	want := map[string]any{"startLine": 6.0, "startColumn": 33.0, "endLine": 6.0, "endColumn": 63.0}
	if fmt.Sprint(region) != fmt.Sprint(want) {
		t.Errorf("region = %v, want %v", region, want)
	}
	if at(t, results[0], "level") != "warning" {
		t.Errorf("the unowned finding has level %v", at(t, results[0], "level"))
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func TestSARIFEdgeCases(t *testing.T) {
	t.Run("clean run has empty results and succeeds", func(t *testing.T) {
		doc := sarifDoc(t, Result{Root: "/repo", ToolVersion: "(devel)"})
		run := at(t, doc, "runs", 0)
		if res := at(t, run, "results").([]any); len(res) != 0 {
			t.Errorf("results = %v", res)
		}
		if at(t, run, "invocations", 0, "executionSuccessful") != true {
			t.Error("clean run not successful")
		}
		if got := at(t, run, "tool", "driver", "properties", "versionString"); got != "(devel)" {
			t.Errorf("versionString = %v", got)
		}
	})
	t.Run("file outside the root gets an absolute URI", func(t *testing.T) {
		doc := sarifDoc(t, Result{Root: "/repo", Findings: []Finding{{Check: "crossimport", File: "/elsewhere/a b.go", Line: 2, Column: 3, Message: "m"}}})
		art := at(t, doc, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation").(map[string]any)
		if art["uri"] != "file:///elsewhere/a%20b.go" || art["uriBaseId"] != nil {
			t.Errorf("artifactLocation = %v", art)
		}
	})
	t.Run("unknown check gets a rule", func(t *testing.T) {
		doc := sarifDoc(t, Result{Root: "/repo", Findings: []Finding{{Check: "zzz", File: "/repo/a.go", Line: 1, Message: "m"}}})
		res := at(t, doc, "runs", 0, "results", 0)
		idx := int(at(t, res, "ruleIndex").(float64))
		if at(t, doc, "runs", 0, "tool", "driver", "rules", idx, "id") != "zzz" {
			t.Errorf("ruleIndex %d does not name zzz", idx)
		}
	})
	t.Run("unreadable file keeps byte columns", func(t *testing.T) {
		doc := sarifDoc(t, Result{Root: "/nonexistent", Findings: []Finding{{Check: "crossimport", File: "/nonexistent/a.go", Line: 2, Column: 30, EndLine: 2, EndColumn: 40, Message: "m"}}})
		region := at(t, doc, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region").(map[string]any)
		if region["startColumn"] != 30.0 || region["endColumn"] != 40.0 {
			t.Errorf("region = %v", region)
		}
	})
}

func TestUTF16Columns(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	// Line 2: "ab" ASCII, "é" 2 bytes/1 unit, "😀" 4 bytes/2 units, "\xff" invalid 1 byte/1 unit.
	if err := os.WriteFile(file, []byte("package a\nabé😀\xffz\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cols := newUTF16Columns()
	tests := []struct {
		file      string
		line, col int
		want      int
	}{
		{file, 2, 1, 1},   // line start
		{file, 2, 3, 3},   // before é
		{file, 2, 5, 4},   // after é
		{file, 2, 9, 6},   // after 😀
		{file, 2, 10, 7},  // after the invalid byte
		{file, 2, 11, 8},  // end of line, before \r
		{file, 2, 99, 99}, // past the end: unchanged
		{file, 7, 3, 3},   // no such line
		{file, 0, 3, 3},   // unknown line
		{file, 2, 0, 0},   // unknown column
		{filepath.Join(dir, "missing.go"), 2, 5, 5},
		{"", 2, 5, 5},
	}
	for _, tt := range tests {
		if got := cols.column(tt.file, tt.line, tt.col); got != tt.want {
			t.Errorf("column(%s, %d, %d) = %d, want %d", filepath.Base(tt.file), tt.line, tt.col, got, tt.want)
		}
	}
}

// TestSARIFMultitool validates the fixture log, and a clean run's, with
// Microsoft's SARIF validator, including the rules GitHub code scanning
// applies. It needs npx (Node.js); npx downloads the pinned package into
// the npm cache (~/.npm, or $npm_config_cache) on first use and reuses it.
func TestSARIFMultitool(t *testing.T) {
	fixture := render(t, "sarif", fixtureResult(t))
	// control.sarif has a defect the validator must find (a tool version
	// that does not start with a digit): it proves that the validator ran
	// and that this test reads its findings.
	control := strings.Replace(fixture, `"version": "0.1.0"`, `"version": "v0.1.0"`, 1)
	if control == fixture {
		t.Fatal("could not plant the control defect")
	}
	controlCaught := false
	for _, res := range sarifcheck.Validate(t, map[string]string{
		"fixture.sarif": fixture,
		"clean.sarif":   render(t, "sarif", Result{Root: fixtureRoot(t), ToolVersion: "v1.2.3"}),
		"control.sarif": control,
	}) {
		if strings.HasSuffix(res.URI, "/control.sarif") {
			controlCaught = controlCaught || res.RuleID == "SARIF2005"
			continue
		}
		t.Errorf("validator: %s", res)
	}
	if !controlCaught {
		t.Errorf("the validator did not report the planted defect in control.sarif (SARIF2005)")
	}
}
