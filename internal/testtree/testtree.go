// Package testtree writes and copies directory trees for tests: the fixture
// monorepos that end-to-end tests run couplingvet, go vet, golangci-lint and
// pre-commit on are copied to a temporary directory first, so that a test
// may edit them.
package testtree

import (
	"io/fs"
	"os"
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
