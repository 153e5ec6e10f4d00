package boundaries

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
)

// An entry is one directory of the map with the role it gives its packages.
type entry struct {
	pat     pattern
	role    Role
	service string
}

// rank breaks ties between entries of equal specificity: a contract inside a
// service's directory is the contract.
func (r Role) rank() int {
	switch r {
	case Contract:
		return 4
	case Private:
		return 3
	case Wiring:
		return 2
	case Shared:
		return 1
	}
	return 0
}

// String names the role as messages use it.
func (r Role) String() string {
	switch r {
	case Private:
		return "private"
	case Contract:
		return "contract"
	case Shared:
		return "shared"
	case Wiring:
		return "wiring"
	}
	return "unowned"
}

// mapEntries lists the map's directory entries (ignoring unparsable ones,
// which validation reports).
func mapEntries(m *Map) []entry {
	var out []entry
	add := func(list []string, role Role, svc string) {
		for _, s := range list {
			if p, err := parsePattern(s); err == nil {
				out = append(out, entry{p, role, svc})
			}
		}
	}
	add(m.Shared, Shared, "")
	add(m.Wiring, Wiring, "")
	for _, s := range m.Services {
		add(s.Owns, Private, s.Name)
		add(s.Contracts, Contract, s.Name)
	}
	sortEntries(out)
	return out
}

// sortEntries puts the most specific entry first, so the first match wins.
func sortEntries(es []entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		as, al := a.pat.specificity()
		bs, bl := b.pat.specificity()
		if as != bs {
			return as > bs
		}
		if al != bl {
			return al > bl
		}
		if a.role.rank() != b.role.rank() {
			return a.role.rank() > b.role.rank()
		}
		if a.service != b.service {
			return a.service < b.service
		}
		return a.pat.raw < b.pat.raw
	})
}

// index prepares a validated map for queries.
func (m *Map) index(fs files) {
	m.entries = mapEntries(m)
	m.modules = findModules(fs, m.Root, m.entries)
}

// Modules returns the repository's modules, longest module path first: the
// modules that go.work uses (go.work found at or above Root, like the go
// command; GOWORK is honoured), the module holding Root, and the module
// holding each directory of the map (found by walking up from the entry's
// literal prefix, and one level into * globs).
func (m *Map) Modules() []Module {
	if m == nil {
		return nil
	}
	return append([]Module(nil), m.modules...)
}

func findModules(fs files, root string, entries []entry) []Module {
	seen := map[string]Module{} // by Dir
	add := func(dir string) {
		if _, ok := seen[dir]; ok {
			return
		}
		data, err := fs.readFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			return
		}
		if p := modfile.ModulePath(data); p != "" {
			seen[dir] = Module{Path: p, Dir: dir}
		}
	}
	for _, dir := range workspaceModules(fs, root) {
		add(dir)
	}
	nearest := map[string]string{} // dir -> directory of its go.mod, memoised
	addNearest := func(dir string) {
		if d := nearestGoMod(fs, dir, nearest); d != "" {
			add(d)
		}
	}
	addNearest(root)
	for _, e := range entries {
		addNearest(filepath.Join(root, filepath.FromSlash(strings.Join(e.pat.literalPrefix(), "/"))))
		if lit := e.pat.literalPrefix(); len(lit) < len(e.pat.segs) && e.pat.segs[len(lit)] != "..." {
			// services/* with one module per service: look one level in.
			matches := fs.glob(filepath.Join(root, filepath.FromSlash(strings.Join(e.pat.segs[:len(lit)+1], "/"))))
			for i, dir := range matches {
				if i >= 1000 {
					break
				}
				addNearest(dir)
			}
		}
	}
	out := make([]Module, 0, len(seen))
	for _, mod := range seen {
		out = append(out, mod)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Path) != len(out[j].Path) {
			return len(out[i].Path) > len(out[j].Path)
		}
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Dir < out[j].Dir
	})
	return out
}

// workspaceModules returns the directories a go.work uses: GOWORK if set
// (off disables workspaces), else the first go.work at or above root.
func workspaceModules(fs files, root string) []string {
	file := fs.getenv("GOWORK")
	switch file {
	case "off":
		return nil
	case "":
		for dir := root; ; {
			if fs.stat(filepath.Join(dir, "go.work")) == "file" {
				file = filepath.Join(dir, "go.work")
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return nil
			}
			dir = parent
		}
	}
	data, err := fs.readFile(file)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil // go itself reports a broken go.work; the map still works without it
	}
	var dirs []string
	for _, u := range wf.Use {
		dir := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(file), dir)
		}
		dirs = append(dirs, filepath.Clean(dir))
	}
	return dirs
}

