package main

import (
	"path/filepath"
	"testing"

	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/report"
)

func TestCoversModules(t *testing.T) {
	root := t.TempDir()
	shop := engine.Module{Path: "example.com/shop", Dir: root}
	billing := engine.Module{Path: "example.com/billing", Dir: filepath.Join(root, "billing")}
	for _, tc := range []struct {
		patterns []string
		wd       string
		modules  []engine.Module
		want     bool
	}{
		{[]string{"./..."}, root, []engine.Module{shop}, true},
		{[]string{"..."}, root, []engine.Module{shop}, true},
		{[]string{"example.com/shop/..."}, filepath.Join(root, "services"), []engine.Module{shop}, true},
		{[]string{"../..."}, filepath.Join(root, "services"), []engine.Module{shop}, true},
		{[]string{root + "/..."}, "/elsewhere", []engine.Module{shop}, true},
		{[]string{"work"}, root, []engine.Module{shop, billing}, true},
		{[]string{"./...", "./billing/..."}, root, []engine.Module{shop, billing}, true},

		{[]string{"./services/orders/..."}, root, []engine.Module{shop}, false},
		{[]string{"./..."}, filepath.Join(root, "services"), []engine.Module{shop}, false},
		{[]string{"./services/...", "./cmd/..."}, root, []engine.Module{shop}, false},
		{[]string{"."}, root, []engine.Module{shop}, false},
		{[]string{"./..."}, root, []engine.Module{shop, billing}, false}, // billing is a module of its own
		{[]string{"./..."}, root, nil, false},
	} {
		if got := coversModules(tc.patterns, tc.wd, tc.modules); got != tc.want {
			t.Errorf("coversModules(%q, %s, %d modules) = %v, want %v", tc.patterns, tc.wd, len(tc.modules), got, tc.want)
		}
	}
}

func TestScopeJudges(t *testing.T) {
	partial := scope{
		pkgSet:   map[string]bool{"example.com/shop/services/checkout": true},
		services: map[string]bool{"checkout": true},
		dbNames:  map[string]bool{"orders-db": true},
	}
	whole := partial
	whole.whole = true
	whole.pkgSet = map[string]bool{"example.com/shop/services/checkout": true, "example.com/shop/services/inventory": true}
	whole.services = map[string]bool{"checkout": true, "inventory": true}

	imports := report.Entry{Check: "crossimport", From: "checkout", To: "orders", Package: "example.com/shop/services/checkout_test", Target: "example.com/shop/services/orders/money"}
	ownedDB := report.Entry{Check: "shareddb", From: "checkout", To: "orders", Package: "example.com/shop/services/checkout", Target: "orders-db"}
	unattributed := report.Entry{Check: "shareddb", From: "checkout", Package: "example.com/shop/services/checkout", Target: "postgres://analytics-db:5432/analytics"}
	shared := report.Entry{Check: "shareddb", From: "checkout", To: "inventory", Package: "example.com/shop/services/checkout", Target: "postgres://analytics-db:5432/analytics"}
	sharedThree := shared
	sharedThree.To = "inventory,shipping"
	elsewhere := report.Entry{Check: "crossimport", From: "shipping", To: "orders", Package: "example.com/shop/services/shipping", Target: "example.com/shop/services/orders/store"}

	for _, tc := range []struct {
		name  string
		s     scope
		e     report.Entry
		judge bool
	}{
		{"external test package of an analysed package", partial, imports, true},
		{"a database the map declares", partial, ownedDB, true},
		{"-strict listing of an unattributed database", partial, unattributed, true},
		{"a package not analysed", whole, elsewhere, false},
		{"shared database, other side not loaded", partial, shared, false},
		{"shared database, whole run", whole, shared, true},
		{"shared database, a third service not analysed", whole, sharedThree, false},
	} {
		if got := tc.s.judges(tc.e); got != tc.judge {
			t.Errorf("%s: judges = %v, want %v", tc.name, got, tc.judge)
		}
	}
	if !partial.aggregated(shared) || partial.aggregated(ownedDB) || partial.aggregated(unattributed) || partial.aggregated(imports) {
		t.Error("aggregated: only the shared-database entry is a whole-repository one")
	}
}

func TestRunPackage(t *testing.T) {
	for in, want := range map[string]string{
		"example.com/p":                      "example.com/p",
		"example.com/p [example.com/p.test]": "example.com/p",
		"example.com/p_test":                 "example.com/p",
		"example.com/p.test":                 "example.com/p",
	} {
		if got := runPackage(in); got != want {
			t.Errorf("runPackage(%q) = %q, want %q", in, got, want)
		}
	}
}
