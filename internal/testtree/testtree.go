// Package testtree writes and copies directory trees for tests: the fixture
// monorepos that end-to-end tests run couplingvet, go vet, golangci-lint and
// pre-commit on are copied to a temporary directory first, so that a test
// may edit them. Download fetches the real modules a fixture imports.
package testtree

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Copy copies the tree at src into dst (created if missing, with its
// parents) and returns dst. src may be a single file; dst is then its copy.
func Copy(t testing.TB, src, dst string) string {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// WriteFile writes content to path, creating its directory.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Write writes files (slash-separated path relative to root -> content)
// under root and returns root.
func Write(t testing.TB, root string, files map[string]string) string {
	t.Helper()
	for name, content := range files {
		WriteFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	return root
}

// Download fetches the modules that the fixture module at dir imports,
// through the module proxy the environment configures, and checks them
// against the fixture's go.sum. analysistest loads a fixture with
// GOPROXY=off, so a fixture built on real framework and driver modules
// needs them in the module cache first; once they are, this costs one
// go list.
func Download(t testing.TB, dir string) {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", "{{with .Error}}{{.}}{{end}}", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr // "go: downloading" lines, or why it failed
	out, err := cmd.Output()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("downloading the modules of %s: %v\n%s%s", dir, err, out, stderr.Bytes())
	}
}
