package golangci

// End-to-end test of the plugin inside a real golangci-lint v2.15.0, built the
// way docs/integrations.md tells users to build it without internet access to
// GitHub: a main that calls golangci-lint's commands.Execute with this package
// blank-imported, compiled through the module proxy.
//
// A cold build compiles all of golangci-lint (minutes on a 2-core machine), so
// the test runs only when CI=true or COUPLINGVET_E2E_GOLANGCI=1. The binary is
// cached under $COUPLINGVET_GCL_CACHE (default: the user cache directory's
// couplingvet-gcl), keyed on everything that goes into it, so reruns and CI
// jobs that keep that directory skip the build.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/internal/testtree"
)

// gclVersion is the golangci-lint release the plugin is built into; it pins
// the same x/tools and plugin-module-register as this module.
const gclVersion = "v2.15.0"

// gclMain is the hand-assembled golangci-lint main of docs/integrations.md.
const gclMain = `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/couplingvet/couplingvet/golangci" // registers the couplingvet linter
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-couplingvet", Commit: "(unknown)", Date: "(unknown)", GoVersion: "(unknown)"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`

func e2eEnabled(t *testing.T) {
	t.Helper()
	if os.Getenv("CI") != "true" && os.Getenv("COUPLINGVET_E2E_GOLANGCI") != "1" {
		t.Skip("builds a custom golangci-lint " + gclVersion + " (minutes when cold): set COUPLINGVET_E2E_GOLANGCI=1 or CI=true to run it")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
}

// gclIssue is the part of golangci-lint's JSON output the tests read.
type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
		Column   int
	}
}

func (i gclIssue) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.Text, i.FromLinter)
}

// TestGolangciLintShop runs the custom golangci-lint with .golangci.example.yml
// on the example monorepo and checks the findings its README documents.
// golangci-lint runs the analyzers one package at a time, so the finding that
// needs all services at once (two services on analytics-db) is not among
// them.
func TestGolangciLintShop(t *testing.T) {
	e2eEnabled(t)
	gcl := customGolangciLint(t)
	shop := testtree.Copy(t, filepath.Join("..", "testdata", "shop"), t.TempDir())
	// The example's config path (couplingvet.yaml) is relative to the
	// directory golangci-lint runs in, which is the shop's root: the
	// example is used unchanged.
	testtree.Copy(t, filepath.Join("..", ".golangci.example.yml"), filepath.Join(shop, ".golangci.yml"))

	issues, code, stderr := runGolangciLint(t, gcl, shop, t.TempDir())
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (issues found); stderr:\n%s", code, stderr)
	}
	for _, want := range []struct {
		pos, check, text string
	}{
		{"services/checkout/cart/cart.go:7", "crossimport", "checkout imports orders' private package services/orders/store"},
		{"services/checkout/checkout_test.go:6", "crossimport", "checkout imports orders' private package services/orders/money"},
		{"pkg/reporting/reporting.go:7", "crossimport", "shared package pkg/reporting imports orders' private package services/orders/store"},
		{"services/shipping/shipping.go:12", "crossimport", "services/shipping -> pkg/reporting -> services/orders/store"},
		{"services/inventory/inventory.go:15", "shareddb", "inventory opens orders' database orders-db"},
		{"services/shipping/shipping.go:20", "shareddb", "shipping opens payments' database payments-db"},
		{"services/checkout/checkout.go:20", "syncclient", "checkout calls orders synchronously"},
		{"services/shipping/shipping.go:26", "syncclient", "shipping calls orders synchronously (http GET http://orders:8080/v1/orders/"},
		{"services/shipping/shipping.go:33", "syncclient", "shipping calls inventory synchronously"},
	} {
		if !hasIssue(issues, want.pos, want.check+": ", want.text) {
			t.Errorf("no %s issue at %s containing %q", want.check, want.pos, want.text)
		}
	}
	for _, i := range issues {
		switch {
		case i.FromLinter != "couplingvet":
			t.Errorf("issue from linter %q, want only couplingvet: %v", i.FromLinter, i)
		case strings.Contains(i.Text, "hunter2"):
			t.Errorf("password shown in a message: %v", i)
		case strings.HasPrefix(i.Pos.Filename, "cmd/all-in-one/"):
			t.Errorf("wiring package reported: %v", i)
		case strings.Contains(i.Pos.Filename, "google.golang.org/grpc"):
			t.Errorf("dependency reported: %v", i)
		case i.Pos.Filename == "services/payments/payments.go" && i.Pos.Line == 8:
			t.Errorf("import allowed by //couplingvet:allow reported: %v", i)
		case strings.Contains(i.Text, "checkout calls payments"):
			t.Errorf("call allowed by the map's allow rule reported: %v", i)
		case strings.Contains(i.Text, "shipping opens inventory's database"):
			t.Errorf("database shared by shared_with + allow rule reported: %v", i)
		}
	}
	if t.Failed() {
		t.Logf("issues:\n%s", list(issues))
	}
}

