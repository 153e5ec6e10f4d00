package engine

// Asking for the build cache's export data while the graph is listed.
//
// A run whose own cache is empty, on a build cache that a build of the
// project filled (the CI job that builds, then lints), runs go list twice,
// one after the other: for the package graph (go list -deps -test), then
// for the export data of the frontier it found there (compilerExport). On
// a go-zero repository of 89 packages the two took 0.31 s and 0.32-0.36 s
// of a run of about 1 s.
//
// The frontier can be guessed before the graph is known: the imports, from
// outside the project's modules, of the non-test files of the directories
// the patterns name, under the run's GOOS, GOARCH and build tags
// (guessFrontier). So such a run starts go list -export -deps on the guess
// at the same time as the graph's go list (the two took 0.52-0.55 s there,
// instead of 0.71-0.77 s), and compilerExport takes the files from it,
// asking go list again only for what the guess missed. -deps, because
// compilerExport also wants the built dependencies of packages that only
// tests import (testing, testify), which are in the closure of the
// non-test frontier but not in it.
//
// A wrong guess costs time, never a wrong answer: the files are the go
// command's own, for the packages compilerExport names after the graph is
// listed. A guessed package that no build compiled makes go list compile
// it, and more than a few stop it (countCommands), as in compilerExport;
// a guess that misses a package costs the second go list. The run
// guesses only when that second go list is what it would run anyway: its
// own cache holds no export data at all (a CI job's cache, not restored),
// and the build cache holds this project's module index (buildCache).

import (
	"context"
	"errors"
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
)

// A speculation is a go list -export of a guessed frontier, running.
type speculation struct {
	cancel context.CancelFunc
	done   chan struct{}
	files  map[string]string // export data files by import path, once done
	err    error
}

// speculate starts listing the export data of the guessed frontier of
// patterns, in the environment env of the graph's go list, when the run
// would otherwise ask for it after the graph (see above).
func (r *fastRun) speculate(patterns []string, env []string) {
	gocache := r.buildCache()
	if r.cache.dir == "" || !gocache.indexed || holdsExportData(r.cache.dir) {
		return
	}
	ctx, cancel := context.WithCancel(r.ctx)
	s := &speculation{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		guess, ok := guessFrontier(r.opts.Dir, patterns, gocache.gomods, env)
		if !ok || len(guess) == 0 {
			s.err = errNoGuess
			return
		}
		s.files, s.err = listExportFiles(ctx, r.opts, env, guess, true)
	}()
	r.speculation = s
}

// errNoGuess is a speculation's outcome when the patterns or the tree gave
// nothing to guess from.
var errNoGuess = errors.New("no frontier to guess")

// result waits for the speculation's files.
func (s *speculation) result() (map[string]string, error) {
	<-s.done
	return s.files, s.err
}

// stopSpeculation stops the run's speculation, if it still runs, and waits
// for its go list to exit: a run that never needed it (its analyses were
// all cached, or the frontier cannot go through export data) leaves no
// process behind.
func (r *fastRun) stopSpeculation() {
	if s := r.speculation; s != nil {
		s.cancel()
		<-s.done
	}
}

// holdsExportData reports whether the run's cache holds any export data
// (of this project or another).
func holdsExportData(cacheDir string) bool {
	names, err := os.ReadDir(filepath.Join(cacheDir, "export"))
	return err == nil && len(names) > 0
}

// guessFrontier returns the import paths that the non-test Go files of
// the directories patterns match import from outside the project's modules
// (gomods: their go.mod files), "C" and "unsafe" left out, sorted. Files
// are matched as go/build matches them under the GOOS, GOARCH, CGO_ENABLED
// and -tags of env. It reports false for a pattern it does not read: only
// "work" and directory patterns (".", "./svc", "./...", "./svc/...") are.
// As go list does, it skips testdata, vendor and directories whose name
// starts with "." or "_", and, below a pattern's directory, modules other
// than the project's.
func guessFrontier(dir string, patterns, gomods, env []string) ([]string, bool) {
	modules := map[string]string{} // directory: module path
	for _, gomod := range gomods {
		data, err := os.ReadFile(gomod)
		if err != nil {
			return nil, false
		}
		path := modfile.ModulePath(data)
		if path == "" {
			return nil, false
		}
		modules[filepath.Dir(gomod)] = path
	}
	base, err := filepath.Abs(cmpOr(dir, "."))
	if err != nil || len(modules) == 0 {
		return nil, false
	}
	type root struct {
		dir       string
		recursive bool
	}
	var roots []root
	for _, p := range patterns {
		switch {
		case p == "work":
			for d := range modules {
				roots = append(roots, root{d, true})
			}
		case build.IsLocalImport(p) || filepath.IsAbs(p):
			rel, recursive := strings.CutSuffix(filepath.ToSlash(p), "/...")
			if strings.Contains(rel, "...") {
				return nil, false
			}
			d := filepath.FromSlash(rel)
			if !filepath.IsAbs(d) {
				d = filepath.Join(base, d)
			}
			roots = append(roots, root{d, recursive})
		default:
			return nil, false
		}
	}
	ctxt := buildContext(env)
	seen := map[string]bool{}
	imports := map[string]bool{}
	addDir := func(d string) {
		if seen[d] {
			return
		}
		seen[d] = true
		pkg, err := ctxt.ImportDir(d, 0)
		if err != nil && pkg == nil {
			return
		}
		for _, path := range pkg.Imports {
			imports[path] = true
		}
	}
	for _, rt := range roots {
		if !rt.recursive {
			addDir(rt.dir)
			continue
		}
		filepath.WalkDir(rt.dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if path != rt.dir {
				name := d.Name()
				if name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, ours := modules[path]; !ours && fileExists(filepath.Join(path, "go.mod")) {
					return filepath.SkipDir
				}
			}
			addDir(path)
			return nil
		})
	}
	var out []string
	for path := range imports {
		if path != "C" && path != "unsafe" && !build.IsLocalImport(path) && !underModule(path, modules) {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return out, true
}

// underModule reports whether path is a package of one of modules.
func underModule(path string, modules map[string]string) bool {
	for _, mod := range modules {
		if path == mod || strings.HasPrefix(path, mod+"/") {
			return true
		}
	}
	return false
}

// buildContext is go/build's default context with the GOOS, GOARCH,
// CGO_ENABLED and GOFLAGS -tags that env sets.
func buildContext(env []string) build.Context {
	ctxt := build.Default
	for _, kv := range env {
		key, value, _ := strings.Cut(kv, "=")
		switch key {
		case "GOOS":
			if value != "" {
				ctxt.GOOS = value
			}
		case "GOARCH":
			if value != "" {
				ctxt.GOARCH = value
			}
		case "CGO_ENABLED":
			if value != "" {
				ctxt.CgoEnabled = value == "1"
			}
		case "GOFLAGS":
			ctxt.BuildTags = flagTags(value)
		}
	}
	return ctxt
}

// flagTags returns the build tags a GOFLAGS value sets (-tags=a,b; GOFLAGS
// separates flags by spaces, so a flag's value is always joined by "=").
func flagTags(goflags string) []string {
	var tags []string
	for _, f := range strings.Fields(goflags) {
		name, value, ok := strings.Cut(strings.TrimPrefix(f, "-"), "=")
		if !ok || strings.TrimPrefix(name, "-") != "tags" {
			continue
		}
		tags = nil // the last -tags wins
		for _, t := range strings.Split(value, ",") {
			if t != "" {
				tags = append(tags, t)
			}
		}
	}
	return tags
}
