package main

// End-to-end tests: build the couplingvet binary once and run it as users
// do, standalone and under go vet, on the example monorepos in ../../testdata.
// They need the go command, and the module proxy (GOPROXY as configured)
// once: the examples require the real gRPC module, which is then cached.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/internal/testtree"
)

var (
	binary   string // the couplingvet binary under test
	cacheDir string // its result cache ($COUPLINGVET_CACHE)
)

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "couplingvet-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "couplingvet")
	// One result cache for the whole suite: most runs after the first are
	// served from it, so every expectation also holds for cached results.
	cacheDir = filepath.Join(dir, "cache")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building couplingvet: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

var (
	shopDir      = mustAbs("../../testdata/shop")
	workspaceDir = mustAbs("../../testdata/workspace")
)

func mustAbs(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return abs
}

// shopFindings is the standalone text output on testdata/shop: every line
// is a finding its README explains. The "open the same database" line needs
// the whole repository at once: go vet, which sees one package at a time,
// cannot report it. It is reported once, at the first site, and names both.
const shopFindings = `pkg/reporting/reporting.go:7:2: shared package pkg/reporting imports orders' private package services/orders/store: every service that imports pkg/reporting now depends on orders' internals; move what it needs into shared code or into orders' contract (api/orders), or allow it in couplingvet.yaml with a reason
services/checkout/analytics.go:9:9: checkout and inventory open the same database postgres://analytics-db:5432/analytics, which the map does not declare (checkout at services/checkout/analytics.go:9; inventory at services/inventory/inventory.go:21): shared persistence couples them — give the database to one service (databases[] in the map) and let the others use its API or events, or declare the sharing with an allow rule and a reason
services/checkout/cart/cart.go:7:2: checkout imports orders' private package services/orders/store: checkout now compiles against orders' internals and breaks when orders changes them; import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason
services/checkout/checkout.go:20:27: checkout calls orders synchronously (grpc shop.orders.v1.OrderService via api/orders/v1.NewOrderServiceClient): temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
services/checkout/checkout_test.go:6:2: checkout imports orders' private package services/orders/money: checkout now compiles against orders' internals and breaks when orders changes them; import orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason
services/inventory/inventory.go:15:9: inventory opens orders' database orders-db (postgres://***@orders-db:5432/orders?sslmode=disable, from literal): shared persistence couples inventory to orders' schema, load and outages — own your data: consume orders' events or call its API; or declare the sharing (databases[].shared_with + an allow rule with a reason) in couplingvet.yaml
services/shipping/shipping.go:12:2: shipping reaches orders' private code through shared code (services/shipping -> pkg/reporting -> services/orders/store): shipping depends on orders' internals without importing them; make the shared package depend on orders' contract (api/orders) instead, or allow it in couplingvet.yaml with a reason
services/shipping/shipping.go:20:17: shipping opens payments' database payments-db (from env PAYMENTS_DATABASE_URL): shared persistence couples shipping to payments' schema, load and outages — own your data: consume payments' events or call its API; or declare the sharing (databases[].shared_with + an allow rule with a reason) in couplingvet.yaml
services/shipping/shipping.go:26:15: shipping calls orders synchronously (http GET http://orders:8080/v1/orders/{orderID}): temporal coupling — shipping fails and slows down when orders does; consume orders' events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
services/shipping/shipping.go:33:12: shipping calls inventory synchronously (http GET http://inventory:8080/v1/stock/{sku} via pkg/httpx.GetJSON): temporal coupling — shipping fails and slows down when inventory does; consume inventory's events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
tools/seed/main.go:3:1: warning: package tools/seed is owned by no service, shared or wiring entry of couplingvet.yaml: nobody's boundaries apply to it; add its directory to a service's owns, to shared or to wiring
`

const shopSummary = "couplingvet: 18 packages, 5 services, 10 violations, 1 warning"

// standaloneOnly marks the findings only a whole-repository run can make.
const standaloneOnly = "open the same database"

