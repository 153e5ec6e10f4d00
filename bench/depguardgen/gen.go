package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/mod/modfile"
)

// A rule is one depguard v2 rule: the files it applies to and the import
// path prefixes it denies and allows (lax mode: what is not denied is
// allowed; of a denied and an allowed prefix that both match, the longer
// wins).
type rule struct {
	Name  string
	Files []string // absolute globs; "!" first negates
	Allow []string // import path prefixes; "$" last means exactly this path
	Deny  []deny
}

type deny struct {
	Pkg  string
	Desc string
}

// A point is a directory below the map's root where the owner (role and
// service) or the module changes: everything below it, down to the next
// point, has its owner and its import path prefix.
type point struct {
	dir         string // absolute
	rel         string // slash-separated, relative to the root; "." for the root
	path        string // import path of the directory; "" outside any module
	owner       boundaries.Owner
	ownerChange bool // the owner differs from the parent directory's (or this is the root)
}

// skipDir reports whether a directory below the root is one the go command
// ignores (or that holds no code of the repository's modules).
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "testdata" || name == "vendor" || name == "node_modules"
}

type module struct{ path, dir string }

// modulePathAt returns the module path of dir/go.mod, or "".
func modulePathAt(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	return modfile.ModulePath(data)
}

// moduleAbove returns the module holding dir: the nearest go.mod at or above it.
func moduleAbove(dir string) module {
	for d := dir; ; {
		if p := modulePathAt(d); p != "" {
			return module{p, d}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return module{}
		}
		d = parent
	}
}

func importPath(mod module, dir string) string {
	if mod.path == "" {
		return ""
	}
	rel, err := filepath.Rel(mod.dir, dir)
	if err != nil {
		return ""
	}
	if rel == "." {
		return mod.path
	}
	return mod.path + "/" + filepath.ToSlash(rel)
}

// scan walks the map's root and returns its points, parents before
// children. Owners come from the map itself (OwnerOfDir), so globs and
// nested entries mean what they mean to couplingvet; import paths come from
// the nearest go.mod, so a repository of several modules (with or without a
// go.work) gets each directory's path in its own module.
func scan(m *boundaries.Map) ([]point, error) {
	type state struct {
		owner boundaries.Owner
		mod   module
	}
	states := map[string]state{}
	var pts []point
	err := filepath.WalkDir(m.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == m.Root {
				return err
			}
			return nil // an unreadable directory holds nothing the tools read either
		}
		if !d.IsDir() {
			return nil
		}
		var parent state
		root := p == m.Root
		if root {
			parent.mod = moduleAbove(filepath.Dir(p))
		} else {
			if skipDir(d.Name()) {
				return filepath.SkipDir
			}
			parent = states[filepath.Dir(p)]
		}
		s := state{owner: m.OwnerOfDir(p), mod: parent.mod}
		modChange := false
		if mp := modulePathAt(p); mp != "" {
			s.mod, modChange = module{mp, p}, true
		}
		states[p] = s
		ownerChange := root || s.owner.Role != parent.owner.Role || s.owner.Service != parent.owner.Service
		if !ownerChange && !modChange {
			return nil
		}
		rel, _ := filepath.Rel(m.Root, p)
		pts = append(pts, point{dir: p, rel: filepath.ToSlash(rel), path: importPath(s.mod, p), owner: s.owner, ownerChange: ownerChange})
		return nil
	})
	return pts, err
}

// parentPath returns the import path one segment up, or "".
func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// sharedRule names the rule for the map's shared directories (a name no
// service can have: service names are identifiers).
const sharedRule = "(shared)"

// generate derives the depguard rules from the map: for every service, its
// files (owned directories, contracts included) are denied every other
// service's private code (that service's owned directories minus its
// contracts and minus directories nested in them that the map gives to
// someone else), unless an allow rule of the map accepts the import; shared
// code is denied every service's private code.
func generate(m *boundaries.Map, now time.Time) ([]rule, error) {
	pts, err := scan(m)
	if err != nil {
		return nil, err
	}
	var rules []rule
	for _, s := range m.Services {
		rules = append(rules, serviceRules(m, pts, s.Name, now)...)
	}
	return append(rules, serviceRules(m, pts, "", now)...), nil
}

