package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/deploy"
)

// generate writes a tree of the given size into a fresh directory.
func generate(t *testing.T, size string, seed uint64, work bool) (string, *manifest) {
	t.Helper()
	sh, err := shapeFor(size, work)
	if err != nil {
		t.Fatal(err)
	}
	return generateShape(t, sh, size, seed)
}

func generateShape(t *testing.T, sh shape, size string, seed uint64) (string, *manifest) {
	t.Helper()
	return generateDeps(t, sh, size, seed, depsStandin)
}

// generateDeps writes a tree with the given dependencies; a heavy tree's
// go.mod is not resolved (resolveModules is not run).
func generateDeps(t *testing.T, sh shape, size string, seed uint64, deps string) (string, *manifest) {
	t.Helper()
	tr := plan(sh, seed)
	tr.size = size
	if err := tr.useDeps(deps); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	man, err := write(dir, tr)
	if err != nil {
		t.Fatal(err)
	}
	return dir, man
}

// goCmd runs the go command offline in dir.
func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}

// The small tree vets cleanly, offline: the generated code (tests
// included) is valid Go, and the planted coupling is the only thing wrong
// with it. go vet compiles what it vets, so this also proves it builds.
func TestSmallTreeVets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated tree")
	}
	dir, _ := generate(t, "small", 1, false)
	goCmd(t, dir, "vet", "./...")
}

// The workspace layout builds with the "work" pattern (a go.work root
// without go.mod rejects ./...). A tiny tree keeps the test fast: the
// layout, not the size, is under test.
func TestWorkspaceBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated tree")
	}
	dir, man := generateShape(t, shape{services: 3, pkgsPerService: 3, filesPerPkg: 3, shared: 2, workspace: true}, "tiny", 1)
	if man.Modules != 5 {
		t.Errorf("tree has %d modules, want 5 (3 services, pkg, api)", man.Modules)
	}
	goCmd(t, dir, "build", "work")
}

// Every planted violation points at the line that does what it says.
func TestPlantedLines(t *testing.T) {
	kinds := map[string]int{}
	for seed := uint64(1); seed <= 3; seed++ {
		checkPlantedLines(t, seed, kinds)
	}
	for _, k := range []string{"import", "sql", "http", "grpc", "env-http", "env-sql", "config-http", "config-sql"} {
		if kinds[k] < 3 {
			t.Errorf("3 small trees have %d planted %s violations, want at least 3", kinds[k], k)
		}
	}
}

func checkPlantedLines(t *testing.T, seed uint64, kinds map[string]int) {
	dir, man := generate(t, "small", seed, false)
	if man.Packages != 106 {
		t.Errorf("small tree has %d packages, want 106", man.Packages)
	}
	if perPkg := man.Lines / man.Packages; perPkg < 250 || perPkg > 400 {
		t.Errorf("small tree has %d lines per package, want about 300", perPkg)
	}
	for _, v := range man.Violations {
		kinds[v.Kind]++
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(v.File)))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if v.Line < 1 || v.Line > len(lines) {
			t.Errorf("%s:%d: line out of range", v.File, v.Line)
			continue
		}
		line := lines[v.Line-1]
		var want string
		switch v.Kind {
		case "import":
			want = `"` + modulePath + "/services/" + v.To + "/"
		case "sql":
			want = "@" + v.To + ":5432/"
		case "http":
			want = "http.Get("
		case "grpc":
			want = ".New" + exported(v.To) + "ServiceClient(cc)"
		case "env-http":
			want = "http.Get(base + "
		case "env-sql":
			want = `sql.Open("postgres", os.Getenv("` + reportingEnv + `"))`
		case "config-http":
			want = "http.Get(c.Upstreams." + exported(v.To) + ".Endpoint + "
		case "config-sql":
			want = `sql.Open("postgres", c.Reporting.DataSource)`
		default:
			t.Errorf("%s:%d: unknown kind %q", v.File, v.Line, v.Kind)
			continue
		}
		if !strings.Contains(line, want) {
			t.Errorf("%s:%d: planted %s %s→%s, but the line is %q (want it to contain %q)", v.File, v.Line, v.Kind, v.From, v.To, line, want)
		}
		if v.From == v.To || strings.TrimSuffix(v.To, "-db") == v.From {
			t.Errorf("%s:%d: planted coupling of %s with itself", v.File, v.Line, v.From)
		}
		if !strings.HasPrefix(v.File, "services/"+v.From+"/") {
			t.Errorf("%s:%d: planted from %s in a file it does not own", v.File, v.Line, v.From)
		}
	}
}

