package engine

// Export data from the go command's build cache.
//
// A run whose own cache holds no export data for the frontier (the first
// run in a CI job, whose linter caches were not restored) would type-check
// the whole dependency closure from source: on a go-zero repository, a
// thousand packages for the 56 its code imports. But a CI job has usually
// built the code before it lints it, and then GOCACHE holds the compiler's
// export data of every one of those packages. `go list -export` names the
// files, and the compiler's export data is deep like ours (a package's
// carries every declaration of its dependencies that its API reaches), so
// the frontier's files are all the run needs.
//
// go list -export compiles what the build cache lacks, and compiling the
// closure of a real service takes minutes where type-checking it takes
// seconds. So the run asks only when GOCACHE looks warm and holds the
// module index a build of this project leaves (buildCache.warmFor), watches
// the commands go list runs (-x), and stops it, falling back to source, as
// soon as it has compiled more than a few packages: a build cache filled
// by an older version of this project's dependencies costs a few
// compilations, never a build.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/gcexportdata"
)

// maxCompiles is how many commands (compilations, assembly, cgo) go list
// -export may run before the build cache counts as cold for this run. A
// warm cache needs none; a few test-only dependencies that `go build` did
// not compile need a few.
const maxCompiles = 4

// errColdBuildCache stops go list -export when the build cache lacks too
// much of the closure.
var errColdBuildCache = errors.New("the build cache lacks the dependencies' export data")

// compilerExport reads the types of the frontier packages in missing from
// the build cache's export data, and reports whether the run may go on
// reading the frontier from export data.
//
// Only what `go build` compiles is asked for: the closure of the
// repository's non-test packages. A dependency that only tests import
// (testify, and the parts of the standard library that testing needs) is
// type-checked from source as before, and whatever of the built closure it
// imports is read from export data too, so that both see one package of
// each path. The frontier's export data goes into the run's own cache as
// well: the next run with an edited file reads it there without asking go
// list.
func (r *fastRun) compilerExport(missing []*node) bool {
	built := r.builtClosure()
	var want []*node
	asked := map[*node]bool{}
	ask := func(n *node) {
		if !asked[n] {
			asked[n] = true
			want = append(want, n)
		}
	}
	for _, n := range missing {
		if built[n] {
			ask(n)
		}
	}
	for _, n := range r.nodes {
		if n.repo || built[n] {
			continue
		}
		for _, d := range n.deps {
			if built[d] && d.id != "unsafe" {
				if !r.exportable(d) {
					return false
				}
				ask(d)
			}
		}
	}
	if len(want) == 0 {
		return false
	}
	gocache := r.buildCache()
	if !gocache.warmFor(len(r.nodes)) {
		return false
	}
	files, err := r.exportFiles(want, listEnv(environ(r.opts), gocache))
	if err != nil {
		return false
	}
	data := make([][]byte, len(want))
	if !parallel(len(want), func(i int) bool {
		d, err := readCompilerExport(files[want[i].id])
		data[i] = d
		return err == nil
	}) {
		return false
	}
	parallel(len(want), func(i int) bool {
		n := want[i]
		n.exportData = data[i]
		if n.frontier {
			writeAtomic(r.exportPath(n), data[i]) // a cache that cannot be written only costs time
		}
		return true
	})
	return true
}

// exportFiles returns the build cache's export data files of want, by ID:
// those the run's speculation listed (see speculate.go), and those it
// missed from a go list -export of their own.
func (r *fastRun) exportFiles(want []*node, env []string) (map[string]string, error) {
	files := map[string]string{}
	missed := want
	if s := r.speculation; s != nil {
		guessed, err := s.result()
		if testHookSpeculation != nil {
			guessed, err = testHookSpeculation(guessed, err)
		}
		if err == nil {
			missed = nil
			for _, n := range want {
				if f := guessed[n.id]; f != "" {
					files[n.id] = f
				} else {
					missed = append(missed, n)
				}
			}
		}
	}
	if testHookExportLists != nil {
		testHookExportLists(len(files), len(missed))
	}
	if len(missed) == 0 {
		return files, nil
	}
	more, err := listExport(r.ctx, r.opts, env, missed)
	if err != nil {
		return nil, err
	}
	for _, n := range missed {
		files[n.id] = more[n.id]
	}
	return files, nil
}

// testHookSpeculation, when set by tests, replaces what the speculation
// returned, to stand for a guess that missed packages or failed.
var testHookSpeculation func(files map[string]string, err error) (map[string]string, error)

// testHookExportLists, when set by tests, learns how many of the packages
// compilerExport wanted the speculation served, and how many it listed
// again.
var testHookExportLists func(served, listed int)

// builtClosure returns the packages outside the repository that its
// non-test packages import, directly or not: what `go build ./...`
// compiles.
func (r *fastRun) builtClosure() map[*node]bool {
	built := map[*node]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		for _, d := range n.deps {
			if !d.repo && !built[d] {
				built[d] = true
				walk(d)
			}
		}
	}
	for _, n := range r.nodes {
		if n.repo && n.lp.ForTest == "" && !n.lp.isTestMain() {
			walk(n)
		}
	}
	return built
}