// TestGolangciLintSiblingModules runs golangci-lint inside one service's
// module of a repository of one module per service (testdata/modules):
// golangci-lint runs the analyzers on the shared sibling module, a
// dependency reached through a replace directive, for its facts, so the
// calls through its wrapper, its endpoints and orders' client SDK are
// found, and nothing in the sibling modules is reported.
func TestGolangciLintSiblingModules(t *testing.T) {
	e2eEnabled(t)
	gcl := customGolangciLint(t)
	repo := testtree.Copy(t, filepath.Join("..", "testdata", "modules"), t.TempDir())
	checkout := filepath.Join(repo, "checkout")
	writeExampleWith(t, filepath.Join(checkout, ".golangci.yml"), "config: couplingvet.yaml", "config: ../couplingvet.yaml")

	issues, code, stderr := runGolangciLint(t, gcl, checkout, t.TempDir())
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (issues found); stderr:\n%s", code, stderr)
	}
	for _, want := range []struct{ pos, text string }{
		{"checkout.go:16", "checkout calls orders synchronously (http GET http://orders:8080/v1/orders/{id} via example.com/modules/common/httpclient.Get)"},
		{"checkout.go:22", "via example.com/modules/orders/client.GetOrder -> example.com/modules/common/httpclient.Get"},
		{"checkout.go:39", "checkout calls orders synchronously (http GET $ORDERS_URL/v1/orders/{id}/status)"},
	} {
		if !hasIssue(issues, want.pos, "syncclient: ", want.text) {
			t.Errorf("no syncclient issue at %s containing %q", want.pos, want.text)
		}
	}
	if len(issues) != 3 {
		t.Errorf("%d issues, want 3:\n%s", len(issues), list(issues))
	}
}

