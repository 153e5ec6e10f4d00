package main

import (
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
	if r := couplingvet(t, dir); !hasPrefixLine(findingLines(r.stdout), notifyFinding) {
		t.Fatalf("standalone: the call to the address docker-compose gives is missing:\n%s", r.stdout)
	}
	if r := goVet(t, dir, "./..."); !hasPrefixLine(findingLines(r.stderr), notifyFinding) {
		t.Fatalf("go vet: the call to the address docker-compose gives is missing:\n%s", r.stderr)
	}

	writeFile(t, compose, composeWith("https://hooks.example.com/notify"))
	if r := couplingvet(t, dir); hasPrefixLine(findingLines(r.stdout), "services/shipping/notify.go") {
		t.Errorf("standalone after the edit: a stale cached result:\n%s", r.stdout)
	}
	if r := goVet(t, dir, "./..."); hasPrefixLine(findingLines(r.stderr), "services/shipping/notify.go") {
		t.Errorf("go vet after the edit: a stale cached result:\n%s", r.stderr)
	}
}

func hasPrefixLine(lines []string, prefix string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
}
