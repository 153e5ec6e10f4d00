package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResultCache checks that cached results are the results: a second run
// prints exactly what the first did, and a change to the map, to the flags
// or to a Go file is seen at once.
func TestResultCache(t *testing.T) {
	dir := copyTree(t, shopDir)
	first := couplingvet(t, dir)
	wantCode(t, first, exitViolations)
	second := couplingvet(t, dir)
	wantCode(t, second, exitViolations)
	wantText(t, "cached stdout", second.stdout, first.stdout)
	wantText(t, "cached summary", lastLine(second.stderr), lastLine(first.stderr))

	// Without the cache, the same.
	uncached := couplingvet(t, dir, "-cache=false")
	wantText(t, "uncached stdout", uncached.stdout, first.stdout)

	// A map edit: orders' store becomes a contract, so importing it is fine.
	mapFile := filepath.Join(dir, "couplingvet.yaml")
	data, err := os.ReadFile(mapFile)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "contracts: [api/orders]", "contracts: [api/orders, services/orders/store]", 1)
	if edited == string(data) {
		t.Fatal("the shop's map no longer declares orders' contracts as the test expects")
	}
	writeFile(t, mapFile, edited)
	r := couplingvet(t, dir)
	if strings.Contains(r.stdout, "private package services/orders/store") {
		t.Errorf("after the map made services/orders/store a contract, still reported:\n%s", r.stdout)
	}
	writeFile(t, mapFile, string(data))

	// A flag the analyzers read: -strict lists more.
	strict := couplingvet(t, dir, "-strict")
	if len(findingLines(strict.stdout)) <= len(findingLines(first.stdout)) {
		t.Errorf("-strict after a cached run listed %d findings, want more than %d", len(findingLines(strict.stdout)), len(findingLines(first.stdout)))
	}

	// A Go file edit: a new violation in a package that was cached.
	writeFile(t, filepath.Join(dir, "services", "payments", "zz_new.go"),
		"package payments\n\nimport _ \"example.com/shop/services/orders/money\"\n")
	r = couplingvet(t, dir)
	if !strings.Contains(r.stdout, "services/payments/zz_new.go:3:8: payments imports orders' private package services/orders/money") {
		t.Errorf("a new file's violation is missing after cached runs:\n%s", r.stdout)
	}
}
