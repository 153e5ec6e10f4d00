package golangci

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// fakeAnalyzers stands in for the suite so that these tests do not depend on
// which checks have landed.
func fakeAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		{Name: "crossimport", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }},
		{Name: "shareddb", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }},
		{Name: "syncclient", Doc: "fake", Run: func(*analysis.Pass) (any, error) { return nil, nil }},
	}
}

// useFakes replaces the suite and restores the shared settings afterwards,
// since New writes them.
func useFakes(t *testing.T) {
	t.Helper()
	oldAvail, oldPath, oldStrict := available, servicemap.ConfigPath, servicemap.Strict
	available = fakeAnalyzers
	t.Cleanup(func() {
		available, servicemap.ConfigPath, servicemap.Strict = oldAvail, oldPath, oldStrict
	})
}

func names(as []*analysis.Analyzer) []string {
	var n []string
	for _, a := range as {
		n = append(n, a.Name)
	}
	return n
}

func TestRegistered(t *testing.T) {
	p, err := register.GetPlugin("couplingvet")
	if err != nil {
		t.Fatal(err)
	}
	if p == nil {
		t.Fatal("GetPlugin returned a nil constructor")
	}
}

func TestNewAppliesSettings(t *testing.T) {
	useFakes(t)
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "couplingvet.yaml")
	if err := os.WriteFile(mapFile, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw := map[string]any{"config": mapFile, "checks": []any{"syncclient", "crossimport"}, "strict": true}
	p, err := New(raw)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	// The suite's order, not the settings' order: output must not depend on
	// how the user listed the checks.
	if got, want := names(as), []string{"crossimport", "syncclient"}; !slices.Equal(got, want) {
		t.Errorf("analyzers = %v, want %v", got, want)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode = %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	if servicemap.ConfigPath != mapFile || !servicemap.Strict {
		t.Errorf("servicemap settings = (%q, %v), want (%q, true)", servicemap.ConfigPath, servicemap.Strict, mapFile)
	}
	if d, _ := raw[mapDigestKey].(string); d == "" {
		t.Errorf("settings carry no map digest for golangci-lint's cache key: %v", raw)
	}
}

func TestNewDefaults(t *testing.T) {
	useFakes(t)
	servicemap.ConfigPath, servicemap.Strict = "stale", true
	for _, raw := range []any{nil, map[string]any{}} {
		p, err := New(raw)
		if err != nil {
			t.Fatalf("New(%v): %v", raw, err)
		}
		as, _ := p.BuildAnalyzers()
		if got, want := names(as), names(fakeAnalyzers()); !slices.Equal(got, want) {
			t.Errorf("New(%v) analyzers = %v, want all %v", raw, got, want)
		}
		if servicemap.ConfigPath != "" || servicemap.Strict {
			t.Errorf("New(%v) left servicemap settings (%q, %v), want defaults", raw, servicemap.ConfigPath, servicemap.Strict)
		}
	}
}

func TestNewRelativeConfigIsAbsolute(t *testing.T) {
	useFakes(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "map.yaml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if _, err := New(map[string]any{"config": "map.yaml"}); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "map.yaml"); servicemap.ConfigPath != want {
		t.Errorf("ConfigPath = %q, want %q", servicemap.ConfigPath, want)
	}
}

func TestNewErrors(t *testing.T) {
	useFakes(t)
	tests := []struct {
		name string
		raw  any
		want []string // substrings of the error
	}{
		{"unknown key", map[string]any{"confg": "x.yaml"},
			[]string{`unknown setting "confg"`, `did you mean "config"?`, "known settings: config, checks, strict"}},
		{"several unknown keys", map[string]any{"strict": true, "zzz": 1, "mode": "x"},
			[]string{`unknown setting "mode", "zzz"`}},
		{"bad check name", map[string]any{"checks": []any{"crossimport", "syncclinet"}},
			[]string{`unknown check "syncclinet"`, `did you mean "syncclient"?`, "available checks: crossimport, shareddb, syncclient"}},
		{"check that is no analyzer", map[string]any{"checks": []any{"gofmt"}},
			[]string{`unknown check "gofmt"`}},
		{"checks not a list", map[string]any{"checks": "crossimport"},
			[]string{"settings.checks: want a list of check names, got string"}},
		{"strict not a bool", map[string]any{"strict": "yes"},
			[]string{"settings.strict: want true or false, got string"}},
		{"settings not a mapping", []any{"crossimport"},
			[]string{"linters.settings.custom.couplingvet.settings", "cannot unmarshal array"}},
		{"missing map file", map[string]any{"config": filepath.Join(t.TempDir(), "nope.yaml")},
			[]string{"settings.config", "nope.yaml", "no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.raw)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", tt.raw, p)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if !strings.HasPrefix(err.Error(), "couplingvet: ") {
				t.Errorf("error %q does not name the plugin first", err)
			}
		})
	}
}

func TestNoAnalyzers(t *testing.T) {
	useFakes(t)
	available = func() []*analysis.Analyzer { return nil }
	if _, err := New(nil); err == nil {
		t.Error("New with an empty suite succeeded, want an error")
	}
}

func TestDidYouMean(t *testing.T) {
	known := []string{"crossimport", "shareddb", "syncclient"}
	for got, want := range map[string]string{
		"crosimport": ` (did you mean "crossimport"?)`,
		"sharedb":    ` (did you mean "shareddb"?)`,
		"Syncclient": ` (did you mean "syncclient"?)`,
		"gofmt":      "",
		"":           "",
	} {
		if s := didYouMean(got, known); s != want {
			t.Errorf("didYouMean(%q) = %q, want %q", got, s, want)
		}
	}
}
