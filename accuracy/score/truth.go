package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Truth is one corpus entry's truth.yaml: what couplingvet must and must
// not report on one repository at one commit (see accuracy/README.md).
type Truth struct {
	Repo       string   `yaml:"repo"`
	Commit     string   `yaml:"commit"`
	Root       string   `yaml:"root"`
	Patterns   []string `yaml:"patterns"`
	Frameworks []string `yaml:"frameworks"`
	Notes      string   `yaml:"notes"`
	Expected   []Item   `yaml:"expected"`
	Silent     []Item   `yaml:"silent"`
	Debatable  []Item   `yaml:"debatable"`
	// UnsetEnv are env keys the code reads that no deploy or config file
	// of the repository sets. Nothing but the map can give their values,
	// so the newcomer map may list them (and only them).
	UnsetEnv []string `yaml:"unset_env"`
}

// An Item is one coupling (or one site that must stay silent): a check,
// who couples to whom, and every site a reader would accept it at.
type Item struct {
	Check string `yaml:"check"`
	From  string `yaml:"from"`
	To    string `yaml:"to"`
	At    Sites  `yaml:"at"`
	How   string `yaml:"how"`
	Needs string `yaml:"needs"`
	Why   string `yaml:"why"`
}

// checks are the checks a truth file may name.
var checks = map[string]bool{"crossimport": true, "shareddb": true, "syncclient": true}

// needs are the sources of a value a truth item may say it needs.
var needs = map[string]bool{"": true, "go": true, "config-file": true, "deploy-file": true, "flag": true, "map-env": true}

// loadTruth reads and checks a truth file strictly: an unknown key or a
// site that is not file:line is an error naming the file, so that a typo
// does not silently drop an item from the score.
func loadTruth(path string) (*Truth, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	var t Truth
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if t.Root == "" {
		t.Root = "."
	}
	if t.Repo == "" || len(t.Commit) != 40 {
		return nil, fmt.Errorf("%s: repo and commit (40 hex digits) are required", path)
	}
	for _, list := range []struct {
		name      string
		items     []Item
		needCheck bool
	}{{"expected", t.Expected, true}, {"silent", t.Silent, false}, {"debatable", t.Debatable, true}} {
		for i, it := range list.items {
			if err := it.validate(list.needCheck); err != nil {
				return nil, fmt.Errorf("%s: %s[%d]: %v", path, list.name, i, err)
			}
		}
	}
	return &t, nil
}

func (it Item) validate(needCheck bool) error {
	if needCheck && (!checks[it.Check] || it.From == "" || it.To == "") {
		return fmt.Errorf("check (crossimport, shareddb or syncclient), from and to are required")
	}
	if !needs[it.Needs] {
		return fmt.Errorf("needs %q: use go, config-file, deploy-file, flag or map-env", it.Needs)
	}
	if len(it.At) == 0 {
		return fmt.Errorf("at: at least one file:line")
	}
	for _, at := range it.At {
		if _, _, err := splitSite(at); err != nil {
			return err
		}
	}
	return nil
}

// splitSite splits "dir/file.go:42" into its file and line.
func splitSite(at string) (string, int, error) {
	i := strings.LastIndex(at, ":")
	if i <= 0 {
		return "", 0, fmt.Errorf("site %q: want file:line", at)
	}
	line, err := strconv.Atoi(at[i+1:])
	if err != nil || line <= 0 {
		return "", 0, fmt.Errorf("site %q: want file:line", at)
	}
	return filepath.ToSlash(filepath.Clean(at[:i])), line, nil
}

// Sites are file:line positions: a list, or one site as a plain string.
type Sites []string

// UnmarshalYAML accepts "at: x.go:3" as well as "at: [x.go:3, y.go:9]".
func (s *Sites) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = Sites{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*s = list
	return nil
}