// member reports whether a point's files belong to the rule of svc ("" is
// the shared code).
func member(svc string, o boundaries.Owner) bool {
	if svc == "" {
		return o.Role == boundaries.Shared
	}
	return o.Service == svc && (o.Role == boundaries.Private || o.Role == boundaries.Contract)
}

// serviceRules returns the rules of one service, or of the shared code for
// svc "": one per group of files times one per layer of imports, usually one.
func serviceRules(m *boundaries.Map, pts []point, svc string, now time.Time) []rule {
	name := svc
	if svc == "" {
		name = sharedRule
	}
	var out []rule
	for _, globs := range files(pts, svc) {
		for _, l := range imports(m, pts, svc, now) {
			r := rule{Name: name, Files: globs, Allow: l.allow, Deny: l.deny}
			if len(out) > 0 {
				r.Name = fmt.Sprintf("%s (%d)", name, len(out)+1)
			}
			out = append(out, r)
		}
	}
	return out
}

// files returns the file globs of the rule of svc, one list per depth: a
// region of svc inside a directory the map gives to someone else, inside a
// region of svc, is excluded from the outer region's rule by a negated glob
// and so needs a rule of its own.
func files(pts []point, svc string) [][]string {
	byRel := map[string]point{}
	for _, p := range pts {
		if p.ownerChange {
			byRel[p.rel] = p
		}
	}
	// nearest returns the nearest owner-change point strictly above rel.
	nearest := func(rel string) (point, bool) {
		for rel != "." {
			rel = filepath.ToSlash(filepath.Dir(rel))
			if p, ok := byRel[rel]; ok {
				return p, true
			}
		}
		return point{}, false
	}
	isRoot := func(p point) bool {
		if !member(svc, p.owner) {
			return false
		}
		up, ok := nearest(p.rel)
		return !ok || !member(svc, up.owner)
	}
	// depth counts the roots of svc at or above p.
	depth := func(p point) int {
		d := 0
		for q, ok := p, true; ok; q, ok = nearest(q.rel) {
			if isRoot(q) {
				d++
			}
		}
		return d
	}
	var groups [][]string
	add := func(d int, glob string) {
		for len(groups) < d {
			groups = append(groups, nil)
		}
		groups[d-1] = append(groups[d-1], glob)
	}
	for _, p := range pts {
		if !p.ownerChange {
			continue
		}
		if isRoot(p) {
			add(depth(p), globOf(p.dir))
			continue
		}
		if up, ok := nearest(p.rel); ok && !member(svc, p.owner) && member(svc, up.owner) {
			// A hole in a region of svc: excluded from that region's rule.
			add(depth(up), "!"+globOf(p.dir))
		}
	}
	return groups
}

