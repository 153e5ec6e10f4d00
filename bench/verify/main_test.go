package main

import (
	"strings"
	"testing"
)

var planted = []violation{
	{Check: "crossimport", Kind: "import", File: "services/b/x/x.go", Line: 8, From: "b", To: "a"},
	{Check: "shareddb", Kind: "sql", File: "services/b/y/remote.go", Line: 13, From: "b", To: "a-db"},
	{Check: "syncclient", Kind: "http", File: "services/a/z/remote.go", Line: 20, From: "a", To: "b"},
}

func TestJSONMatchesCheckFileAndLine(t *testing.T) {
	out := `{"findings": [
		{"check": "crossimport", "file": "services/b/x/x.go", "line": 8},
		{"check": "syncclient", "file": "services/b/y/remote.go", "line": 13},
		{"check": "syncclient", "file": "/repo/services/a/z/remote.go", "line": 20}
	]}`
	found, err := parse([]byte(out), "/repo")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	missed := report(&b, planted, found, []string{"crossimport", "shareddb", "syncclient"})
	// The shareddb line was reported under another check: that is a miss
	// and an extra finding, not a match.
	if missed != 1 {
		t.Errorf("missed = %d, want 1\n%s", missed, b.String())
	}
	for _, want := range []string{
		"planted shareddb        1 found    0 missing    1",
		"planted syncclient      1 found    1 missing    0",
		"findings at no planted line: syncclient 1",
		"MISSED services/b/y/remote.go:13: shareddb b -> a-db (sql)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestTextMatchesFileAndLine(t *testing.T) {
	out := "services/b/x/x.go:8:2: b imports a's private package (depguard)\n" +
		"\t\"example.com/mono/services/a/q\"\n" +
		"/repo/services/a/z/remote.go:20:15: a calls b synchronously\n" +
		"couplingvet: 10 packages, 2 services, 2 violations\n" +
		"pkg/other/other.go:3: something else\n"
	found, err := parse([]byte(out), "/repo")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 3 {
		t.Fatalf("parsed %d findings, want 3: %+v", len(found), found)
	}
	var b strings.Builder
	// Only crossimport is required: the missed shareddb is listed as not required.
	if missed := report(&b, planted, found, []string{"crossimport"}); missed != 0 {
		t.Errorf("missed = %d, want 0\n%s", missed, b.String())
	}
	if !strings.Contains(b.String(), "missing    1 (not required)") || !strings.Contains(b.String(), "(text) 1") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestCanonicalSortsAndKeepsEverything(t *testing.T) {
	a := `{"findings": [
		{"check": "syncclient", "file": "b.go", "line": 2, "message": "m"},
		{"line": 1, "file": "a.go", "check": "crossimport"}
	], "load_errors": ["x: no\nway"]}`
	b := `{"load_errors": ["x: no\nway"], "findings": [
		{"check": "crossimport", "file": "a.go", "line": 1},
		{"message": "m", "line": 2, "file": "b.go", "check": "syncclient"}
	]}`
	ca, err := canonical([]byte(a))
	if err != nil {
		t.Fatal(err)
	}
	cb, err := canonical([]byte(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`finding crossimport {"check":"crossimport","file":"a.go","line":1}`,
		`finding syncclient {"check":"syncclient","file":"b.go","line":2,"message":"m"}`,
		`load_error x: no way`,
	}
	if strings.Join(ca, "\n") != strings.Join(want, "\n") || strings.Join(cb, "\n") != strings.Join(want, "\n") {
		t.Errorf("canonical:\n%s\n%s\nwant:\n%s", strings.Join(ca, "\n"), strings.Join(cb, "\n"), strings.Join(want, "\n"))
	}
	text, err := canonical([]byte("# pkg\nb.go:3:1: y\nnoise\na.go:1:2: x\n"))
	if err != nil || strings.Join(text, "\n") != "finding - a.go:1:2: x\nfinding - b.go:3:1: y" {
		t.Errorf("canonical(text) = %q, %v", text, err)
	}
}