// buildCache is what a run knows of the go command's build cache: where
// it is, about how many files it holds (estimated from a sixteenth of its
// subdirectories: reading them all would cost more than it tells), and
// whether the go command's module index there covers this project.
type buildCache struct {
	dir     string // "" when GOCACHE is off or unknown
	files   int
	indexed bool     // the module index covers the project (see moduleIndexed)
	foreign bool     // it does not, but would if the project had been built here
	gomods  []string // the project's go.mod files (projectGoMods)
}

// buildCache returns the build cache's state, probed once per run (before
// go list, which writes into it).
func (r *fastRun) buildCache() buildCache {
	r.gocacheOnce.Do(func() {
		r.gocache = probeBuildCache(r.ctx, r.opts, environ(r.opts))
	})
	return r.gocache
}

func probeBuildCache(ctx context.Context, opts Options, env []string) buildCache {
	goenv := buildCacheEnv(ctx, opts, env)
	dir := goenv["GOCACHE"]
	if dir == "" || dir == "off" || !filepath.IsAbs(dir) {
		return buildCache{}
	}
	files := 0
	for i := range 16 {
		names, err := os.ReadDir(filepath.Join(dir, fmt.Sprintf("%02x", i)))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return buildCache{}
		}
		files += len(names)
	}
	gomods := projectGoMods(goenv)
	indexed, looked := moduleIndexed(dir, goenv, gomods)
	return buildCache{dir: dir, files: files * 16, indexed: indexed, foreign: looked && !indexed, gomods: gomods}
}

// warmFor reports whether the cache holds about as many files as a build
// of a graph of this many packages leaves (an action and an output each),
// and does not lack the index a build of the project leaves: a fresh cache,
// or one that other projects filled, is not worth asking for export data
// (go list -export would compile, and be stopped).
func (c buildCache) warmFor(packages int) bool {
	return c.dir != "" && c.files >= packages && !c.foreign
}

// buildCacheEnv reads the go command's settings that the build cache
// probe needs (nil when go env fails).
func buildCacheEnv(ctx context.Context, opts Options, env []string) map[string]string {
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOVERSION", "GOMOD", "GOWORK")
	cmd.Dir = opts.Dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	goenv := map[string]string{}
	if json.Unmarshal(out, &goenv) != nil {
		return nil
	}
	return goenv
}

// listExport runs go list -export on the packages of want, and returns
// their export data files by ID. It fails if go list had to run more than
// maxCompiles commands (it is stopped then), or named no file for one of
// them.
func listExport(ctx context.Context, opts Options, env []string, want []*node) (map[string]string, error) {
	paths := make([]string, len(want))
	for i, n := range want {
		paths[i] = n.id
	}
	files, err := listExportFiles(ctx, opts, env, paths, false)
	if err != nil {
		return nil, err
	}
	for _, n := range want {
		if files[n.id] == "" {
			return nil, fmt.Errorf("go list -export: no export data for %s", n.id)
		}
	}
	return files, nil
}

// listExportFiles runs go list -export on paths (with -deps, on their
// closure too), and returns the export data files it named, by import
// path. A path go list cannot load gets none. It fails if go list had to
// run more than maxCompiles commands (it is stopped then).
func listExportFiles(ctx context.Context, opts Options, env []string, paths []string, deps bool) (map[string]string, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	args := []string{"list", "-e", "-export", "-x", "-json=ImportPath,Export"}
	if deps {
		args = append(args, "-deps")
	}
	args = append(append(args, "--"), paths...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	cmd.Env = env
	killGroupOnCancel(cmd)
	cmd.WaitDelay = time.Second // a compiler that outlives go list may hold its output open
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	countCommands(stderr, func() { cancel(errColdBuildCache) })
	if err := cmd.Wait(); err != nil {
		if cause := context.Cause(ctx); cause != nil {
			return nil, cause
		}
		return nil, err
	}
	files := map[string]string{}
	dec := json.NewDecoder(&stdout)
	for {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		if p.Export != "" {
			files[p.ImportPath] = p.Export
		}
	}
	return files, nil
}

// countCommands reads go list -x's trace, calling tooMany once more than
// maxCompiles tools have run. Each command of the trace is a line that
// starts with its program: the go command's tools (compile, asm, cgo,
// pack) sit in GOTOOLDIR, ".../pkg/tool/<os>_<arch>/".
func countCommands(trace io.Reader, tooMany func()) {
	lines := bufio.NewScanner(trace)
	lines.Buffer(nil, 1<<20)
	n := 0
	for lines.Scan() {
		line := lines.Text()
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		prog, _, _ := strings.Cut(line, " ")
		if strings.Contains(filepath.ToSlash(prog), "/pkg/tool/") || prog == "gcc" || prog == "clang" {
			if n++; n == maxCompiles+1 {
				tooMany()
			}
		}
	}
	io.Copy(io.Discard, trace) // a line too long for the scanner: let go list finish
}

// readCompilerExport reads the export data in a file of the build cache
// (an object file or archive whose __.PKGDEF holds it) and returns it as
// the run's own cache stores export data: flag, checksum, data.
func readCompilerExport(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	out := make([]byte, 0, exportHeader+len(data))
	out = append(append(append(out, '0'), sum[:]...), data...) // it compiled: no errors
	return out, nil
}
