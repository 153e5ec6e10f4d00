// Package servicemap connects an analysis pass to the boundary map: it finds
// and loads the map that governs the analysed package and says which service
// owns the package.
//
// It is where every analyzer decides whether a package is its business at
// all. With facts, every driver (go vet, the standalone checker,
// golangci-lint) runs the analyzers on all dependencies, the standard
// library included; For returns nil for those outside the repository the
// map governs, before any file is read, so that nothing there is reported
// or fails. A dependency inside it (a sibling module of shared code that a
// service's module reaches through a replace directive) is the
// repository's code: For returns its view, so that its facts reach the
// service; the drivers report only the packages the user named.
package servicemap

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/couplingvet/couplingvet/boundaries"
	"github.com/couplingvet/couplingvet/deploy"
	"golang.org/x/mod/module"
	"golang.org/x/tools/go/analysis"
)

// Settings shared by all of couplingvet's analyzers. cmd/couplingvet binds
// them to command-line flags (RegisterFlags); the golangci-lint plugin sets
// them from its settings.
var (
	// ConfigPath names the map explicitly. When empty, the environment
	// variable EnvConfig is used, and then the first map found by walking up
	// from the package's directory.
	ConfigPath string
	// Strict makes the analyzers also list values they could not attribute
	// to any service.
	Strict bool
	// DiskCache, when set, keeps the loaded map between processes. The vet
	// tool sets it: go vet starts one process per package.
	DiskCache *boundaries.DiskCache
	// DeployCache, when set, shares the deploy tree between the processes
	// of one run. The vet tool sets it to go vet's work directory: go vet
	// starts one process per package, and each would walk the repository.
	DeployCache *deploy.RunCache
	// ScanCache, when set, keeps the loader calls of the repository's Go
	// files between runs (deploy.ScanCache).
	ScanCache *deploy.ScanCache
)

// EnvConfig is the environment variable that names the map.
const EnvConfig = "COUPLINGVET_CONFIG"

// RegisterFlags binds the shared settings to fs.
func RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&ConfigPath, "config", "", "`path` of the boundary map (default: $"+EnvConfig+", else couplingvet.yaml, .yml or .toml found by walking up from each package's directory)")
	fs.BoolVar(&Strict, "strict", false, "also list database connections and calls that no service of the map can be attributed to")
}

// A View is what the analyzers know about the package being analysed.
type View struct {
	// Map is the boundary map, with the hosts deploy files give services
	// whose entries list none.
	Map     *boundaries.Map
	Package string           // import path of the analysed package
	Owner   boundaries.Owner // who owns it
	Strict  bool

	rt *mapRuntime // the deploy tree, read on first use (Deploy)
}

// From names the owner of the package as messages show it: the service,
// "shared code" for shared packages, and "" for wiring and unowned packages.
func (v *View) From() string {
	switch v.Owner.Role {
	case boundaries.Private, boundaries.Contract:
		return v.Owner.Service
	case boundaries.Shared:
		return "shared"
	}
	return ""
}

// For returns the view of pass's package, or nil when the package lies
// outside the repository the map governs (the standard library, module
// dependencies, or a tree without a map). A map that fails to load is an
// error.
func For(pass *analysis.Pass) (*View, error) {
	if !mayBeInRepo(pass) {
		return nil, nil
	}
	path, err := mapPath(pass)
	if err != nil || path == "" {
		return nil, err
	}
	m, err := loadCached(path)
	if err != nil {
		return nil, err
	}
	pkg := pass.Pkg.Path()
	if !m.InRepo(pkg) {
		return nil, nil
	}
	if pass.Module.Version != "" && !m.IsRepoPackage(pkg, packageDir(pass)) {
		return nil, nil // a published copy of the repository's code
	}
	rt := runtimeOf(m)
	return &View{Map: rt.mapWithHosts(), Package: pkg, Owner: m.OwnerOfPackage(pkg), Strict: Strict, rt: rt}, nil
}

// Deploy returns what the running system sets outside Go: the deploy
// files' env values and the config files of the repository (see
// value.Bind). It is read on first use: most packages never need it, and
// go vet starts a process per package.
func (v *View) Deploy() *deploy.Tree {
	if v == nil || v.rt == nil {
		return nil
	}
	return v.rt.deployTree()
}

// runtimeCache memoises, per loaded map, the deploy tree below its root and
// the map with the hosts that tree gives services: every analyzer asks for
// every package.
var runtimeCache sync.Map // *boundaries.Map -> *mapRuntime

type mapRuntime struct {
	base     *boundaries.Map
	treeOnce sync.Once
	tree     *deploy.Tree
	mapOnce  sync.Once
	m        *boundaries.Map

	indexOnce sync.Once
	index     map[string]*serviceRuntime // by service name (byService)
}

