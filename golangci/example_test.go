package golangci

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestExampleConfigDecodes keeps .golangci.example.yml in step with the
// strict settings decoder: a renamed setting would otherwise ship an example
// that stops golangci-lint at startup.
func TestExampleConfigDecodes(t *testing.T) {
	useFakes(t)
	data, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string `yaml:"version"`
		Linters struct {
			Default  string   `yaml:"default"`
			Enable   []string `yaml:"enable"`
			Settings struct {
				Custom map[string]struct {
					Type     string `yaml:"type"`
					Settings any    `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != "2" {
		t.Errorf("version = %q, want \"2\" (golangci-lint v2 format)", cfg.Version)
	}
	if len(cfg.Linters.Enable) != 1 || cfg.Linters.Enable[0] != "couplingvet" {
		t.Errorf("linters.enable = %v, want [couplingvet]", cfg.Linters.Enable)
	}
	custom, ok := cfg.Linters.Settings.Custom["couplingvet"]
	if !ok || custom.Type != "module" {
		t.Fatalf("linters.settings.custom.couplingvet = %+v, want a module plugin", custom)
	}
	s, err := decodeSettings(custom.Settings)
	if err != nil {
		t.Fatal(err)
	}
	if s.Config != "couplingvet.yaml" || len(s.Checks) == 0 {
		t.Errorf("example settings = %+v, want config and checks spelled out", s)
	}
	if _, err := selectAnalyzers(fakeAnalyzers(), s.Checks); err != nil {
		t.Error(err)
	}
}