// workspaceFindings is the output on testdata/workspace, relative to its root.
const workspaceFindings = `billing/invoice/db.go:11:9: billing opens orders' database orders-db (from env ORDERS_DATABASE_URL): shared persistence couples billing to orders' schema, load and outages — own your data: consume orders' events or call its API; or declare the sharing (databases[].shared_with + an allow rule with a reason) in couplingvet.yaml
billing/invoice/invoice.go:9:2: billing imports orders' private package orders/store: billing now compiles against orders' internals and breaks when orders changes them; import orders' contract (orders/api) instead, or allow it in couplingvet.yaml with a reason
`

// env is the environment of every command: free of the caller's settings
// that would change what is loaded.
func env(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "GOFLAGS", "GOWORK", "COUPLINGVET_CONFIG", "COUPLINGVET_CACHE":
			continue
		}
		out = append(out, kv)
	}
	return append(append(out, "GOFLAGS=", "COUPLINGVET_CACHE="+cacheDir), extra...)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, env(), name, args...)
}

// runEnv is run with the environment environ.
func runEnv(t *testing.T, dir string, environ []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = environ
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func couplingvet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, binary, args...)
}

func goVet(t *testing.T, dir string, patterns ...string) result {
	t.Helper()
	return run(t, dir, "go", append([]string{"vet", "-vettool=" + binary}, patterns...)...)
}

func wantCode(t *testing.T, r result, want int) {
	t.Helper()
	if r.code != want {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
}

func wantText(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got:\n%s\nwant:\n%s", what, got, want)
	}
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestStandaloneShop(t *testing.T) {
	r := couplingvet(t, shopDir)
	wantCode(t, r, exitViolations)
	wantText(t, "findings", r.stdout, shopFindings)
	wantText(t, "summary", lastLine(r.stderr), shopSummary)

	// The explicit pattern is the default.
	r2 := couplingvet(t, shopDir, "./...")
	wantText(t, "findings of ./...", r2.stdout, shopFindings)

	// -C runs from elsewhere, with paths relative to the new directory.
	r3 := couplingvet(t, filepath.Dir(shopDir), "-C", "shop")
	wantText(t, "findings with -C", r3.stdout, shopFindings)
}

func TestStandaloneShopWithoutTests(t *testing.T) {
	r := couplingvet(t, shopDir, "-tests=false")
	wantCode(t, r, exitViolations)
	var want []string
	for _, line := range strings.SplitAfter(shopFindings, "\n") {
		if !strings.Contains(line, "_test.go:") {
			want = append(want, line)
		}
	}
	wantText(t, "findings without tests", r.stdout, strings.Join(want, ""))
}

func TestStandaloneSubtree(t *testing.T) {
	// Only the packages named are checked; the summary counts them.
	r := couplingvet(t, shopDir, "./services/checkout/...")
	wantCode(t, r, exitViolations)
	var want []string
	for _, line := range strings.SplitAfter(shopFindings, "\n") {
		// inventory, the other side of the shared analytics database, is not loaded.
		if strings.HasPrefix(line, "services/checkout/") && !strings.Contains(line, standaloneOnly) {
			want = append(want, line)
		}
	}
	wantText(t, "findings", r.stdout, strings.Join(want, ""))
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 2 packages, 5 services, 3 violations")

	// A warning alone does not fail the run.
	r = couplingvet(t, shopDir, "./tools/...")
	wantCode(t, r, exitClean)
	if !strings.Contains(r.stdout, "tools/seed/main.go:3:1: warning: ") {
		t.Errorf("the unowned warning is missing:\n%s", r.stdout)
	}

	// Clean packages exit 0 with an empty report.
	r = couplingvet(t, shopDir, "./services/orders/...", "./api/...")
	wantCode(t, r, exitClean)
	wantText(t, "findings", r.stdout, "")
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 4 packages, 5 services, 0 violations")
}

func TestStandaloneWorkspace(t *testing.T) {
	// At a go.work root without go.mod, no pattern means every module.
	r := couplingvet(t, workspaceDir)
	wantCode(t, r, exitViolations)
	wantText(t, "findings", r.stdout, workspaceFindings)
	wantText(t, "summary", lastLine(r.stderr), "couplingvet: 5 packages, 2 services, 2 violations")

	// ./... matches nothing there: that is an error, never a silent pass.
	r = couplingvet(t, workspaceDir, "./...")
	wantCode(t, r, exitUsage)
	if r.stdout != "" || !strings.Contains(r.stderr, "no packages matched") {
		t.Errorf("./... at a workspace root: stdout %q, stderr %q", r.stdout, r.stderr)
	}

	// Per-module patterns and the work pattern agree with the default.
	for _, args := range [][]string{{"work"}, {"./billing/...", "./orders/...", "./platform/..."}} {
		r = couplingvet(t, workspaceDir, args...)
		wantCode(t, r, exitViolations)
		wantText(t, strings.Join(args, " "), r.stdout, workspaceFindings)
	}

	// From inside one module, the map at the workspace root governs.
	r = couplingvet(t, filepath.Join(workspaceDir, "billing"))
	wantCode(t, r, exitViolations)
	wantText(t, "findings from billing/", r.stdout, regexp.MustCompile(`(?m)^billing/`).ReplaceAllString(workspaceFindings, ""))
}

// findingLines returns the lines of go vet's output that are findings, sorted.
func findingLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if findingLine.MatchString(line) {
			out = append(out, line)
		}
	}
	slices.Sort(out)
	return out
}

