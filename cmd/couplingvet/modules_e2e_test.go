package main

import (
	"os"
	"path/filepath"
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