// globOf is the depguard file glob (gobwas/glob, matched against absolute
// file names) of everything below dir.
func globOf(dir string) string {
	var b strings.Builder
	for _, r := range filepath.ToSlash(dir) {
		if strings.ContainsRune(`*?[]{}\!`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String() + "/**"
}

// A layer is the allowed and denied prefixes of one rule.
type layer struct {
	allow []string
	deny  []deny
}

// imports returns the allow and deny prefixes of the rules of svc. A point
// is denied when it is another service's private code and no allow rule of
// the map (without a target) accepts svc importing that service; a target
// of an allow rule (a directory or an import path prefix) is allowed. Only
// points whose verdict differs from their nearest enclosing point's are
// listed.
//
// depguard compares an import with one prefix of each list, the one that
// sorts just before it, so a list must not hold a prefix inside another: a
// denied directory inside an allowed one inside a denied one would hide the
// outer denial from the packages that sort after the inner one. Such a
// denied directory goes to a second layer (a rule of its own, with the
// allowed prefixes inside it), and so on.
func imports(m *boundaries.Map, pts []point, svc string, now time.Time) []layer {
	from := svc
	if svc == "" {
		from = "*" // an allow rule for shared code can only be from "*"
	}
	denied := map[string]bool{}
	owners := map[string]boundaries.Owner{}
	rels := map[string]string{}
	for _, p := range pts {
		if p.path == "" {
			continue
		}
		owners[p.path], rels[p.path] = p.owner, p.rel
		d := p.owner.Role == boundaries.Private && p.owner.Service != svc
		if d && svc != "" {
			if _, ok := m.Allowed(boundaries.CheckCrossImport, from, p.owner.Service, "", now); ok {
				d = false
			}
		}
		denied[p.path] = d
	}
	// Targeted allow rules: their targets are allowed.
	for _, a := range m.Allow {
		if a.Target == "" || (a.Check != boundaries.CheckCrossImport && a.Check != "*") || (a.From != from && a.From != "*") {
			continue
		}
		target := strings.TrimSuffix(a.Target, "/")
		if dir := filepath.Join(m.Root, filepath.FromSlash(target)); !filepath.IsAbs(target) && isDir(dir) {
			target = importPath(moduleAbove(dir), dir)
		}
		if target == "" {
			continue
		}
		o := m.OwnerOfPackage(target)
		if _, ok := m.Allowed(boundaries.CheckCrossImport, from, o.Service, target, now); ok {
			denied[target] = false
		}
	}
	// enclosing returns the nearest point above path.
	enclosing := func(path string, in map[string]bool) (string, bool) {
		for p := parentPath(path); p != ""; p = parentPath(p) {
			if _, ok := in[p]; ok {
				return p, true
			}
		}
		return "", false
	}
	paths := make([]string, 0, len(denied))
	for p := range denied {
		paths = append(paths, p)
	}
	sort.Strings(paths) // parents first
	listed := map[string]bool{}
	level := map[string]int{} // the layer of each listed prefix, from 0
	var layers []layer
	for _, p := range paths {
		up, ok := enclosing(p, denied)
		if denied[p] == (ok && denied[up]) {
			continue
		}
		listed[p] = denied[p]
		lp, ok := enclosing(p, listed)
		switch {
		case !denied[p]:
			level[p] = level[lp] // inside a listed denied prefix (ok is true: p's enclosing point is denied)
		case ok:
			level[p] = level[lp] + 1 // inside an exception (allowed) to a denied prefix
		}
		for len(layers) <= level[p] {
			layers = append(layers, layer{})
		}
		l := &layers[level[p]]
		if denied[p] {
			d := desc(m, owners[p], rels[p])
			l.deny = append(l.deny, deny{p + "$", d}, deny{p + "/", d})
		} else {
			l.allow = append(l.allow, p+"$", p+"/")
		}
	}
	return layers
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// desc is the message depguard prints for a denied import.
func desc(m *boundaries.Map, o boundaries.Owner, rel string) string {
	s := m.Service(o.Service)
	if s == nil || len(s.Contracts) == 0 {
		return fmt.Sprintf("%s's private code (%s); %s has no contract to import", o.Service, rel, o.Service)
	}
	return fmt.Sprintf("%s's private code (%s): import its contracts (%s) instead", o.Service, rel, strings.Join(s.Contracts, ", "))
}

// render writes the golangci-lint v2 configuration.
func render(mapFile string, rules []rule) string {
	var b strings.Builder
	b.WriteString("# golangci-lint v2 with only depguard, denying the imports couplingvet's\n")
	fmt.Fprintf(&b, "# crossimport check reports directly; written by bench/depguardgen from\n# %s.\n", mapFile)
	b.WriteString("version: \"2\"\n\nrun:\n  tests: true\n\n")
	b.WriteString("linters:\n  default: none\n  enable: [depguard]\n  settings:\n    depguard:\n      rules:\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "        %s:\n", quote(r.Name))
		b.WriteString("          list-mode: lax\n")
		b.WriteString("          files:\n")
		for _, f := range r.Files {
			fmt.Fprintf(&b, "            - %s\n", quote(f))
		}
		if len(r.Allow) > 0 {
			b.WriteString("          allow:\n")
			for _, a := range r.Allow {
				fmt.Fprintf(&b, "            - %s\n", quote(a))
			}
		}
		b.WriteString("          deny:\n")
		for _, d := range r.Deny {
			fmt.Fprintf(&b, "            - pkg: %s\n              desc: %s\n", quote(d.Pkg), quote(d.Desc))
		}
	}
	b.WriteString("\nissues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n")
	return b.String()
}

// quote writes a YAML double-quoted scalar (JSON's escapes are YAML's).
func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