// nearestGoMod walks up from dir to the first directory holding go.mod. It
// starts at the nearest existing directory, so it is cheap: no tree walk.
func nearestGoMod(fs files, dir string, memo map[string]string) string {
	var visited []string
	found := ""
	for {
		if d, ok := memo[dir]; ok {
			found = d
			break
		}
		visited = append(visited, dir)
		if fs.stat(filepath.Join(dir, "go.mod")) == "file" {
			found = dir
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, v := range visited {
		memo[v] = found
	}
	return found
}

// moduleOf returns the module whose path is the longest segment prefix of
// importPath, and the rest of the path below it.
func (m *Map) moduleOf(importPath string) (Module, string, bool) {
	for _, mod := range m.modules {
		if importPath == mod.Path {
			return mod, "", true
		}
		if strings.HasPrefix(importPath, mod.Path+"/") {
			return mod, importPath[len(mod.Path)+1:], true
		}
	}
	return Module{}, "", false
}

// packagePath strips what drivers append to a package path: " [p.test]"
// variants, the ".test" of a generated test main and the "_test" of an
// external test package, which belongs to the package it tests.
func packagePath(importPath string) string {
	if i := strings.Index(importPath, " ["); i >= 0 {
		importPath = importPath[:i]
	}
	importPath = strings.TrimSuffix(importPath, ".test")
	return strings.TrimSuffix(importPath, "_test")
}

// InRepo reports whether the import path belongs to one of the repository's
// modules (see Modules). Analyzers do no map work for packages outside it.
func (m *Map) InRepo(importPath string) bool {
	if m == nil {
		return false
	}
	_, _, ok := m.moduleOf(packagePath(importPath))
	return ok
}

// IsRepoPackage reports whether the package of importPath whose files lie
// in dir is the repository's own code: its import path belongs to one of
// the repository's modules (InRepo), and dir is where that module keeps it.
// A sibling module that a service's module reaches through a replace
// directive (replace example.com/common => ../common) is the repository's
// code although the go command calls it a dependency; a copy of the same
// import path in the module cache or a vendor directory is not.
func (m *Map) IsRepoPackage(importPath, dir string) bool {
	if m == nil {
		return false
	}
	mod, rest, ok := m.moduleOf(packagePath(importPath))
	if !ok {
		return false
	}
	want := filepath.Join(mod.Dir, filepath.FromSlash(rest))
	if want == filepath.Clean(dir) {
		return true
	}
	// The same directory reached through a symbolic link.
	a, errA := os.Stat(want)
	b, errB := os.Stat(dir)
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// OwnerOfPackage classifies an import path: it is turned into a directory
// through the repository's modules and classified by OwnerOfDir. An external
// test package "p_test" and test variants "p [p.test]" belong to p. Paths
// outside the repository are Unowned.
func (m *Map) OwnerOfPackage(importPath string) Owner {
	if m == nil {
		return Owner{}
	}
	mod, rest, ok := m.moduleOf(packagePath(importPath))
	if !ok {
		return Owner{}
	}
	return m.OwnerOfDir(filepath.Join(mod.Dir, filepath.FromSlash(rest)))
}

// OwnerOfDir classifies an absolute directory (a relative one is taken
// relative to Root). The most specific entry of owns, contracts, shared and
// wiring that covers it wins: more segments, then more literal segments, then
// contract over private over wiring over shared. So services/geo/proto listed
// as a contract of geo is a contract although geo owns services/geo, and
// services/orders/legacy owned by billing belongs to billing although orders
// owns services/orders.
func (m *Map) OwnerOfDir(dir string) Owner {
	if m == nil {
		return Owner{}
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(m.Root, dir)
	}
	rel, err := filepath.Rel(m.Root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return Owner{}
	}
	var segs []string
	if rel != "." {
		segs = strings.Split(filepath.ToSlash(rel), "/")
	}
	for _, e := range m.entries {
		if e.pat.matches(segs) {
			return Owner{Role: e.role, Service: e.service, Entry: e.pat.raw}
		}
	}
	return Owner{}
}
