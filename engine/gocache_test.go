package engine_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/engine"
	"github.com/couplingvet/couplingvet/internal/testtree"
)

// TestBuildCacheExportData runs the cached engine, its own cache empty,
// after `go build ./...` filled the build cache (a CI job that builds
// before it lints): it must read the dependencies from the build cache's
// export data, type-checking no package outside the repository, and find
// what a run from source finds. The next run, after an edit, reads them
// from its own cache.
func TestBuildCacheExportData(t *testing.T) {
	dir, opts := builtShop(t)
	ctx := context.Background()
	// The run from source of every package, for reference.
	var source engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	engine.WatchStats(&source)
	want, err := engine.RunFast(ctx, opts, suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Diagnostics) == 0 {
		t.Fatal("the reference found nothing: the comparison would prove nothing")
	}

	var stats engine.Stats
	engine.WatchStats(&stats)
	var served, listed int
	defer engine.WatchExportLists(new(int), new(int))
	engine.WatchExportLists(&served, &listed)
	cache := t.TempDir()
	got, err := engine.RunCached(ctx, opts, cache, "map-digest", suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("own cache empty, build cache warm: %+v", stats)
	compareResults(t, got, want)
	// The go list -export started with the graph's, on the guessed
	// frontier, named every file: none was left to ask for after it.
	if served == 0 || listed != 0 {
		t.Errorf("the guessed frontier's export data served %d packages, %d were listed after the graph: want all served", served, listed)
	}
	// From source, the standard library and gRPC beneath the shop are
	// most of the packages type-checked.
	if !stats.FromExport || stats.Checked*5 > source.Checked {
		t.Errorf("type-checked %d packages (from source: %d), from export data %v: want the dependencies from the build cache's export data",
			stats.Checked, source.Checked, stats.FromExport)
	}

	appendFile(t, filepath.Join(dir, "services/inventory/inventory.go"), "\n// A comment.\n")
	got, err = engine.RunCached(ctx, opts, cache, "map-digest", suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("body edit: %+v", stats)
	compareResults(t, got, want)
	if !stats.FromExport || stats.Checked > 4 {
		t.Errorf("body edit: type-checked %d packages, from export data %v; want at most 4, from export data", stats.Checked, stats.FromExport)
	}
}

// builtShop returns a copy of the example shop, built with go build
// ./... into the user's build cache (shared with the other tests), and the
// options that check it with that cache.
func builtShop(t *testing.T) (string, engine.Options) {
	t.Helper()
	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, t.TempDir())
	opts := engine.Options{Dir: dir, Tests: true, Env: goEnv()}
	build := exec.Command("go", "build", "./...")
	build.Dir, build.Env = dir, opts.Env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, opts
}

// TestSpeculationFallsBack runs the engine as TestBuildCacheExportData
// does, its own cache empty and the build cache warm, with the go list
// -export it started on the guessed frontier made to miss packages, then
// to fail: the run must list what it lacks after the graph, read every
// dependency from export data still, and find what a run from source
// finds.
func TestSpeculationFallsBack(t *testing.T) {
	_, opts := builtShop(t)
	ctx := context.Background()
	want, err := engine.RunFast(ctx, opts, suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	engine.WatchStats(&stats)
	var served, listed int
	defer engine.WatchExportLists(new(int), new(int))
	engine.WatchExportLists(&served, &listed)
	for _, tc := range []struct {
		name       string
		spoil      func(files map[string]string, err error) (map[string]string, error)
		wantServed bool
	}{
		{"missed half", func(files map[string]string, err error) (map[string]string, error) {
			n := 0
			for path := range files {
				if n++; n%2 == 0 {
					delete(files, path)
				}
			}
			return files, err
		}, true},
		{"failed", func(map[string]string, error) (map[string]string, error) {
			return nil, engine.ErrColdBuildCache
		}, false},
	} {
		restore := engine.SpoilSpeculation(tc.spoil)
		served, listed = -1, -1
		got, err := engine.RunCached(ctx, opts, t.TempDir(), "map-digest", suite.Analyzers())
		restore()
		if err != nil {
			t.Fatal(err)
		}
		compareResults(t, got, want)
		if !stats.FromExport || listed <= 0 || (served > 0) != tc.wantServed {
			t.Errorf("%s: served %d, listed %d after the graph, from export data %v; want some listed after the graph, served %v, from export data",
				tc.name, served, listed, stats.FromExport, tc.wantServed)
		}
	}
}

// TestBuildCacheProbeStops asks go list -export for a package whose
// closure a fresh build cache lacks: it must stop go list once it has run
// a few tools, not build the closure, and say so.
func TestBuildCacheProbeStops(t *testing.T) {
	gocache := t.TempDir()
	env := append(goEnv(), "GOCACHE="+gocache)
	_, err := engine.ListExport(context.Background(), t.TempDir(), env, []string{"net/http"})
	if !errors.Is(err, engine.ErrColdBuildCache) {
		t.Fatalf("go list -export on a cold build cache: err = %v, want %v", err, engine.ErrColdBuildCache)
	}
	// net/http's closure is about 200 packages: a build would leave
	// hundreds of entries.
	entries := 0
	filepath.WalkDir(gocache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries++
		}
		return nil
	})
	if entries > 100 {
		t.Errorf("the build cache holds %d entries after the probe was stopped: it went on compiling", entries)
	}
}

