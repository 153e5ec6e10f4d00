package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/couplingvet/couplingvet/boundaries"
)

// tree writes files (path → content; a path ending in "/" is a directory)
// into a fresh directory and loads its couplingvet.yaml.
func tree(t *testing.T, files map[string]string) (*boundaries.Map, string) {
	t.Helper()
	t.Setenv("GOWORK", "")
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := boundaries.Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return m, root
}

// rulesOf generates the rules and replaces the root in file globs with ROOT
// and deny descriptions with the denied service's name.
func rulesOf(t *testing.T, m *boundaries.Map, root string) []rule {
	t.Helper()
	rules, err := generate(m, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for i := range rules {
		for j, f := range rules[i].Files {
			rules[i].Files[j] = strings.Replace(f, filepath.ToSlash(root), "ROOT", 1)
		}
		for j, d := range rules[i].Deny {
			rules[i].Deny[j].Desc, _, _ = strings.Cut(d.Desc, "'")
		}
	}
	return rules
}

func denies(svcPkgs ...string) []deny {
	var out []deny
	for i := 0; i < len(svcPkgs); i += 2 {
		out = append(out, deny{svcPkgs[i+1] + "$", svcPkgs[i]}, deny{svcPkgs[i+1] + "/", svcPkgs[i]})
	}
	return out
}

func prefixes(pkgs ...string) []string {
	var out []string
	for _, p := range pkgs {
		out = append(out, p+"$", p+"/")
	}
	return out
}

// One module: contracts inside their services' directories are allowed
// prefixes inside the denied ones, a directory of orders that the map gives
// to billing is denied to orders and a hole in orders' files, an allow rule
// without a target drops a pair, and a module nested in a service's
// directory is denied by its own module path.
func TestOneModule(t *testing.T) {
	m, root := tree(t, map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.22\n",
		"couplingvet.yaml": `version: 1
shared: [pkg]
services:
  orders:
    owns: [services/orders]
    contracts: [services/orders/api]
  billing:
    owns: [services/billing, services/orders/legacy]
  audit:
    owns: [services/audit]
allow:
  - {from: audit, to: billing, check: crossimport, reason: "reads invoices until the API exists"}
`,
		"pkg/log/":                     "",
		"services/orders/api/":         "",
		"services/orders/legacy/":      "",
		"services/orders/tools/go.mod": "module example.com/ordertools\n\ngo 1.22\n",
		"services/billing/":            "",
		"services/audit/":              "",
	})
	rules := rulesOf(t, m, root)
	want := []rule{
		{
			// audit may import billing, whose legacy directory lies in orders'.
			Name:  "audit",
			Files: []string{"ROOT/services/audit/**"},
			Allow: prefixes("example.com/shop/services/orders/api", "example.com/shop/services/orders/legacy"),
			Deny:  denies("orders", "example.com/ordertools", "orders", "example.com/shop/services/orders"),
		},
		{
			Name:  "billing",
			Files: []string{"ROOT/services/billing/**", "ROOT/services/orders/legacy/**"},
			Allow: prefixes("example.com/shop/services/orders/api", "example.com/shop/services/orders/legacy"),
			Deny: denies("orders", "example.com/ordertools", "audit", "example.com/shop/services/audit",
				"orders", "example.com/shop/services/orders"),
		},
		{
			Name:  "orders",
			Files: []string{"ROOT/services/orders/**", "!ROOT/services/orders/legacy/**"},
			Deny: denies("audit", "example.com/shop/services/audit", "billing", "example.com/shop/services/billing",
				"billing", "example.com/shop/services/orders/legacy"),
		},
		{
			Name:  sharedRule,
			Files: []string{"ROOT/pkg/**"},
			Allow: prefixes("example.com/shop/services/orders/api"),
			// legacy is denied inside orders, denied too: not listed.
			Deny: denies("orders", "example.com/ordertools", "audit", "example.com/shop/services/audit",
				"billing", "example.com/shop/services/billing", "orders", "example.com/shop/services/orders"),
		},
	}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules:\n%s\nwant:\n%s", dump(rules), dump(want))
	}
}

