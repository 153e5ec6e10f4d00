package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// A mapWorkspace serves a repository of several modules without a go.work
// (each service its own module, as in many demo and polyrepo-turned-monorepo
// layouts): a temporary go.work that uses every module of the map below
// the working directory, checked with the pattern "work".
//
// A workspace has one module graph: one module whose requirements cannot be
// loaded (a private module the machine cannot fetch, a version the proxy no
// longer serves) makes every package of every module fail, although each
// module on its own is fine. dropUnloadable finds such modules, so that the
// others are checked without them.
type mapWorkspace struct {
	wd        string              // the working directory, which messages name files relative to
	dir       string              // the temporary directory of go.work
	modules   []boundaries.Module // those it uses, sorted by directory
	goVersion string
}

func newMapWorkspace(m *boundaries.Map, wd string) (*mapWorkspace, error) {
	w := &mapWorkspace{wd: wd, goVersion: "1.21"}
	for _, mod := range m.Modules() {
		if rel, err := filepath.Rel(wd, mod.Dir); err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		w.modules = append(w.modules, mod)
		if v := moduleGoVersion(mod.Dir); v != "" && version.Compare("go"+v, "go"+w.goVersion) > 0 {
			w.goVersion = v
		}
	}
	if len(w.modules) == 0 {
		return nil, fmt.Errorf("no Go module here: %s has no go.mod or go.work, and %s names no module below it (run couplingvet in a module, or give patterns)", wd, relTo(wd, m.File))
	}
	sort.Slice(w.modules, func(i, j int) bool { return w.modules[i].Dir < w.modules[j].Dir })
	dir, err := os.MkdirTemp("", "couplingvet-work-")
	if err != nil {
		return nil, err
	}
	w.dir = dir
	if err := w.write(); err != nil {
		w.remove()
		return nil, err
	}
	return w, nil
}

// write writes go.work with the workspace's modules.
func (w *mapWorkspace) write() error {
	work, err := modfile.ParseWork("go.work", nil, nil)
	if err == nil {
		err = work.AddGoStmt(w.goVersion)
	}
	for _, mod := range w.modules {
		if err == nil {
			err = work.AddUse(mod.Dir, "")
		}
	}
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(w.dir, "go.work"), modfile.Format(work.Syntax), 0o644)
}

// env is the go command's environment for the workspace.
func (w *mapWorkspace) env() []string {
	return append(os.Environ(), "GOWORK="+filepath.Join(w.dir, "go.work"))
}

func (w *mapWorkspace) remove() { os.RemoveAll(w.dir) }

// An unloadableModule is a module of the map whose module graph does not
// load on its own.
type unloadableModule struct {
	path  string // module path
	gomod string // its go.mod, relative to the working directory
	why   string
}

func (u unloadableModule) String() string {
	return fmt.Sprintf("module %s (%s) not checked: its dependencies do not load: %s", u.path, u.gomod, u.why)
}

// dropUnloadable asks the go command for each module's graph on its own
// (GOWORK=off) and, when some load and some do not, rewrites go.work
// without the ones that do not and returns them. It returns nil, changing
// nothing, when every module loads (the failures are the packages' own)
// or none does (nothing would be left to check).
func (w *mapWorkspace) dropUnloadable() []unloadableModule {
	if len(w.modules) < 2 {
		return nil
	}
	why := make([]string, len(w.modules))
	var wg sync.WaitGroup
	for i, mod := range w.modules {
		wg.Add(1)
		go func() {
			defer wg.Done()
			why[i] = moduleGraphError(mod.Dir)
		}()
	}
	wg.Wait()
	var kept []boundaries.Module
	var dropped []unloadableModule
	for i, mod := range w.modules {
		if why[i] == "" {
			kept = append(kept, mod)
		} else {
			dropped = append(dropped, unloadableModule{mod.Path, relTo(w.wd, filepath.Join(mod.Dir, "go.mod")), why[i]})
		}
	}
	if len(dropped) == 0 || len(kept) == 0 {
		return nil
	}
	all := w.modules
	if w.modules = kept; w.write() != nil {
		w.modules = all
		return nil
	}
	return dropped
}

// moduleGraphError returns why the requirements of the module in dir do
// not load on their own (GOWORK=off), or "" when they do. It asks about
// the modules its go.mod requires, whose go.mod files a workspace needs:
// not about "all", which also lists requirements of requirements that no
// build of the module reads (a dependency's test-only requirements).
func moduleGraphError(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err.Error()
	}
	f, err := modfile.ParseLax(filepath.Join(dir, "go.mod"), data, nil)
	if err != nil {
		return err.Error()
	}
	if len(f.Require) == 0 {
		return "" // nothing to fetch
	}
	args := []string{"list", "-m", "-e", "-json=Path,Version,Error", "--"}
	for _, r := range f.Require {
		args = append(args, r.Mod.Path)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return cmp.Or(strings.TrimSpace(stderr.String()), err.Error())
	}
	dec := json.NewDecoder(&stdout)
	for {
		var m struct {
			Path, Version string
			Error         *struct{ Err string }
		}
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return ""
			}
			return "go list -m: " + err.Error()
		}
		if m.Error != nil {
			if strings.Contains(m.Error.Err, m.Path) {
				return m.Error.Err
			}
			return module.Version{Path: m.Path, Version: m.Version}.String() + ": " + m.Error.Err
		}
	}
}

// moduleGoVersion returns the go directive of the module in dir, or "".
func moduleGoVersion(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	f, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil || f.Go == nil {
		return ""
	}
	return f.Go.Version
}