// TestGolangciLintCleanTreeAndMapEdits checks that a tree without violations
// passes, and that editing the boundary map changes the next run's result
// although golangci-lint caches issues per package (the map's digest is part
// of its cache key, see saltCache).
func TestGolangciLintCleanTreeAndMapEdits(t *testing.T) {
	e2eEnabled(t)
	gcl := customGolangciLint(t)
	repo := testtree.Write(t, t.TempDir(), map[string]string{
		"go.mod":                     "module example.com/clean\n\ngo 1.26\n",
		"couplingvet.yaml":           cleanMap,
		"api/billing/billing.go":     "package billing\n\ntype Invoice struct{ ID string }\n",
		"services/billing/server.go": "package server\n\nimport \"example.com/clean/api/billing\"\n\nvar Last billing.Invoice\n",
		"services/orders/orders.go":  "package orders\n\nimport \"example.com/clean/api/billing\" // billing's contract\n\nfunc Bill(id string) billing.Invoice { return billing.Invoice{ID: id} }\n",
	})
	testtree.Copy(t, filepath.Join("..", ".golangci.example.yml"), filepath.Join(repo, ".golangci.yml"))
	cache := t.TempDir() // shared by both runs, as on a developer's machine

	issues, code, stderr := runGolangciLint(t, gcl, repo, cache)
	if code != 0 || len(issues) != 0 {
		t.Fatalf("clean tree: exit %d, issues:\n%s\nstderr:\n%s", code, list(issues), stderr)
	}

	// billing no longer publishes api/billing as a contract but keeps it
	// private: orders' import becomes a violation, with no Go file changed.
	edited := strings.Replace(cleanMap, "    owns: [services/billing]\n    contracts: [api/billing]\n", "    owns: [services/billing, api/billing]\n", 1)
	if edited == cleanMap {
		t.Fatal("test map has no contracts line to replace")
	}
	if err := os.WriteFile(filepath.Join(repo, "couplingvet.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	issues, code, stderr = runGolangciLint(t, gcl, repo, cache)
	if code != 1 || !hasIssue(issues, "services/orders/orders.go:3", "crossimport: ", "orders imports billing's private package api/billing") {
		t.Fatalf("after removing the contract: exit %d, want 1 and a crossimport issue at services/orders/orders.go:3 (a stale cached result?); issues:\n%s\nstderr:\n%s",
			code, list(issues), stderr)
	}
}

const cleanMap = `version: 1
services:
  orders:
    owns: [services/orders]
  billing:
    owns: [services/billing]
    contracts: [api/billing]
`

// TestGolangciLintBadSettings checks that golangci-lint stops with the
// plugin's error when the settings have an unknown key.
func TestGolangciLintBadSettings(t *testing.T) {
	e2eEnabled(t)
	gcl := customGolangciLint(t)
	repo := testtree.Write(t, t.TempDir(), map[string]string{
		"go.mod":           "module example.com/bad\n\ngo 1.26\n",
		"couplingvet.yaml": cleanMap,
		"a.go":             "package a\n",
	})
	writeExampleWith(t, filepath.Join(repo, ".golangci.yml"), "strict: false", "strickt: false")
	_, code, stderr := runGolangciLint(t, gcl, repo, t.TempDir())
	if code == 0 || code == 1 {
		t.Errorf("exit code %d, want a failure other than \"issues found\"", code)
	}
	if !strings.Contains(stderr, `unknown setting "strickt"`) || !strings.Contains(stderr, `did you mean "strict"?`) {
		t.Errorf("stderr does not name the unknown setting:\n%s", stderr)
	}
}

// writeExampleWith writes .golangci.example.yml to name with the line old
// replaced by new.
func writeExampleWith(t *testing.T, name, old, new string) {
	t.Helper()
	example, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(example), old, new, 1)
	if cfg == string(example) {
		t.Fatalf("the example has no %q to replace", old)
	}
	if err := os.WriteFile(name, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runGolangciLint runs `golangci-lint run ./...` in dir with JSON output and
// no cap on the number of issues, and returns the issues, exit code and
// stderr.
func runGolangciLint(t *testing.T, gcl, dir, cache string) ([]gclIssue, int, string) {
	t.Helper()
	cmd := exec.Command(gcl, "run",
		"--output.json.path=stdout", "--show-stats=false",
		"--max-issues-per-linter=0", "--max-same-issues=0", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOWORK=off", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("running %s: %v", gcl, err)
		}
		code = exit.ExitCode()
	}
	var out struct{ Issues []gclIssue }
	if code <= 1 {
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("golangci-lint JSON output: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
		}
	}
	return out.Issues, code, stderr.String()
}

func hasIssue(issues []gclIssue, pos, prefix, text string) bool {
	return slices.ContainsFunc(issues, func(i gclIssue) bool {
		return fmt.Sprintf("%s:%d", i.Pos.Filename, i.Pos.Line) == pos &&
			strings.HasPrefix(i.Text, prefix) && strings.Contains(i.Text, text)
	})
}

func list(issues []gclIssue) string {
	var b strings.Builder
	for _, i := range issues {
		fmt.Fprintf(&b, "\t%v\n", i)
	}
	return b.String()
}

// built is the custom binary of this test process: the key is computed once,
// so that all tests use one binary even if sources change meanwhile.
var built struct {
	sync.Mutex
	path string
}

// customGolangciLint returns the path of a golangci-lint with the plugin,
// building it on a cache miss.
func customGolangciLint(t *testing.T) string {
	t.Helper()
	built.Lock()
	defer built.Unlock()
	if built.path == "" {
		built.path = findOrBuildGolangciLint(t)
	}
	return built.path
}

func findOrBuildGolangciLint(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	key, err := buildKey(root)
	if err != nil {
		t.Fatal(err)
	}
	cacheRoot := os.Getenv("COUPLINGVET_GCL_CACHE")
	if cacheRoot == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			t.Fatalf("no cache directory (set COUPLINGVET_GCL_CACHE): %v", err)
		}
		cacheRoot = filepath.Join(dir, "couplingvet-gcl")
	}
	bin := filepath.Join(cacheRoot, key, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin
	}
	t.Logf("building golangci-lint %s with the couplingvet plugin into %s", gclVersion, bin)
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	goMod := fmt.Sprintf("module couplingvet-gcl\n\ngo 1.26.0\n\nrequire github.com/golangci/golangci-lint/v2 %s\n\nreplace github.com/couplingvet/couplingvet => %s\n", gclVersion, root)
	testtree.WriteFile(t, filepath.Join(mod, "go.mod"), goMod)
	testtree.WriteFile(t, filepath.Join(mod, "main.go"), gclMain)
	tmpBin := bin + fmt.Sprintf(".tmp%d", os.Getpid())
	goCmd(t, mod, "mod", "tidy")
	goCmd(t, mod, "build", "-o", tmpBin, ".")
	// Rename is atomic: a concurrent test process sees no binary or a whole one.
	if err := os.Rename(tmpBin, bin); err != nil {
		t.Fatal(err)
	}
	pruneStale(t, cacheRoot, key)
	return bin
}