func TestCountCommands(t *testing.T) {
	tool := "/usr/local/go/pkg/tool/linux_amd64/"
	var trace strings.Builder
	trace.WriteString("WORK=/tmp/go-build1\nmkdir -p $WORK/b001/\ncat >/tmp/go-build1/b001/importcfg << 'EOF' # internal\npackagefile fmt=/x\nEOF\n")
	for i := range 4 {
		trace.WriteString("cd /src\n" + tool + "compile -o $WORK/b00" + itoa(i) + "/_pkg_.a -p p\n")
	}
	if engine.CountCommands(trace.String()) {
		t.Errorf("4 compilations counted as too many")
	}
	trace.WriteString("gcc -I . -fPIC -c x.c\n")
	if !engine.CountCommands(trace.String()) {
		t.Errorf("5 commands (4 compilations and a C compilation) not counted as too many")
	}
	if engine.CountCommands(strings.Repeat("\t"+tool+"compile -o x\n", 10)) {
		t.Errorf("indented lines (inside a here-document) counted as commands")
	}
}

// TestModuleIndexFollowsTheBuildCache lists the example shop (which
// requires gRPC from the module cache) in build caches of three kinds. A
// fresh one, and one as full as a used cache but of other projects: go
// list must not build the module index there (it would cost more than the
// listing). One where a go command has indexed the shop's modules before
// (as go build does): the run must see it (the key of the index's entry
// is the go command's own, see modindex.go) and let go list read it.
func TestModuleIndexFollowsTheBuildCache(t *testing.T) {
	dir, _ := filepath.Abs("../testdata/shop")
	ctx := context.Background()

	fresh := t.TempDir()
	if err := engine.GoList(ctx, dir, append(goEnv(), "GOCACHE="+fresh), []string{"./..."}); err != nil {
		t.Fatal(err)
	}
	if n := indexEntries(t, fresh); n > 0 {
		t.Errorf("fresh build cache: go list wrote %d module index entries, want none", n)
	}

	other := foreignBuildCache(t)
	env := append(goEnv(), "GOCACHE="+other)
	if engine.ModuleIndexed(ctx, dir, env) {
		t.Errorf("a build cache of other projects counts as holding the shop's module index")
	}
	if err := engine.GoList(ctx, dir, env, []string{"./..."}); err != nil {
		t.Fatal(err)
	}
	if n := indexEntries(t, other); n > 0 {
		t.Errorf("build cache of other projects: go list wrote %d module index entries, want none", n)
	}

	// What go build leaves: the index of every module it read.
	indexed := t.TempDir()
	env = append(goEnv(), "GOCACHE="+indexed)
	list := exec.Command("go", "list", "-deps", "./...")
	list.Dir, list.Env = dir, env
	if out, err := list.CombinedOutput(); err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if indexEntries(t, indexed) == 0 {
		t.Fatal("the go command wrote no module index: nothing to find")
	}
	if !engine.ModuleIndexed(ctx, dir, env) {
		t.Errorf("the shop's modules were indexed, but the run does not see it: go list would go without the index")
	}
}

