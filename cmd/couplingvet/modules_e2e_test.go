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

// TestStandaloneModuleThatDoesNotLoad covers a repository of modules
// without a go.work where one module's requirements cannot be fetched (a
// private module, a version the proxy no longer serves; here, with
// GOPROXY=off, one that is not in the module cache). A workspace of all of
// them has one module graph, which then fails every package of every
// module: couplingvet checks the others without that module, names it,
// and exits 3 as for any package it could not check. A run from the cache
// says the same.
func TestStandaloneModuleThatDoesNotLoad(t *testing.T) {
	dir := t.TempDir()
	// good requires golang.org/x/mod, which is in the module cache:
	// couplingvet itself is built with it.
	mod := requirementOf(t, "golang.org/x/mod")
	sums := run(t, ".", "grep", "^golang.org/x/mod "+mod+"[ /]", mustAbs("../../go.sum")).stdout
	for _, f := range []struct{ name, content string }{
		{"couplingvet.yaml", "version: 1\nservices:\n  good: {owns: [good]}\n  bad: {owns: [bad], hosts: [bad]}\n"},
		{"good/go.mod", "module example.com/split/good\n\ngo 1.22\n\nrequire golang.org/x/mod " + mod + "\n"},
		{"good/go.sum", sums},
		{"good/good.go", "package good\n\nimport (\n\t\"net/http\"\n\n\t\"golang.org/x/mod/semver\"\n)\n\nfunc Ping() {\n\tif semver.IsValid(\"v1.0.0\") {\n\t\thttp.Get(\"http://bad:8080/ping\")\n\t}\n}\n"},
		{"bad/go.mod", "module example.com/split/bad\n\ngo 1.22\n\nrequire example.com/unreachable v1.0.0\n"},
		{"bad/bad.go", "package bad\n\nimport \"example.com/unreachable/lib\"\n\nvar X = lib.X\n"},
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f.name)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f.name), f.content)
	}
	const finding = "good/good.go:11:3: good calls bad synchronously (http GET http://bad:8080/ping): temporal coupling — good fails and slows down when bad does; consume bad's events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)\n"
	const skipped = "module example.com/split/bad (bad/go.mod) not checked: its dependencies do not load: example.com/unreachable@v1.0.0: module lookup disabled by GOPROXY=off"
	for _, run := range []string{"cold", "from the cache"} {
		r := runEnv(t, dir, env("GOPROXY=off"), binary)
		wantCode(t, r, exitLoad)
		wantText(t, run+": findings", r.stdout, finding)
		if !strings.Contains(r.stderr, "couplingvet: "+skipped+"; the other modules were checked without it") {
			t.Errorf("%s: stderr does not name the module left out:\n%s", run, r.stderr)
		}
	}
	// Inside the module, its package is not checked, and the go command's
	// reason is given (go/types alone says "invalid package name").
	r := runEnv(t, filepath.Join(dir, "bad"), env("GOPROXY=off"), binary)
	wantCode(t, r, exitLoad)
	if !strings.Contains(r.stderr, "could not import example.com/unreachable/lib (missing go.sum entry for module providing package example.com/unreachable/lib") {
		t.Errorf("inside the module: stderr does not give the go command's reason:\n%s", r.stderr)
	}
	r = runEnv(t, dir, env("GOPROXY=off"), binary, "-format", "json")
	wantCode(t, r, exitLoad)
	if !strings.Contains(r.stdout, `"load_errors": [
    "`+skipped+`"
  ]`) {
		t.Errorf("json: load_errors do not name the module left out:\n%s", r.stdout)
	}
}

// requirementOf returns the version of path that couplingvet's go.mod requires.
func requirementOf(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(mustAbs("../../go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(path) + ` (v\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("go.mod does not require %s", path)
	}
	return string(m[1])
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
