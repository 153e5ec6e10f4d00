package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree writes files (path -> content) below a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// monorepo has a root module, a nested module, and go.mod files the go
// command ignores.
var monorepo = map[string]string{
	"go.mod":                          "module example.com/shop\n",
	"couplingvet.yaml":                "version: 1\n",
	"services/orders/orders.go":       "package orders\n",
	"services/checkout/checkout.go":   "package checkout\n",
	"tools/gen/go.mod":                "module example.com/shop/tools/gen\n",
	"tools/gen/gen.go":                "package gen\n",
	"tools/gen/couplingvet.toml":      "version = 1\n",
	"testdata/fixture/go.mod":         "module fixture\n",
	"vendor/example.com/x/go.mod":     "module example.com/x\n",
	".cache/go.mod":                   "module cache\n",
	"docs/README.md":                  "not go\n",
	"services/orders/internal/db.go":  "package db\n",
	"services/orders/testdata/a.go":   "package a\n",
	"_attic/go.mod":                   "module attic\n",
	"tools/gen/internal/tmpl/tmpl.go": "package tmpl\n",
}

func rel(t *testing.T, root string, dirs []string) []string {
	t.Helper()
	var out []string
	for _, d := range dirs {
		r, err := filepath.Rel(root, d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestModulesOf(t *testing.T) {
	root := tree(t, monorepo)
	tests := []struct {
		files []string
		want  []string
	}{
		{[]string{"services/orders/orders.go"}, []string{"."}},
		{[]string{"services/orders/orders.go", "services/checkout/checkout.go"}, []string{"."}},
		{[]string{"tools/gen/internal/tmpl/tmpl.go"}, []string{"tools/gen"}},
		{[]string{"tools/gen/gen.go", "services/orders/internal/db.go"}, []string{".", "tools/gen"}},
		// The root map governs every module below it; the nested map only its own.
		{[]string{"couplingvet.yaml"}, []string{".", "tools/gen"}},
		{[]string{"tools/gen/couplingvet.toml"}, []string{"tools/gen"}},
		// A file in a directory the go command ignores still belongs to the
		// enclosing module.
		{[]string{"services/orders/testdata/a.go"}, []string{"."}},
		{nil, nil},
	}
	for _, tt := range tests {
		got, err := modulesOf(root, tt.files)
		if err != nil {
			t.Fatal(err)
		}
		if g := rel(t, root, got); !slices.Equal(g, tt.want) {
			t.Errorf("modulesOf(%v) = %v, want %v", tt.files, g, tt.want)
		}
	}
}

func TestModulesOfOutsideAnyModule(t *testing.T) {
	root := tree(t, map[string]string{"go.work": "go 1.26\n", "a/go.mod": "module a\n", "b/b.go": "package b\n"})
	got, err := modulesOf(root, []string{"b/b.go"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("modulesOf(b/b.go) = %v, want none: b is in no module", rel(t, root, got))
	}
	got, _ = modulesOf(root, []string{"go.work"})
	if g := rel(t, root, got); !slices.Equal(g, []string{"a"}) {
		t.Errorf("modulesOf(go.work) = %v, want [a]", g)
	}
	// Deploy files outside every module give values to every module's
	// code; a text file there gives nothing.
	for _, f := range []string{"docker-compose.yml", "deploy/k8s/orders.yaml", ".env"} {
		got, _ = modulesOf(root, []string{f})
		if g := rel(t, root, got); !slices.Equal(g, []string{"a"}) {
			t.Errorf("modulesOf(%s) = %v, want [a]", f, g)
		}
	}
	if got, _ = modulesOf(root, []string{"NOTES.txt"}); len(got) != 0 {
		t.Errorf("modulesOf(NOTES.txt) = %v, want none", rel(t, root, got))
	}
}

func TestModulesBelow(t *testing.T) {
	root := tree(t, monorepo)
	got, err := modulesBelow(root)
	if err != nil {
		t.Fatal(err)
	}
	if g, want := rel(t, root, got), []string{".", "tools/gen"}; !slices.Equal(g, want) {
		t.Errorf("modulesBelow = %v, want %v", g, want)
	}
}

func TestParseArgs(t *testing.T) {
	root := "/repo"
	inv, err := parseArgs([]string{"-all", "-format=json", "-config=maps/cv.yaml", "--baseline=/abs/b.json", "a.go", "--", "-odd.go"}, root)
	if err != nil {
		t.Fatal(err)
	}
	if !inv.all {
		t.Error("-all not recognised")
	}
	if want := []string{"-format=json", "-config=/repo/maps/cv.yaml", "--baseline=/abs/b.json"}; !slices.Equal(inv.flags, want) {
		t.Errorf("flags = %q, want %q", inv.flags, want)
	}
	if want := []string{"a.go", "-odd.go"}; !slices.Equal(inv.files, want) {
		t.Errorf("files = %q, want %q", inv.files, want)
	}
	if _, err := parseArgs([]string{"-config", "cv.yaml", "a.go"}, root); err == nil || !strings.Contains(err.Error(), "-config=VALUE") {
		t.Errorf("parseArgs(-config cv.yaml) error = %v, want one asking for -config=VALUE", err)
	}
}

// fakeCouplingvet puts on $PATH a couplingvet that records its arguments and
// working directory and fails in modules whose directory contains "bad".
func fakeCouplingvet(t *testing.T) (log string) {
	t.Helper()
	bin := t.TempDir()
	log = filepath.Join(bin, "calls")
	script := "#!/bin/sh\necho \"$PWD $*\" >> " + log + "\n" +
		"case \"$PWD\" in *bad*) echo \"x.go:1:1: checkout imports orders' private package\"; exit 1;; esac\n"
	if err := os.WriteFile(filepath.Join(bin, "couplingvet"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

func TestRun(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod": "module r\n", "r.go": "package r\n",
		"bad/go.mod": "module bad\n", "bad/b.go": "package b\n",
	})
	log := fakeCouplingvet(t)
	t.Chdir(root)

	var stdout, stderr bytes.Buffer
	if code := run([]string{"-strict", "r.go"}, &stdout, &stderr); code != 0 {
		t.Errorf("clean module: exit %d, want 0 (stderr %q)", code, stderr.String())
	}
	calls, _ := os.ReadFile(log)
	if want := root + " -strict ./...\n"; string(calls) != want {
		t.Errorf("couplingvet calls = %q, want %q", calls, want)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-all"}, &stdout, &stderr); code != 1 {
		t.Errorf("-all with a violation: exit %d, want 1", code)
	}
	if !strings.Contains(stdout.String(), "checkout imports orders' private package") {
		t.Errorf("couplingvet's message not shown: stdout %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "in module bad:") {
		t.Errorf("stderr %q does not name the nested module", stderr.String())
	}
}

func TestRunWithoutCouplingvet(t *testing.T) {
	root := tree(t, map[string]string{"go.mod": "module r\n", "r.go": "package r\n"})
	t.Setenv("PATH", t.TempDir())
	t.Chdir(root)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"r.go"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr.String(), "couplingvet is not installed") {
		t.Errorf("stderr %q does not say couplingvet is missing", stderr.String())
	}
}

func TestRunNothingStaged(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no couplingvet: it must not be needed
	t.Chdir(tree(t, map[string]string{"README.md": "x\n"}))
	var stdout, stderr bytes.Buffer
	if code := run([]string{"README.md"}, &stdout, &stderr); code != 0 {
		t.Errorf("exit %d, want 0 (stderr %q)", code, stderr.String())
	}
}

// siblings is a repository of one module per service and no go.work: the
// services reach the shared module, and checkout reaches orders' client,
// through replace directives.
var siblings = map[string]string{
	"couplingvet.yaml": `version: 1
shared: [common]
services:
  orders: {owns: [orders]}
  checkout: {owns: [checkout]}
  billing: {owns: [billing]}
`,
	"common/go.mod":        "module example.com/common\n",
	"common/http/http.go":  "package http\n",
	"orders/go.mod":        "module example.com/orders\n\nrequire example.com/common v0.0.0\n\nreplace example.com/common => ../common\n",
	"orders/client/c.go":   "package client\n",
	"checkout/go.mod":      "module example.com/checkout\n\nrequire (\n\texample.com/common v0.0.0\n\texample.com/orders v0.0.0\n)\n\nreplace example.com/orders => ../orders\n\nreplace example.com/common v0.0.0 => ../common\n",
	"checkout/checkout.go": "package checkout\n",
	// billing uses a published version of common: a change to the
	// directory does not reach it.
	"billing/go.mod":     "module example.com/billing\n\nrequire example.com/common v1.2.0\n\nreplace example.com/common => example.com/common-fork v1.2.1\n",
	"billing/billing.go": "package billing\n",
}

func TestRunChecksReplaceDependents(t *testing.T) {
	root := tree(t, siblings)
	log := fakeCouplingvet(t)
	t.Chdir(root)
	for _, tt := range []struct {
		staged []string
		want   []string // module directories couplingvet runs in
	}{
		{[]string{"common/http/http.go"}, []string{"checkout", "common", "orders"}},
		{[]string{"orders/client/c.go"}, []string{"checkout", "orders"}},
		{[]string{"checkout/checkout.go"}, []string{"checkout"}},
		{[]string{"billing/billing.go"}, []string{"billing"}},
	} {
		if err := os.Remove(log); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run(tt.staged, &stdout, &stderr); code != 0 {
			t.Errorf("%v: exit %d, want 0 (stderr %q)", tt.staged, code, stderr.String())
		}
		calls, _ := os.ReadFile(log)
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(string(calls)), "\n") {
			dir, _, _ := strings.Cut(line, " ")
			got = append(got, dir)
		}
		if g := rel(t, root, got); !slices.Equal(g, tt.want) {
			t.Errorf("staged %v: couplingvet ran in %v, want %v", tt.staged, g, tt.want)
		}
	}

	// Without a map, only the modules that hold the staged files.
	if err := os.Remove(filepath.Join(root, "couplingvet.yaml")); err != nil {
		t.Fatal(err)
	}
	os.Remove(log)
	var stdout, stderr bytes.Buffer
	run([]string{"common/http/http.go"}, &stdout, &stderr)
	if calls, _ := os.ReadFile(log); strings.Count(string(calls), "\n") != 1 {
		t.Errorf("without a map: couplingvet calls %q, want one, in common", calls)
	}
}