var findingLine = regexp.MustCompile(`^\S+\.go:\d+:\d+: `)

// asVet turns standalone text findings into what go vet prints: go vet has
// no severities, so warnings print (and fail) like errors.
// Whole-repository findings are left out.
func asVet(findings string) []string {
	var out []string
	for _, line := range findingLines(strings.ReplaceAll(findings, ": warning: ", ": ")) {
		if !strings.Contains(line, standaloneOnly) {
			out = append(out, line)
		}
	}
	return out
}

func TestGoVetShop(t *testing.T) {
	r := goVet(t, shopDir, "./...")
	wantCode(t, r, 1)
	if got, want := findingLines(r.stderr), asVet(shopFindings); !slices.Equal(got, want) {
		t.Errorf("go vet findings:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(r.stderr, "third_party") || strings.Contains(r.stderr, "GOROOT") {
		t.Errorf("go vet reported outside the module:\n%s", r.stderr)
	}
}

func TestGoVetFromSubdirectory(t *testing.T) {
	services := filepath.Join(shopDir, "services")
	r := goVet(t, services, "./...")
	wantCode(t, r, 1)

	// The map is found by walking up from each package's directory; paths are
	// relative to the go command's directory.
	var want []string
	for _, line := range asVet(shopFindings) {
		if rest, ok := strings.CutPrefix(line, "services/"); ok {
			want = append(want, rest)
		}
	}
	var got []string
	for _, line := range findingLines(r.stderr) {
		if rest, ok := strings.CutPrefix(line, "../"); ok {
			// go vet replays a dependency's cached output from an earlier
			// run in which it was a root (pkg/reporting, imported by
			// shipping); such a line must still be a real finding.
			if !slices.Contains(asVet(shopFindings), rest) {
				t.Errorf("go vet printed a finding outside ./...: %s", line)
			}
			continue
		}
		got = append(got, line)
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet findings from services/:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGoVetWorkspace(t *testing.T) {
	want := findingLines(workspaceFindings)
	for _, patterns := range [][]string{{"work"}, {"./billing/...", "./orders/...", "./platform/..."}} {
		r := goVet(t, workspaceDir, patterns...)
		wantCode(t, r, 1)
		if got := findingLines(r.stderr); !slices.Equal(got, want) {
			t.Errorf("go vet %s:\n got: %q\nwant: %q", strings.Join(patterns, " "), got, want)
		}
	}
	// The go command itself rejects ./... at a workspace root that is not a module.
	r := goVet(t, workspaceDir, "./...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stderr, "does not contain modules listed in go.work") {
		t.Errorf("go vet ./... at the workspace root: %s", r.stderr)
	}
}

// TestGoVetSeesMapEdits proves that go vet's cache does not hide an edited
// map: the tool ID that -V=full reports includes the map's digest.
func TestGoVetSeesMapEdits(t *testing.T) {
	dir := copyTree(t, workspaceDir)
	mapFile := filepath.Join(dir, "couplingvet.yaml")
	original, err := os.ReadFile(mapFile)
	if err != nil {
		t.Fatal(err)
	}
	// Start clean: the cross-module import is allowed, the database check off.
	strict := string(original) + "checks: {shareddb: off}\n"
	allowed := strict + `allow:
  - from: billing
    to: orders
    check: crossimport
    reason: "invoices read orders' store until the order events exist"
`
	writeFile(t, mapFile, allowed)
	idAllowed := couplingvet(t, dir, "-V=full").stdout

	r := goVet(t, dir, "work")
	wantCode(t, r, 0)
	if lines := findingLines(r.stderr); len(lines) > 0 {
		t.Fatalf("go vet reported an allowed import: %q", lines)
	}

	writeFile(t, mapFile, strict) // drop the allow rule
	idStrict := couplingvet(t, dir, "-V=full").stdout
	if idAllowed == idStrict {
		t.Fatalf("-V=full did not change with the map: %s", idStrict)
	}
	r = goVet(t, dir, "work") // no -a: the cache must not replay the clean result
	wantCode(t, r, 1)
	want := []string{"billing/invoice/invoice.go:9:2: billing imports orders' private package orders/store: billing now compiles against orders' internals and breaks when orders changes them; import orders' contract (orders/api) instead, or allow it in couplingvet.yaml with a reason"}
	if got := findingLines(r.stderr); !slices.Equal(got, want) {
		t.Errorf("go vet after the edit:\n got: %q\nwant: %q", got, want)
	}
}

// TestGoVetMapCache proves that go vet's per-package processes share one
// loaded map through the disk cache: the first writes the entry, and a
// later process reads it (the entry is not written again) with the same
// findings.
func TestGoVetMapCache(t *testing.T) {
	dir := copyTree(t, shopDir)
	own := t.TempDir()
	vet := func() result {
		t.Helper()
		// The last value of COUPLINGVET_CACHE wins.
		return runEnv(t, dir, env("COUPLINGVET_CACHE="+own), "go", "vet", "-vettool="+binary, "./...")
	}
	want := asVet(shopFindings)
	r := vet()
	wantCode(t, r, 1)
	if got := findingLines(r.stderr); !slices.Equal(got, want) {
		t.Fatalf("go vet findings:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	entries, _ := filepath.Glob(filepath.Join(own, "maps", "*.map"))
	if len(entries) != 1 {
		t.Fatalf("map cache entries after go vet: %q, want one", entries)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(entries[0], old, old); err != nil {
		t.Fatal(err)
	}

	// An edit makes go vet run the tool again for checkout (and what
	// imports it); those processes must read the entry.
	checkout := filepath.Join(dir, "services", "checkout", "checkout.go")
	src, err := os.ReadFile(checkout)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, checkout, string(src)+"\n// edited\n")
	r = vet()
	wantCode(t, r, 1)
	if got := findingLines(r.stderr); !slices.Equal(got, want) {
		t.Errorf("go vet findings with the cached map:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fi, err := os.Stat(entries[0]); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("the map cache entry was written again (stat: %v, %v): the second run did not read it", fi.ModTime(), err)
	}
}

func TestVersionLine(t *testing.T) {
	r := couplingvet(t, shopDir, "-V=full")
	wantCode(t, r, 0)
	// cmd/go/internal/work/buildid.go: "NAME version devel ... buildID=ID",
	// the ID without "/" so that all of it is the content ID.
	f := strings.Fields(r.stdout)
	if len(f) < 4 || f[1] != "version" || !strings.Contains(f[2], "devel") || !strings.HasPrefix(f[len(f)-1], "buildID=") || strings.Contains(f[len(f)-1], "/") {
		t.Fatalf("-V=full = %q: not what go vet parses", r.stdout)
	}
	// COUPLINGVET_CONFIG names another map: another ID.
	other := filepath.Join(workspaceDir, "couplingvet.yaml")
	cmd := exec.Command(binary, "-V=full")
	cmd.Dir = shopDir
	cmd.Env = env("COUPLINGVET_CONFIG=" + other)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) == r.stdout {
		t.Errorf("-V=full ignores COUPLINGVET_CONFIG: %s", out)
	}

	// go vet forwards only the flags the tool lists: -config and -strict must be there.
	r = couplingvet(t, shopDir, "-flags")
	wantCode(t, r, 0)
	for _, name := range []string{`"Name": "config"`, `"Name": "strict"`} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("-flags lacks %s:\n%s", name, r.stdout)
		}
	}
}

func TestCheckConfig(t *testing.T) {
	r := couplingvet(t, shopDir, "-check-config")
	wantCode(t, r, exitClean)
	wantText(t, "stdout", r.stdout, "couplingvet.yaml: ok: 5 services\n")

	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "services", "orders"), 0o755)
	writeFile(t, filepath.Join(dir, "couplingvet.yaml"), `version: 1
services:
  orders:
    owns: [services/orders]
    owner: team-a
  billing:
    owns: [services/billing]
allow:
  - {from: billing, to: orders, check: crossimport, reason: "legacy", expires: 2020-01-01}
`)
	for _, args := range [][]string{{"-check-config"}, {"-check-config", "couplingvet.yaml"}, {"./..."}} {
		r = couplingvet(t, dir, args...)
		wantCode(t, r, exitUsage)
		// Every error is listed, each with file:line:col and key.
		for _, want := range []string{
			"couplingvet.yaml:5:5: services.orders.owner: unknown key",
			"couplingvet.yaml:7:12: services.billing.owns[0]:",
			"couplingvet.yaml:9:",
		} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("couplingvet %s: stderr lacks %q:\n%s", strings.Join(args, " "), want, r.stderr)
			}
		}
		if !strings.Contains(r.stderr, "expired") {
			t.Errorf("the expired allow rule is not named:\n%s", r.stderr)
		}
	}
}

