package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestScore(t *testing.T) {
	truth := &Truth{
		Expected: []Item{
			{Check: "syncclient", From: "frontend", To: "cart", At: Sites{"fe/rpc.go:10", "fe/main.go:5"}},
			{Check: "syncclient", From: "frontend", To: "ads", At: Sites{"fe/ads.go:7"}},
			{Check: "crossimport", From: "cart", To: "ads", At: Sites{"cart/x.go:3"}},
		},
		Silent:    []Item{{At: Sites{"fe/otel.go:9"}, Why: "collector"}},
		Debatable: []Item{{Check: "syncclient", From: "gateway", To: "cart", At: Sites{"gw/proxy.go:4"}}},
	}
	findings := []Finding{
		{Check: "syncclient", From: "frontend", To: "cart", File: "fe/main.go", Line: 5},  // TP (second site)
		{Check: "syncclient", From: "frontend", To: "cart", File: "fe/rpc.go", Line: 10},  // the same edge again: FP
		{Check: "syncclient", From: "frontend", To: "cart", File: "fe/otel.go", Line: 9},  // silent site: FP
		{Check: "syncclient", From: "frontend", To: "ads", File: "fe/ads.go", Line: 8},    // wrong line: FP, and ads missed
		{Check: "syncclient", From: "gateway", To: "cart", File: "gw/proxy.go", Line: 4},  // debatable
		{Check: "syncclient", From: "frontend", To: "", File: "fe/third.go", Line: 1},     // -strict: not scored
		{Check: "crossimport", From: "cart", To: "ads", File: "cart/x.go", Line: 3},       // TP
		{Check: "syncclient", From: "frontend", To: "orders", File: "fe/ads.go", Line: 7}, // right site, wrong callee: FP
	}
	r := Score(truth, findings)
	sc := *r.Counts["syncclient"]
	if sc != (Count{TP: 1, FP: 4, FN: 1}) {
		t.Errorf("syncclient = %+v, want TP 1, FP 4, FN 1", sc)
	}
	if ci := *r.Counts["crossimport"]; ci != (Count{TP: 1}) {
		t.Errorf("crossimport = %+v, want TP 1", ci)
	}
	if len(r.Misses) != 1 || r.Misses[0].To != "ads" {
		t.Errorf("misses = %+v, want the ads call", r.Misses)
	}
	if len(r.Debatable) != 1 {
		t.Errorf("debatable = %+v, want the gateway finding", r.Debatable)
	}
	var whys []string
	for _, fp := range r.FalsePos {
		whys = append(whys, fp.site()+" "+fp.Why)
	}
	got := strings.Join(whys, "\n")
	for _, want := range []string{"fe/rpc.go:10 reported twice", "fe/otel.go:9 must stay silent: collector", "fe/ads.go:8 not in the truth", "fe/ads.go:7 not in the truth"} {
		if !strings.Contains(got, want) {
			t.Errorf("false positives lack %q:\n%s", want, got)
		}
	}
	if p, rc := sc.Precision(), sc.Recall(); p != 0.2 || rc != 0.5 {
		t.Errorf("precision, recall = %v, %v; want 0.2, 0.5", p, rc)
	}
}

func TestLoadTruthIsStrict(t *testing.T) {
	dir := t.TempDir()
	good := "repo: github.com/a/b\ncommit: " + strings.Repeat("a", 40) + "\nexpected:\n  - {check: syncclient, from: a, to: b, at: [x.go:1]}\n"
	for name, tc := range map[string]struct {
		text, err string
	}{
		"good":         {good, ""},
		"one site":     {good + "silent:\n  - {at: y.go:2, why: own database}\n", ""},
		"unknown key":  {good + "  - {check: syncclient, from: a, to: b, at: [x.go:1], line: 3}\n", "field line not found"},
		"bad site":     {strings.Replace(good, "x.go:1", "x.go", 1), `site "x.go"`},
		"bad check":    {strings.Replace(good, "syncclient", "sync", 1), "check (crossimport"},
		"short commit": {strings.Replace(good, strings.Repeat("a", 40), "abc", 1), "commit (40 hex digits)"},
		"bad needs":    {strings.Replace(good, "at: [x.go:1]", "at: [x.go:1], needs: yaml", 1), `needs "yaml"`},
	} {
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadTruth(path)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.err)
		}
	}
}

// Every entry of the corpus decodes strictly and has its map, so that a
// typo in a truth file fails CI instead of dropping an item from the score.
// envKeys returns the values of every env: key of a map, at any depth.
func envKeys(data []byte) ([]string, error) {
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var keys []string
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case map[string]any:
			for k, v := range n {
				if list, ok := v.([]any); ok && k == "env" {
					for _, item := range list {
						keys = append(keys, fmt.Sprint(item))
					}
					continue
				}
				walk(v)
			}
		case []any:
			for _, v := range n {
				walk(v)
			}
		}
	}
	walk(doc)
	return keys, nil
}

func TestCorpusEntriesLoad(t *testing.T) {
	entries, err := corpusEntries(filepath.Join("..", "corpus"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 8 {
		t.Errorf("%d corpus entries, want at least 8", len(entries))
	}
	for _, name := range entries {
		dir := filepath.Join("..", "corpus", name)
		truth, err := loadTruth(filepath.Join(dir, "truth.yaml"))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasSuffix(truth.Repo, strings.Replace(name, "+", "/", 1)) {
			t.Errorf("%s: repo %q does not match the entry's name", name, truth.Repo)
		}
		if _, err := os.Stat(filepath.Join(dir, "couplingvet.yaml")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// The newcomer map names no env key that a deploy or config file
		// sets: those values must come from the files.
		newcomer, err := os.ReadFile(filepath.Join(dir, "couplingvet.newcomer.yaml"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		keys, err := envKeys(newcomer)
		if err != nil {
			t.Errorf("%s: couplingvet.newcomer.yaml: %v", name, err)
		}
		for _, k := range keys {
			if !slices.Contains(truth.UnsetEnv, k) {
				t.Errorf("%s: couplingvet.newcomer.yaml names env key %s, which truth.yaml's unset_env does not list", name, k)
			}
		}
	}
}

// A truth item naming several services (a database they all open) is
// translated name by name, and sorted as couplingvet sorts them.
func TestTranslateList(t *testing.T) {
	names := map[string]string{"courses": "courses-attendance-service", "payment": "payment-service", "chat": "chat-service"}
	tr := translateTruth(&Truth{Expected: []Item{{Check: "shareddb", From: "chat", To: "payment,courses"}}}, names)
	if got := tr.Expected[0]; got.From != "chat-service" || got.To != "courses-attendance-service,payment-service" {
		t.Errorf("translated %s -> %s, want chat-service -> courses-attendance-service,payment-service", got.From, got.To)
	}
}
