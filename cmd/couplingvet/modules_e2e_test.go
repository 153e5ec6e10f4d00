package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestStandaloneModulesWithoutWorkspace covers repositories of one module
// per service and no go.work: from the root, with no pattern, couplingvet
// checks every module the map governs, as if they formed a workspace.
func TestStandaloneModulesWithoutWorkspace(t *testing.T) {
	dir := copyTree(t, workspaceDir)
	if err := os.Remove(filepath.Join(dir, "go.work")); err != nil {
		t.Fatal(err)
	}
	r := couplingvet(t, dir)
	wantCode(t, r, exitViolations)
	wantText(t, "findings", r.stdout, workspaceFindings)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 5 packages, 2 services, 2 violations")

	// Explicit patterns are the user's: ./... at a root that is no module
	// matches nothing, and that is an error, never a silent pass.
	r = couplingvet(t, dir, "./...")
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "no packages matched") {
		t.Errorf("./... at a root without go.mod: stderr %q", r.stderr)
	}

	// A map that names no module below the directory: a clear error.
	empty := t.TempDir()
	writeFile(t, filepath.Join(empty, "couplingvet.yaml"), "version: 1\nservices:\n  a: {owns: [a]}\n")
	if err := os.Mkdir(filepath.Join(empty, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	r = couplingvet(t, empty)
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "names no module below it") {
		t.Errorf("no module at all: stderr %q", r.stderr)
	}
}

// TestStandardLibraryTree runs couplingvet in the standard library's own
// source tree, which is no module of any map: a clear exit 2, no findings.
func TestStandardLibraryTree(t *testing.T) {
	goroot := strings.TrimSpace(run(t, ".", "go", "env", "GOROOT").stdout)
	mapFile := filepath.Join(t.TempDir(), "couplingvet.yaml")
	writeFile(t, mapFile, "version: 1\nservices:\n  a: {owns: [.]}\n")
	r := couplingvet(t, filepath.Join(goroot, "src", "strings"), "-config", mapFile, "./...")
	wantCode(t, r, exitUsage)
	if r.stdout != "" || !strings.Contains(r.stderr, "no packages matched in a Go module: ./... matches 1 package of the standard library") {
		t.Errorf("in GOROOT/src/strings: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// siblingsDir is a repository of one module per service and no go.work,
// whose modules reach the shared module (and orders' client SDK) through
// replace directives.
var siblingsDir = mustAbs("../../testdata/modules")

// checkoutFindings is the output inside testdata/modules/checkout: every
// call goes through code in sibling modules (a wrapper, a client SDK, a
// function that returns orders' URL), which only the facts of those
// modules' packages reveal.
const checkoutFindings = `checkout.go:16:15: checkout calls orders synchronously (http GET http://orders:8080/v1/orders/{id} via example.com/modules/common/httpclient.Get): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
checkout.go:22:14: checkout calls orders synchronously (http GET http://orders:8080/v1/orders/{id} via example.com/modules/orders/client.GetOrder -> example.com/modules/common/httpclient.Get): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
checkout.go:39:15: checkout calls orders synchronously (http GET $ORDERS_URL/v1/orders/{id}/status): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
`

// TestStandaloneSiblingModules runs couplingvet inside one service's module,
// as a per-module CI job does: the shared module it reaches through a
// replace directive is a dependency to the go command, yet the repository's
// code, analysed for its facts; its packages are not reported.
func TestStandaloneSiblingModules(t *testing.T) {
	dir := copyTree(t, siblingsDir)
	r := couplingvet(t, filepath.Join(dir, "checkout"))
	wantCode(t, r, exitViolations)
	wantText(t, "findings in checkout/", r.stdout, checkoutFindings)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 1 package, 2 services, 3 violations")

	// The same as from the root, where every module is checked at once.
	r = couplingvet(t, dir)
	wantCode(t, r, exitViolations)
	wantText(t, "findings at the root", r.stdout, regexp.MustCompile(`(?m)^`).ReplaceAllString(strings.TrimSuffix(checkoutFindings, "\n"), "checkout/")+"\n")

	// orders calls itself and publishes the client: nothing to report.
	r = couplingvet(t, filepath.Join(dir, "orders"))
	wantCode(t, r, exitClean)
	wantText(t, "findings in orders/", r.stdout, "")
}

// TestGoVetSiblingModules is TestStandaloneSiblingModules under go vet,
// which runs the tool on the sibling modules' packages for their facts only.
func TestGoVetSiblingModules(t *testing.T) {
	dir := copyTree(t, siblingsDir)
	r := goVet(t, filepath.Join(dir, "checkout"), "./...")
	wantCode(t, r, 1)
	if got, want := findingLines(r.stderr), findingLines(checkoutFindings); !slices.Equal(got, want) {
		t.Errorf("go vet findings in checkout/:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSiblingModuleEdits proves that the result cache hashes a sibling
// module's files: an edit there (a body, so that the package graph stays
// the same and the run may skip go list) changes the next result.
func TestSiblingModuleEdits(t *testing.T) {
	dir := copyTree(t, siblingsDir)
	checkout := filepath.Join(dir, "checkout")
	r := couplingvet(t, checkout)
	wantText(t, "findings before the edit", r.stdout, checkoutFindings)

	wrapper := filepath.Join(dir, "common", "httpclient", "httpclient.go")
	original, err := os.ReadFile(wrapper)
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)\{\n\treq, err := .*\n\}\n$`)
	stub := body.ReplaceAllString(string(original), "{\n\treturn nil, nil // sends nothing; the imports stay\n}\n")
	if stub == string(original) {
		t.Fatal("common/httpclient no longer sends its request as the test expects")
	}
	writeFile(t, wrapper, stub)
	r = couplingvet(t, checkout)
	var rest []string
	for _, line := range strings.SplitAfter(checkoutFindings, "\n") {
		if !strings.Contains(line, "httpclient.Get") {
			rest = append(rest, line)
		}
	}
	wantText(t, "findings once httpclient.Get sends nothing", r.stdout, strings.Join(rest, ""))

	writeFile(t, wrapper, string(original))
	r = couplingvet(t, checkout)
	wantCode(t, r, exitViolations)
	wantText(t, "findings once httpclient.Get sends again", r.stdout, checkoutFindings)
}