// pruneStale removes the binaries of other source trees (about 70 MB each)
// once they are a day old, so that a long-lived cache does not grow with
// every commit; younger ones may belong to a concurrent run.
func pruneStale(t *testing.T, cacheRoot, keep string) {
	entries, err := os.ReadDir(cacheRoot)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !e.IsDir() || e.Name() == keep || time.Since(info.ModTime()) < 24*time.Hour {
			continue
		}
		if err := os.RemoveAll(filepath.Join(cacheRoot, e.Name())); err != nil {
			t.Logf("pruning the golangci-lint cache: %v", err)
		}
	}
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	// Downloads go through the module proxy (GOPROXY as configured);
	// GOWORK=off keeps a workspace of the caller out of the build.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// buildKey hashes everything the custom binary is built from: the
// golangci-lint version, the main, the Go toolchain, and this module's
// go.mod, go.sum and non-test Go sources.
func buildKey(root string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s/%s\n%s\n", gclVersion, gclMain, runtime.GOOS, runtime.GOARCH, runtime.Version())
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if name != "go.mod" && name != "go.sum" && (!strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go")) {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\n", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		return err
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// TestGolangciLintDeployEdits checks that golangci-lint's cache sees an
// edited deploy file: the address docker-compose gives an env variable
// decides whether a call couples two services, with no Go file and no map
// changed.
func TestGolangciLintDeployEdits(t *testing.T) {
	e2eEnabled(t)
	gcl := customGolangciLint(t)
	compose := func(url string) string {
		return "services:\n  orders:\n    build: ./services/orders\n    environment:\n      NOTIFY_URL: " + url + "\n"
	}
	repo := testtree.Write(t, t.TempDir(), map[string]string{
		"go.mod":                     "module example.com/clean\n\ngo 1.26\n",
		"couplingvet.yaml":           cleanMap + "    hosts: [billing]\n",
		"docker-compose.yml":         compose("https://hooks.example.com/notify"),
		"services/billing/server.go": "package server\n",
		"api/billing/billing.go":     "package billing\n",
		"services/orders/orders.go":  "package orders\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\nfunc Notify() { http.Post(os.Getenv(\"NOTIFY_URL\"), \"text/plain\", nil) }\n",
	})
	testtree.Copy(t, filepath.Join("..", ".golangci.example.yml"), filepath.Join(repo, ".golangci.yml"))
	cache := t.TempDir()

	issues, code, stderr := runGolangciLint(t, gcl, repo, cache)
	if code != 0 || len(issues) != 0 {
		t.Fatalf("a third-party address: exit %d, issues:\n%s\nstderr:\n%s", code, list(issues), stderr)
	}
	if err := os.WriteFile(filepath.Join(repo, "docker-compose.yml"), []byte(compose("http://billing:8080/notify")), 0o644); err != nil {
		t.Fatal(err)
	}
	issues, code, stderr = runGolangciLint(t, gcl, repo, cache)
	if code != 1 || !hasIssue(issues, "services/orders/orders.go:8", "syncclient: ", "orders calls billing synchronously") {
		t.Fatalf("after docker-compose pointed NOTIFY_URL at billing: exit %d, want 1 and a syncclient issue (a stale cached result?); issues:\n%s\nstderr:\n%s",
			code, list(issues), stderr)
	}
}
