package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// deployEdit is a call whose address only docker-compose knows: shipping
// notifies whoever NOTIFY_URL names.
const notifyGo = `package shipping

import (
	"net/http"
	"os"
)

func notify() { http.Post(os.Getenv("NOTIFY_URL"), "text/plain", nil) }
`

func composeWith(notifyURL string) string {
	return "services:\n  shipping:\n    build: ./services/shipping\n    environment:\n      NOTIFY_URL: " + notifyURL + "\n"
}

const notifyFinding = "services/shipping/notify.go:8:17: shipping calls inventory synchronously (http POST $NOTIFY_URL, address from docker-compose.yml:5)"

// TestDeployFileEdits proves that the deploy files are part of every cache
// key: editing docker-compose.yml changes the next standalone run (with
// its result cache) and the next go vet run (with go's), though no Go file
// and no map changed.
func TestDeployFileEdits(t *testing.T) {
	dir := copyTree(t, shopDir)
	writeFile(t, filepath.Join(dir, "services", "shipping", "notify.go"), notifyGo)
	compose := filepath.Join(dir, "docker-compose.yml")

	writeFile(t, compose, composeWith("http://inventory:8080/v1/notify"))
	checkEditDropsFinding(t, dir, notifyFinding, func() {
		writeFile(t, compose, composeWith("https://hooks.example.com/notify"))
	})
}

// checkEditDropsFinding checks that standalone couplingvet (with its result
// cache) and go vet (with go's) report finding, and neither does after
// edit: a stale cached result would keep it.
func checkEditDropsFinding(t *testing.T, dir, finding string, edit func()) {
	t.Helper()
	file, _, _ := strings.Cut(finding, ":")
	if r := couplingvet(t, dir); !hasPrefixLine(findingLines(r.stdout), finding) {
		t.Fatalf("standalone: %s is missing:\n%s", finding, r.stdout)
	}
	if r := goVet(t, dir, "./..."); !hasPrefixLine(findingLines(r.stderr), finding) {
		t.Fatalf("go vet: %s is missing:\n%s", finding, r.stderr)
	}
	edit()
	if r := couplingvet(t, dir); hasPrefixLine(findingLines(r.stdout), file) {
		t.Errorf("standalone after the edit: a stale cached result:\n%s", r.stdout)
	}
	if r := goVet(t, dir, "./..."); hasPrefixLine(findingLines(r.stderr), file) {
		t.Errorf("go vet after the edit: a stale cached result:\n%s", r.stderr)
	}
}

func hasPrefixLine(lines []string, prefix string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
}

// A config field whose value is in a file that no service's directories
// hold: only cmd/shipping's loader call makes it shipping's.
const (
	hooksGo = `package settings

type Settings struct {
	Hooks struct {
		URL string ` + "`json:\"url\"`" + `
	} ` + "`json:\"hooks\"`" + `
}
`
	hookGo = `package shipping

import (
	"net/http"

	"example.com/shop/services/shipping/settings"
)

func hook(s settings.Settings) { http.Post(s.Hooks.URL, "text/plain", nil) }
`
	hookFinding = "services/shipping/hook.go:9:34: shipping calls inventory synchronously (http POST {settings.Settings.Hooks.URL}, address from config/hooks-a.json:1)"
)

func loaderGo(file string) string {
	return "package main\n\nimport \"os\"\n\nfunc init() { os.ReadFile(\"config/" + file + "\") }\n"
}

// TestLoaderEdits proves that what the Go code loads is part of every
// cache key: pointing cmd/shipping's loader at another file changes the
// next result for services/shipping, a package that does not import
// cmd/shipping and whose own files did not change.
func TestLoaderEdits(t *testing.T) {
	dir := copyTree(t, shopDir)
	for _, d := range []string{"services/shipping/settings", "config"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "services", "shipping", "settings", "settings.go"), hooksGo)
	writeFile(t, filepath.Join(dir, "services", "shipping", "hook.go"), hookGo)
	writeFile(t, filepath.Join(dir, "config", "hooks-a.json"), `{"hooks": {"url": "http://inventory:8080/v1/hooks"}}`)
	writeFile(t, filepath.Join(dir, "config", "hooks-b.json"), `{"hooks": {"url": "https://hooks.example.com/v1"}}`)
	loader := filepath.Join(dir, "cmd", "shipping", "config.go")

	writeFile(t, loader, loaderGo("hooks-a.json"))
	checkEditDropsFinding(t, dir, hookFinding, func() { writeFile(t, loader, loaderGo("hooks-b.json")) })
}