// Every kind is planted at least once even in a tree too small for the
// shares to produce one.
func TestEveryKindPlanted(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		tr := plan(shape{services: 2, pkgsPerService: 3, filesPerPkg: 2, shared: 1}, seed)
		kinds := map[string]bool{}
		for _, ps := range tr.private {
			for _, p := range ps {
				if len(p.cross) > 0 {
					kinds["import"] = true
				}
				for _, c := range p.calls {
					kinds[c.kind] = true
				}
			}
		}
		if len(kinds) != 4+len(deployedKinds) {
			t.Errorf("seed %d: planted kinds %v, want import, sql, http, grpc and the env-* and config-* kinds", seed, kinds)
		}
	}
}

// No file of any package of any size is written twice: package names are
// numbered once the words run out ("cache2"), and must not clash with the
// templated files' names.
func TestFileNamesUnique(t *testing.T) {
	for size, sh := range map[string]shape{"medium": shapes["medium"], "large": shapes["large"], "work": largeWorkspace} {
		for _, p := range plan(sh, 1).pkgs {
			names := map[string]bool{p.name + ".go": true, "remote.go": true, p.name + "_test.go": true}
			for k, kind := range p.kinds {
				name := kindFile(fileKinds[kind], k)
				if names[name] {
					t.Fatalf("%s: package %s has two files named %s", size, p.dir, name)
				}
				names[name] = true
			}
		}
	}
}

// The same seed gives the same tree; another seed gives another.
func TestDeterministic(t *testing.T) {
	a, _ := generate(t, "small", 3, false)
	b, _ := generate(t, "small", 3, false)
	c, _ := generate(t, "small", 4, false)
	// The depguard globs are anchored at the root, which differs.
	skip := map[string]bool{".golangci.depguard.yml": true}
	if diff := compareTrees(t, a, b, skip); diff != "" {
		t.Errorf("seed 3 twice: trees differ: %s", diff)
	}
	if diff := compareTrees(t, a, c, skip); diff == "" {
		t.Error("seeds 3 and 4 give identical trees")
	}
}

func compareTrees(t *testing.T, a, b string, skip map[string]bool) string {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if skip[rel] {
				return nil
			}
			data, err := os.ReadFile(p)
			m[rel] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	fa, fb := files(a), files(b)
	for name, data := range fa {
		if other, ok := fb[name]; !ok {
			return name + " only in the first"
		} else if !bytes.Equal(data, other) {
			return name + " differs"
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			return name + " only in the second"
		}
	}
	return ""
}

// No service name is a prefix of another: depguard matches import paths by
// prefix, and the comparison must deny exactly what couplingvet reports.
func TestServiceNamesArePrefixFree(t *testing.T) {
	if len(serviceNames) < shapes["large"].services {
		t.Fatalf("%d service names for %d services", len(serviceNames), shapes["large"].services)
	}
	for i, a := range serviceNames {
		for j, b := range serviceNames {
			if i != j && strings.HasPrefix(b, a) {
				t.Errorf("service %q is a prefix of %q", a, b)
			}
		}
	}
}