func runtimeOf(m *boundaries.Map) *mapRuntime {
	v, _ := runtimeCache.LoadOrStore(m, &mapRuntime{base: m})
	return v.(*mapRuntime)
}

func (rt *mapRuntime) deployTree() *deploy.Tree {
	rt.treeOnce.Do(func() { rt.tree = DeployTree(rt.base) })
	return rt.tree
}

// mapWithHosts is the map with the hosts the deploy files give services
// whose entries list none; the map itself, without reading the deploy
// files, when every service lists hosts.
func (rt *mapRuntime) mapWithHosts() *boundaries.Map {
	rt.mapOnce.Do(func() {
		rt.m = rt.base
		for _, s := range rt.base.Services {
			if len(s.Hosts) == 0 {
				rt.m = rt.base.WithHosts(derivedHosts(rt.base, rt.deployTree()))
				break
			}
		}
	})
	return rt.m
}

// DeployDigest digests the deploy and config files the analyzers read for
// the repository m governs (see DeployTree), for cache keys.
func DeployDigest(m *boundaries.Map) string {
	return runtimeOf(m).deployTree().Digest
}

// DeployTree reads the deploy and config files of the repository m
// governs: where m's deploy key says, else anywhere below its root. Its
// Digest is part of every cache key, since editing those files changes
// what the analyzers report.
func DeployTree(m *boundaries.Map) *deploy.Tree {
	opts := deploy.Options{Paths: m.Deploy, Unclaimed: func(rel string) bool { return unclaimed(m, rel) }, ScanCache: ScanCache}
	if DeployCache != nil {
		return DeployCache.Load(m.Root, opts)
	}
	return deploy.Load(m.Root, opts)
}

// mayBeInRepo cheaply rules out packages that cannot belong to the
// repository: the standard library (no module), and dependencies in the
// module cache or a vendor directory. Workspace and main modules have no
// version; a module replaced by a local directory keeps the version it is
// required at, and For asks the map whether the directory is its own.
func mayBeInRepo(pass *analysis.Pass) bool {
	mod := pass.Module
	if mod == nil || mod.Path == "" || len(pass.Files) == 0 {
		return false
	}
	if mod.Version == "" {
		return true
	}
	return !inModuleCache(packageDir(pass), mod.Version) && !vendored(packageDir(pass), pass.Pkg.Path())
}

// inModuleCache reports whether dir lies in a module cache's copy of a
// module at version: $GOMODCACHE/<module path>@<version>/..., the version
// escaped as the cache writes it (uppercase letters as !x).
func inModuleCache(dir, version string) bool {
	v, err := module.EscapeVersion(version)
	if err != nil {
		return false
	}
	d := filepath.ToSlash(dir) + "/"
	return strings.Contains(d, "@"+v+"/")
}

// vendored reports whether dir is the vendor directory's copy of the
// package pkgPath.
func vendored(dir, pkgPath string) bool {
	return strings.HasSuffix(filepath.ToSlash(dir), "/vendor/"+pkgPath)
}

func packageDir(pass *analysis.Pass) string {
	return filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
}

func mapPath(pass *analysis.Pass) (string, error) {
	if ConfigPath != "" {
		return filepath.Abs(ConfigPath)
	}
	if p := os.Getenv(EnvConfig); p != "" {
		return filepath.Abs(p)
	}
	return findCached(packageDir(pass))
}

// loadCache memoises boundaries.Load per map file, keyed on the file's size
// and modification time: the standalone driver asks for every package and
// analyzer, and a stat is far cheaper than reading and digesting the file,
// which is what Load's own content-keyed cache needs.
var loadCache sync.Map // path -> loadResult

type loadResult struct {
	size    int64
	modTime time.Time
	m       *boundaries.Map
	err     error
}

func loadCached(path string) (*boundaries.Map, error) {
	info, err := os.Stat(path)
	if err != nil {
		return load(path) // let Load say what is wrong
	}
	if r, ok := loadCache.Load(path); ok {
		r := r.(loadResult)
		if r.size == info.Size() && r.modTime.Equal(info.ModTime()) {
			return r.m, r.err
		}
	}
	m, err := load(path)
	loadCache.Store(path, loadResult{info.Size(), info.ModTime(), m, err})
	return m, err
}

func load(path string) (*boundaries.Map, error) {
	if DiskCache != nil {
		return DiskCache.Load(path)
	}
	return boundaries.Load(path)
}

// findCache memoises boundaries.Find per directory: the standalone driver
// asks once per package, and many packages share a directory's ancestors.
var findCache sync.Map // dir -> findResult

type findResult struct {
	path string
	err  error
}

func findCached(dir string) (string, error) {
	if r, ok := findCache.Load(dir); ok {
		r := r.(findResult)
		return r.path, r.err
	}
	path, err := boundaries.Find(dir)
	findCache.Store(dir, findResult{path, err})
	return path, err
}
