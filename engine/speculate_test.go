package engine

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/couplingvet/couplingvet/internal/testtree"
)

// TestGuessFrontier guesses the frontier of a workspace of two modules,
// one with a nested module that is not the workspace's: only what the
// non-test files that the build would compile import from outside the
// workspace's modules.
func TestGuessFrontier(t *testing.T) {
	root := testtree.Write(t, t.TempDir(), map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.22\n",
		"app/main.go": `package main

import (
	"fmt"
	"unsafe"

	"example.com/app/internal/store"
	"example.com/lib"
	"google.golang.org/grpc"
)

var _ = unsafe.Sizeof(0)

func main() { fmt.Println(store.X, lib.Y, grpc.Version) }
`,
		"app/internal/store/store.go":         "package store\n\nimport \"database/sql\"\n\nvar X *sql.DB\n",
		"app/internal/store/store_test.go":    "package store\n\nimport \"github.com/stretchr/testify/assert\"\n\nvar _ = assert.True\n",
		"app/internal/store/store_windows.go": "package store\n\nimport \"golang.org/x/sys/windows\"\n\nvar _ = windows.Handle(0)\n",
		"app/internal/store/tagged.go":        "//go:build extra\n\npackage store\n\nimport \"net/http\"\n\nvar _ = http.Get\n",
		"app/internal/store/ignored.go":       "//go:build ignore\n\npackage main\n\nimport \"os/exec\"\n\nvar _ = exec.Command\n",
		"app/internal/store/cgo.go":           "package store\n\n// int one() { return 1; }\nimport \"C\"\n\nvar _ = C.one\n",
		"app/testdata/fixture/f.go":           "package fixture\n\nimport \"example.com/fixture/dep\"\n\nvar _ = dep.X\n",
		"app/_old/old.go":                     "package old\n\nimport \"example.com/old/dep\"\n\nvar _ = dep.X\n",
		"app/tools/go.mod":                    "module example.com/app/tools\n\ngo 1.22\n",
		"app/tools/tools.go":                  "package tools\n\nimport \"golang.org/x/tools/cmd/stringer\"\n",
		"lib/go.mod":                          "module example.com/lib\n\ngo 1.22\n",
		"lib/lib.go":                          "package lib\n\nimport \"strings\"\n\nvar Y = strings.ToUpper(\"y\")\n",
	})
	gomods := []string{filepath.Join(root, "app", "go.mod"), filepath.Join(root, "lib", "go.mod")}
	env := []string{"GOOS=linux", "GOARCH=amd64", "CGO_ENABLED=1", "GOFLAGS=-mod=readonly -tags=extra"}
	for _, tc := range []struct {
		dir      string
		patterns []string
		want     []string
	}{
		{"app", []string{"./..."}, []string{"database/sql", "fmt", "google.golang.org/grpc", "net/http"}},
		{"app", []string{"."}, []string{"fmt", "google.golang.org/grpc"}},
		{"app", []string{"./internal/..."}, []string{"database/sql", "net/http"}},
		{"app", []string{"./internal/store", "../lib"}, []string{"database/sql", "net/http", "strings"}},
		{"", []string{"work"}, []string{"database/sql", "fmt", "google.golang.org/grpc", "net/http", "strings"}},
	} {
		got, ok := guessFrontier(filepath.Join(root, tc.dir), tc.patterns, gomods, env)
		if !ok || !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: guessed %q, %v; want %q", tc.dir, tc.patterns, got, ok, tc.want)
		}
	}

	// Without the tag, the tagged file is not built; for Windows, the
	// Windows file is.
	got, _ := guessFrontier(filepath.Join(root, "app"), []string{"./internal/..."}, gomods, []string{"GOOS=windows", "GOFLAGS="})
	if want := []string{"database/sql", "golang.org/x/sys/windows"}; !slices.Equal(got, want) {
		t.Errorf("GOOS=windows, no tags: guessed %q, want %q", got, want)
	}

	// Patterns the guess does not read.
	for _, patterns := range [][]string{{"example.com/app/..."}, {"all"}, {"./.../store"}, {"./...", "std"}} {
		if got, ok := guessFrontier(filepath.Join(root, "app"), patterns, gomods, env); ok {
			t.Errorf("%q: guessed %q, want no guess", patterns, got)
		}
	}
	if got, ok := guessFrontier(filepath.Join(root, "app"), []string{"./..."}, nil, env); ok {
		t.Errorf("no go.mod known: guessed %q, want no guess", got)
	}
}

func TestFlagTags(t *testing.T) {
	for _, tc := range []struct {
		goflags string
		want    []string
	}{
		{"", nil},
		{"-mod=mod", nil},
		{"-tags=a,b -mod=mod", []string{"a", "b"}},
		{"--tags=a", []string{"a"}},
		{"-tags=a -tags=b,,c", []string{"b", "c"}},
		{"-tags=", nil},
	} {
		if got := flagTags(tc.goflags); !slices.Equal(got, tc.want) {
			t.Errorf("flagTags(%q) = %q, want %q", tc.goflags, got, tc.want)
		}
	}
}