// A go.work of one module per service, contracts in the shared module:
// every path is its own module's, and a contract outside its service's
// directory is that service's file but not an exception to any denial.
func TestWorkspace(t *testing.T) {
	m, root := tree(t, map[string]string{
		"go.work":                 "go 1.22\n\nuse (\n\t./common\n\t./feeder\n\t./gateway\n)\n",
		"common/go.mod":           "module common\n\ngo 1.22\n",
		"feeder/go.mod":           "module feeder\n\ngo 1.22\n",
		"gateway/go.mod":          "module gateway\n\ngo 1.22\n",
		"common/rpc/feedservice/": "",
		"couplingvet.yaml": `version: 1
shared: [common]
services:
  gateway:
    owns: [gateway]
  feeder:
    owns: [feeder]
    contracts: [common/rpc/feedservice]
`,
	})
	rules := rulesOf(t, m, root)
	want := []rule{
		{Name: "feeder", Files: []string{"ROOT/common/rpc/feedservice/**", "ROOT/feeder/**"}, Deny: denies("gateway", "gateway")},
		{Name: "gateway", Files: []string{"ROOT/gateway/**"}, Deny: denies("feeder", "feeder")},
		{
			Name:  sharedRule,
			Files: []string{"ROOT/common/**", "!ROOT/common/rpc/feedservice/**"},
			Deny:  denies("feeder", "feeder", "gateway", "gateway"),
		},
	}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules:\n%s\nwant:\n%s", dump(rules), dump(want))
	}
	dirs, err := moduleDirs(m)
	if err != nil || !reflect.DeepEqual(dirs, []string{"common", "feeder", "gateway"}) {
		t.Errorf("moduleDirs = %q, %v; want the go.work's", dirs, err)
	}
}

// Nesting that one depguard list cannot express gets rules of its own: a
// region of a service inside someone else's directory inside its own (the
// outer rule's negated glob excludes it), and a denied directory inside an
// allowed one inside a denied one (depguard compares an import with the one
// prefix of a list that sorts just before it, so b/x/a/ in the list of b/
// would hide b/ from b/z).
func TestNesting(t *testing.T) {
	m, root := tree(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"couplingvet.yaml": `version: 1
services:
  a:
    owns: [a, a/b/a, b/x/a]
  b:
    owns: [b, a/b]
    contracts: [b/x]
  c:
    owns: [c]
`,
		"a/b/a/": "",
		"b/x/a/": "",
		"c/":     "",
	})
	rules := rulesOf(t, m, root)
	const p = "example.com/m/"
	aDeny := denies("b", p+"a/b", "b", p+"b", "c", p+"c")
	aAllow := prefixes(p+"a/b/a", p+"b/x")
	want := []rule{
		{Name: "a", Files: []string{"ROOT/a/**", "!ROOT/a/b/**", "ROOT/b/x/a/**"}, Allow: aAllow, Deny: aDeny},
		{Name: "a (2)", Files: []string{"ROOT/a/b/a/**"}, Allow: aAllow, Deny: aDeny},
		// b: a/b/a is denied inside b's own a/b inside a's denied a.
		{Name: "b", Files: []string{"ROOT/a/b/**", "!ROOT/a/b/a/**", "ROOT/b/**", "!ROOT/b/x/a/**"}, Allow: prefixes(p + "a/b"), Deny: denies("a", p+"a", "a", p+"b/x/a", "c", p+"c")},
		{Name: "b (2)", Files: []string{"ROOT/a/b/**", "!ROOT/a/b/a/**", "ROOT/b/**", "!ROOT/b/x/a/**"}, Deny: denies("a", p+"a/b/a")},
		// c: everything under a is denied (a's, then b's, then a's again);
		// b/x/a is denied inside b's contract b/x inside b's private b.
		{Name: "c", Files: []string{"ROOT/c/**"}, Allow: prefixes(p + "b/x"), Deny: denies("a", p+"a", "b", p+"b")},
		{Name: "c (2)", Files: []string{"ROOT/c/**"}, Deny: denies("a", p+"b/x/a")},
	}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules:\n%s\nwant:\n%s", dump(rules), dump(want))
	}
}

func dump(rules []rule) string {
	var b strings.Builder
	for _, r := range rules {
		b.WriteString(r.Name + "\n  files: " + strings.Join(r.Files, " ") + "\n  allow: " + strings.Join(r.Allow, " ") + "\n  deny:")
		for _, d := range r.Deny {
			b.WriteString(" " + d.Pkg + "(" + d.Desc + ")")
		}
		b.WriteString("\n")
	}
	return b.String()
}