func TestNoMap(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/nomap\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "x.go"), "package x\n")
	r := couplingvet(t, dir)
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "no boundary map") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

func TestUsage(t *testing.T) {
	r := couplingvet(t, shopDir, "-h")
	wantCode(t, r, exitClean)
	for _, want := range []string{"Exit codes", "-check-config", "-format", "-tests", "-config", "-strict", "go vet -vettool", "-baseline", "-write-baseline", "-strict-baseline", "-graph", "-graph-focus", "Service cycles:", "Baselines:"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("usage lacks %q:\n%s", want, r.stderr)
		}
	}
	r = couplingvet(t, shopDir, "-no-such-flag")
	wantCode(t, r, exitUsage)
	r = couplingvet(t, shopDir, "-format", "xml")
	wantCode(t, r, exitUsage)
	r = couplingvet(t, shopDir, "-version")
	wantCode(t, r, exitClean)
	if !strings.HasPrefix(r.stdout, "couplingvet ") {
		t.Errorf("-version: %q", r.stdout)
	}
}

func TestNothingOutsideTheModule(t *testing.T) {
	// Dependencies and the standard library are never checked or reported.
	r := couplingvet(t, shopDir, "google.golang.org/grpc/...", "net/http")
	wantCode(t, r, exitUsage)
	if r.stdout != "" || !strings.Contains(r.stderr, "no packages matched") {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	r = couplingvet(t, shopDir, "./no/such/dir/...")
	wantCode(t, r, exitUsage)
}

func TestLoadErrorsExit3(t *testing.T) {
	dir := copyTree(t, shopDir)
	writeFile(t, filepath.Join(dir, "services", "inventory", "broken.go"),
		"package inventory\n\nvar broken int = \"not a number\"\n")
	r := couplingvet(t, dir)
	wantCode(t, r, exitLoad)
	for _, want := range []string{
		"couplingvet: example.com/shop/services/inventory: not checked:",
		"broken.go:3:18: cannot use \"not a number\"",
		"couplingvet: example.com/shop/cmd/inventory: not checked:\n\tcrossimport: not analysed: it depends on a package that failed to load or type-check",
		", 3 packages failed to load",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// Findings of the packages that did load are still printed.
	if !strings.Contains(r.stdout, "services/checkout/cart/cart.go:7:2: checkout imports orders' private package") {
		t.Errorf("findings are missing:\n%s", r.stdout)
	}
}

// A third-party module that does not type-check with this Go version (an
// old bytedance/sonic under Kitex) is a warning: the repository's packages
// that import it are still checked, and the exit code is theirs. The
// error's line proves that a dependency's line table, dropped once its
// files are parsed, is rebuilt for the message.
func TestBrokenDependencyIsAWarning(t *testing.T) {
	dir := shopWithBrokenDependency(t, "package broken\n\nvar Version int = \"1.15\"\n\nfunc Name() string { return \"broken\" }\n")
	r := couplingvet(t, dir)
	wantCode(t, r, exitViolations)
	want := "couplingvet: warning: dependency example.com/broken does not load or type-check with go"
	if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, `broken.go:3:19: cannot use "1.15"`) {
		t.Errorf("stderr lacks %q and the first error:\n%s", want, r.stderr)
	}
	if strings.Contains(r.stderr, "not checked") || strings.Contains(r.stderr, "failed to load") {
		t.Errorf("the importers were not checked:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "services/checkout/cart/cart.go:7:2: checkout imports orders' private package") {
		t.Errorf("findings are missing:\n%s", r.stdout)
	}
	// A run that takes everything from its cache, and one after an edit
	// of the importer (which reads the dependency from export data), type-
	// check the broken module no more: they must warn all the same.
	for _, step := range []string{"warm", "importer edited"} {
		if step == "importer edited" {
			appendToFile(t, filepath.Join(dir, "services", "inventory", "uses_broken.go"), "\n// A comment.\n")
		}
		again := couplingvet(t, dir)
		if again.code != r.code || again.stdout != r.stdout || again.stderr != r.stderr {
			t.Errorf("%s: exit %d, stdout and stderr:\n%s\n%s\nwant exit %d and the first run's:\n%s\n%s", step, again.code, again.stdout, again.stderr, r.code, r.stdout, r.stderr)
		}
	}
}

// A third-party package the go command cannot find (a go.sum without its
// module, or, as here, no required module providing it) is a warning too:
// the module that imports it is typed without it, and the repository's
// packages that import that module are checked.
func TestMissingDependencyIsAWarning(t *testing.T) {
	dir := shopWithBrokenDependency(t, "package broken\n\nimport \"example.com/missing\"\n\nfunc Name() string { return missing.Name() }\n")
	r := couplingvet(t, dir)
	wantCode(t, r, exitViolations)
	for _, want := range []string{
		"couplingvet: warning: dependency example.com/missing does not load or type-check with go",
		"no required module provides package example.com/missing",
		"couplingvet: warning: dependency example.com/broken does not load or type-check with go",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "not checked") || strings.Contains(r.stderr, "failed to load") {
		t.Errorf("the importers were not checked:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "services/checkout/cart/cart.go:7:2: checkout imports orders' private package") {
		t.Errorf("findings are missing:\n%s", r.stdout)
	}
	if again := couplingvet(t, dir); again.code != r.code || again.stdout != r.stdout || again.stderr != r.stderr {
		t.Errorf("warm: exit %d, stdout and stderr:\n%s\n%s\nwant exit %d and the first run's:\n%s\n%s", again.code, again.stdout, again.stderr, r.code, r.stdout, r.stderr)
	}
}

// shopWithBrokenDependency copies the shop example and makes inventory
// import example.com/broken, a module replaced by a local directory whose
// one file is src.
func shopWithBrokenDependency(t *testing.T, src string) string {
	t.Helper()
	dir := copyTree(t, shopDir)
	broken := filepath.Join(dir, "deps", "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(broken, "go.mod"), "module example.com/broken\n\ngo 1.26\n")
	writeFile(t, filepath.Join(broken, "broken.go"), src)
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), string(gomod)+"\nrequire example.com/broken v0.0.0\n\nreplace example.com/broken => ./deps/broken\n")
	writeFile(t, filepath.Join(dir, "services", "inventory", "uses_broken.go"),
		"package inventory\n\nimport \"example.com/broken\"\n\nvar dependency = broken.Name()\n")
	return dir
}

func appendToFile(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(data)+text)
}

func TestFormats(t *testing.T) {
	// Violations fail the run in every format.
	for _, format := range []string{"json", "sarif", "github"} {
		r := couplingvet(t, shopDir, "-format", format)
		wantCode(t, r, exitViolations)
		if !strings.Contains(r.stdout, "services/checkout/cart/cart.go") {
			t.Errorf("-format %s lacks a finding:\n%s", format, r.stdout)
		}
	}
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	return testtree.Copy(t, src, filepath.Join(t.TempDir(), filepath.Base(src)))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