// The map names every service with the paths, hosts and database the
// generated code uses, and the depguard rules deny the other services.
func TestConfigs(t *testing.T) {
	dir, man := generate(t, "small", 1, false)
	yaml, err := os.ReadFile(filepath.Join(dir, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  orders:\n    owns: [services/orders]\n    contracts: [api/orders]\n",
		`dsn: ["postgres://*@payments-db:5432/payments*"]`,
		"grpc: [mono.billing.v1.BillingService]",
	} {
		if !bytes.Contains(yaml, []byte(want)) {
			t.Errorf("couplingvet.yaml lacks %q", want)
		}
	}
	dg, err := os.ReadFile(filepath.Join(dir, ".golangci.depguard.yml"))
	if err != nil {
		t.Fatal(err)
	}
	rule := "        orders:\n          list-mode: lax\n          files: [\"" + filepath.ToSlash(dir) + "/services/orders/**\"]\n"
	if !bytes.Contains(dg, []byte(rule)) {
		t.Errorf(".golangci.depguard.yml lacks the orders rule %q", rule)
	}
	// orders denies the 5 other services, each other service denies orders.
	if n := bytes.Count(dg, []byte("- pkg: example.com/mono/services/orders/\n")); n != man.Services-1 {
		t.Errorf("orders' packages are denied in %d rules, want %d", n, man.Services-1)
	}
	var back manifest
	data, err := os.ReadFile(filepath.Join(dir, "planted.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Violations) != len(man.Violations) || back.Touch == "" {
		t.Errorf("planted.json: %d violations and touch %q, want %d and a file", len(back.Violations), back.Touch, len(man.Violations))
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(back.Touch))); err != nil {
		t.Errorf("touch file: %v", err)
	}
}

// The deploy and config files, read by couplingvet's own deploy package,
// give every service a compose and a Kubernetes workload and a config file,
// and hold the address or DSN of every planted env-* and config-* call,
// under keys the map does not list. The unrelated YAML and JSON files are
// neither deploy nor config files.
func TestDeployFiles(t *testing.T) {
	dir, man := generate(t, "small", 1, false)
	tree := deploy.Load(dir, deploy.Options{})
	if len(tree.Problems) > 0 {
		t.Errorf("deploy files have problems: %v", tree.Problems)
	}
	mapText, err := os.ReadFile(filepath.Join(dir, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	workloads := map[string][]deploy.Workload{} // by service
	for _, w := range tree.Workloads() {
		workloads[w.Name] = append(workloads[w.Name], w)
	}
	for _, svc := range serviceNames[:man.Services] {
		kinds := map[string]bool{}
		for _, w := range workloads[svc] {
			kinds[w.Kind] = true
			if got, want := w.Env[databaseEnv(svc)].Value, ownDSN(svc); got != want {
				t.Errorf("%s (%s): %s = %q, want %q", w.File, svc, databaseEnv(svc), got, want)
			}
		}
		if !kinds["compose"] || !kinds["kubernetes"] {
			t.Errorf("service %s has workloads of kinds %v, want compose and kubernetes", svc, kinds)
		}
		if f := tree.ConfigFile("services/" + svc + "/etc/" + svc + ".yaml"); f == nil {
			t.Errorf("service %s has no config file", svc)
		} else if dsn, _, _ := f.Lookup([][]string{{"database"}, {"dataSource"}}); dsn != ownDSN(svc) {
			t.Errorf("%s: database.dataSource = %q, want %q", f.Path, dsn, ownDSN(svc))
		}
	}
	var deployed int
	for _, v := range man.Violations {
		var key string
		var wantCompose bool
		switch v.Kind {
		case "env-http":
			key, wantCompose = endpointEnv(v.To), true
		case "env-sql":
			key = reportingEnv // only in the Kubernetes ConfigMap
		case "config-http", "config-sql":
			deployed++
			f := tree.ConfigFile("services/" + v.From + "/etc/" + v.From + ".yaml")
			path := [][]string{{"upstreams"}, {v.To}, {"endpoint"}}
			want := "http://" + v.To + ":8080"
			if v.Kind == "config-sql" {
				path, want = [][]string{{"reporting"}, {"dataSource"}}, reportingDSN(strings.TrimSuffix(v.To, "-db"))
			}
			if got, _, _ := f.Lookup(path); got != want {
				t.Errorf("%s:%d (%s): the config file holds %q, want %q", v.File, v.Line, v.Kind, got, want)
			}
			continue
		default:
			continue
		}
		deployed++
		if bytes.Contains(mapText, []byte(key)) {
			t.Errorf("%s:%d: the map lists %s: couplingvet would not need the deploy files", v.File, v.Line, key)
		}
		host := strings.TrimSuffix(v.To, "-db")
		for _, w := range workloads[v.From] {
			s, ok := w.Env[key]
			switch {
			case w.Kind == "compose" && !wantCompose:
				if ok {
					t.Errorf("%s: %s sets %s, want it only in the ConfigMap", w.File, v.From, key)
				}
			case !ok || s.Unknown != "":
				t.Errorf("%s (%s): %s unset or unknown (%s), want an address of %s", w.File, v.From, key, s.Unknown, v.To)
			case !strings.Contains(s.Value, "@"+host+"-db:5432/") && !strings.Contains(s.Value, "//"+host+":8080") && !strings.Contains(s.Value, "//"+host+".mono.svc.cluster.local:8080"):
				t.Errorf("%s (%s): %s = %q, want an address of %s", w.File, v.From, key, s.Value, v.To)
			}
		}
	}
	if deployed < len(deployedKinds) {
		t.Errorf("%d planted env-* and config-* violations, want at least %d", deployed, len(deployedKinds))
	}
	for _, rel := range []string{"api/orders/v1/orders.swagger.json", "web/package.json", "buf.yaml", "docker-compose.yml", "deploy/k8s/orders.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		if tree.ConfigFile(rel) != nil {
			t.Errorf("%s is read as a config file", rel)
		}
	}
}