// TestForeignBuildCacheIsNotAsked runs the engine, its own cache empty,
// with a build cache as full as a used one but filled by other projects
// (it lacks the shop's module index, which a build of the shop leaves):
// the run must not ask go list -export, which would compile until it is
// stopped, and must check from source.
func TestForeignBuildCacheIsNotAsked(t *testing.T) {
	src, _ := filepath.Abs("../testdata/shop")
	dir := testtree.Copy(t, src, t.TempDir())
	gocache := foreignBuildCache(t)
	opts := engine.Options{Dir: dir, Tests: true, Env: append(goEnv(), "GOCACHE="+gocache)}
	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	engine.WatchStats(&stats)
	res, err := engine.RunCached(context.Background(), opts, t.TempDir(), "map-digest", suite.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) == 0 {
		t.Fatal("the run found nothing: it proves nothing")
	}
	if stats.FromExport {
		t.Errorf("the run read export data from a build cache of other projects")
	}
	if n := cacheEntriesStarting(t, gocache, "!<arch>\n", "go object "); n > 0 {
		t.Errorf("the build cache gained %d compiled packages: go list -export was asked", n)
	}
}

// foreignBuildCache returns a build cache that holds as many files as a
// used one, none of them this project's (the go command ignores names it
// did not write).
func foreignBuildCache(t *testing.T) string {
	dir := t.TempDir()
	for i := range 1000 / 16 {
		createFile(t, filepath.Join(dir, fmt.Sprintf("%02x", i%16), fmt.Sprintf("filler-%d", i)), "")
	}
	return dir
}

// indexEntries counts the go command's module index entries in a build
// cache: the files that start with the index's header.
func indexEntries(t *testing.T, gocache string) int {
	return cacheEntriesStarting(t, gocache, "go index ")
}

// cacheEntriesStarting counts the files of a build cache that start with
// one of prefixes.
func cacheEntriesStarting(t *testing.T, gocache string, prefixes ...string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(gocache, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		head := make([]byte, 16)
		k, _ := io.ReadFull(f, head)
		for _, p := range prefixes {
			if strings.HasPrefix(string(head[:k]), p) {
				n++
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func createFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVendoredProjectReadsExportData builds a vendored project and runs
// the engine, its own cache empty: the build read vendor/, which leaves no
// module index to find, and the run must still take the dependencies'
// types from the build cache's export data (the index lookup cannot tell a
// vendored build from none, so it must not count against the cache).
func TestVendoredProjectReadsExportData(t *testing.T) {
	root := t.TempDir()
	proxy := filepath.Join(root, "proxy")
	serveModule(t, proxy, "example.com/extlib", "v1.0.0", map[string]string{
		"go.mod":    "module example.com/extlib\n\ngo 1.22\n",
		"extlib.go": "package extlib\n\nimport \"strings\"\n\n// Limit is how many items a reservation holds.\nfunc Limit(s string) int { return strings.Count(s, \",\") }\n",
	})
	testtree.Write(t, root, map[string]string{
		"app/go.mod":       "module example.com/app\n\ngo 1.22\n\nrequire example.com/extlib v1.0.0\n",
		"app/stock/use.go": "package stock\n\nimport \"example.com/extlib\"\n\nvar Reserved = extlib.Limit(\"a,b\")\n",
	})
	modcache := filepath.Join(root, "modcache")
	t.Cleanup(func() { makeWritable(modcache) })
	// The user's build cache, shared with the other tests: full enough to
	// look warm.
	env := append(goEnv(), "GOPROXY=file://"+filepath.ToSlash(proxy), "GOMODCACHE="+modcache, "GOSUMDB=off", "GONOSUMDB=*")
	dir := filepath.Join(root, "app")
	// go mod tidy and vendor would index extlib in the module cache
	// (a CI job that builds a vendored tree runs neither).
	for _, args := range [][]string{{"mod", "tidy"}, {"mod", "vendor"}, {"build", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = dir, append(env, "GODEBUG=goindex=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	var stats engine.Stats
	defer engine.WatchStats(new(engine.Stats))
	engine.WatchStats(&stats)
	if _, err := engine.RunCached(context.Background(), engine.Options{Dir: dir, Env: env}, t.TempDir(), "map-digest", suite.Analyzers()); err != nil {
		t.Fatal(err)
	}
	if !stats.FromExport {
		t.Errorf("a vendored project built into the build cache did not read its export data: %+v", stats)
	}
}
