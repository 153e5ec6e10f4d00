// Package golangci is couplingvet's golangci-lint v2 module plugin.
//
// golangci-lint has no dynamic loading for module plugins: a custom
// golangci-lint binary is compiled with this package blank-imported, and
// init registers the linter "couplingvet" with
// github.com/golangci/plugin-module-register. Build that binary either with
// `golangci-lint custom` and a .custom-gcl.yml (see .custom-gcl.example.yml
// at the repository root) or, where golangci-lint's git clone cannot reach
// the internet, with a two-line main of your own (docs/integrations.md).
//
// The linter is configured in .golangci.yml under
// linters.settings.custom.couplingvet.settings:
//
//	config: couplingvet.yaml   # the boundary map; default: found by walking up from each package
//	checks: [crossimport]      # which checks run; default: all of them
//	strict: false              # also list connections and calls no service can be attributed to
//
// Settings are decoded strictly: an unknown key or check name stops
// golangci-lint with an error that names it, rather than silently running
// with defaults.
package golangci

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("couplingvet", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Config is the path of the boundary map, relative to the directory
	// golangci-lint runs in. Empty means: found by walking up from each
	// analysed package's directory, like the standalone tool does.
	Config string `json:"config"`
	// Checks lists the checks to run (analyzer names such as crossimport,
	// shareddb, syncclient). Empty means all of them.
	Checks []string `json:"checks"`
	// Strict also lists database connections and calls that no service of
	// the map can be attributed to.
	Strict bool `json:"strict"`
}

// settingKeys are the keys Settings accepts, in the order the docs list them.
var settingKeys = []string{"config", "checks", "strict"}

// mapDigestKey is the settings key New adds to carry the map's digest into
// golangci-lint's cache key (see saltCache). It is not a user setting.
const mapDigestKey = "couplingvet-map-digest"

// available returns the analyzers this build offers; tests replace it.
var available = suite.Analyzers

// plugin is the register.LinterPlugin New returns.
type plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings golangci-lint passes (the value under
// linters.settings.custom.couplingvet.settings), applies them to the
// analyzers' shared settings and selects the analyzers to run.
func New(rawSettings any) (register.LinterPlugin, error) {
	s, err := decodeSettings(rawSettings)
	if err != nil {
		return nil, err
	}
	analyzers, err := selectAnalyzers(available(), s.Checks)
	if err != nil {
		return nil, err
	}
	mapPath, err := resolveConfig(s.Config)
	if err != nil {
		return nil, err
	}
	servicemap.ConfigPath = mapPath
	servicemap.Strict = s.Strict
	saltCache(rawSettings, mapPath)
	return &plugin{analyzers: analyzers}, nil
}

// BuildAnalyzers returns the analyzers selected by the settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks golangci-lint for type information: the checks resolve
// imports, called functions and constant values through go/types.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// decodeSettings decodes raw strictly. register.DecodeSettings already
// rejects unknown fields, but its error ("json: unknown field") names
// neither the plugin nor the keys that are allowed; the keys are checked
// here first so the message can.
func decodeSettings(raw any) (Settings, error) {
	if m, ok := raw.(map[string]any); ok {
		var unknown []string
		for k := range m {
			if !slices.Contains(settingKeys, k) {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			slices.Sort(unknown)
			return Settings{}, fmt.Errorf("couplingvet: unknown setting %s in linters.settings.custom.couplingvet.settings%s (known settings: %s)",
				quoteAll(unknown), didYouMean(unknown[0], settingKeys), strings.Join(settingKeys, ", "))
		}
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return Settings{}, settingsTypeError(err)
	}
	return s, nil
}

// settingsTypeError rewords a JSON type mismatch in the settings' own terms:
// the user wrote YAML and has never seen the Settings struct.
func settingsTypeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("couplingvet: settings.%s: want %s, got %s", te.Field, settingKinds[te.Field], te.Value)
	}
	return fmt.Errorf("couplingvet: linters.settings.custom.couplingvet.settings: want a mapping with keys %s: %w",
		strings.Join(settingKeys, ", "), err)
}

// settingKinds describes each setting's type for error messages.
var settingKinds = map[string]string{
	"config": "the path of the boundary map",
	"checks": "a list of check names",
	"strict": "true or false",
}

// selectAnalyzers returns the analyzers named in checks, in the order of
// all; no checks means all of them. A name that matches no analyzer is an
// error: a typo must not silently turn a check off.
func selectAnalyzers(all []*analysis.Analyzer, checks []string) ([]*analysis.Analyzer, error) {
	if len(all) == 0 {
		return nil, errors.New("couplingvet: this build has no analyzers")
	}
	if len(checks) == 0 {
		return all, nil
	}
	var names []string
	for _, a := range all {
		names = append(names, a.Name)
	}
	for _, c := range checks {
		if !slices.Contains(names, c) {
			return nil, fmt.Errorf("couplingvet: unknown check %q in settings.checks%s (available checks: %s)",
				c, didYouMean(c, names), strings.Join(names, ", "))
		}
	}
	var selected []*analysis.Analyzer
	for _, a := range all {
		if slices.Contains(checks, a.Name) {
			selected = append(selected, a)
		}
	}
	return selected, nil
}

// resolveConfig makes the configured map path absolute (relative to the
// directory golangci-lint runs in) and checks that it exists, so a wrong
// path fails once, at startup, instead of once per package.
func resolveConfig(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("couplingvet: settings.config: %w", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return "", fmt.Errorf("couplingvet: settings.config: %w", err)
	}
	return abs, nil
}

// saltCache puts a digest of the boundary map into the settings golangci-lint
// passed in. golangci-lint caches each package's issues under a key made of
// the package's files, go.mod and a hash of linters.settings, which it
// computes after building the linters; the map is none of these, so without
// the digest an edited map (a new allow rule, a moved directory) would give
// the previous run's stale result. The map is the configured one, else the
// one found from the working directory, which is the repository root in the
// usual `golangci-lint run ./...`.
//
// This relies on golangci-lint hashing the same settings value it handed to
// New, which holds for v2 (tested end to end in e2e_test.go). Nothing else
// reads the key.
func saltCache(raw any, mapPath string) {
	m, ok := raw.(map[string]any)
	if !ok {
		return
	}
	if mapPath == "" {
		wd, err := os.Getwd()
		if err != nil {
			return
		}
		if mapPath, err = boundaries.Find(wd); err != nil || mapPath == "" {
			return
		}
	}
	data, err := os.ReadFile(mapPath)
	if err != nil {
		return
	}
	key := digest(data)
	// The deploy and config files give env and config values theirs.
	if bm, err := boundaries.Load(mapPath); err == nil {
		key += " deploy=" + servicemap.DeployDigest(bm)
	}
	m[mapDigestKey] = key
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
