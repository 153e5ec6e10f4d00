package mapinit

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A service is one guessed service of the map, with where each guess came
// from.
type service struct {
	name      string
	norm      string  // normalised name, for matching directories and workloads
	owns      []guess // directories
	contracts []guess
	hosts     []guess
	grpc      []guess
	env       []guess
	databases []*database
}

// A guess is one value of the map and the reason init wrote it.
type guess struct {
	value string
	why   string
}

// serviceContainers are directories whose children are services, most
// specific first: a layout that names its services' home says so.
var serviceContainers = []string{"services", "service", "microservices", "apps", "app", "packages", "src"}

// groupContainers hold one directory per service too, but also other code:
// their children are services when they line up by name (cmd/orders with
// internal/orders) or when cmd holds a main per service.
var groupContainers = []string{"cmd", "internal/app", "internal/services", "internal/service", "internal"}

// notServices are directory names that hold code every service shares,
// generated code, or tooling: never a service of their own.
var notServices = map[string]bool{
	"pkg": true, "pkgs": true, "common": true, "commons": true, "shared": true, "share": true,
	"lib": true, "libs": true, "library": true, "util": true, "utils": true, "platform": true,
	"config": true, "configs": true, "conf": true, "proto": true, "protos": true, "pb": true,
	"gen": true, "generated": true, "kitex_gen": true, "idl": true, "third_party": true,
	"tools": true, "tool": true, "scripts": true, "script": true, "test": true, "tests": true,
	"e2e": true, "integration": true, "docs": true, "doc": true, "examples": true, "example": true,
	"hack": true, "build": true, "deploy": true, "deployments": true, "deployment": true,
	"migrations": true, "migration": true, "mocks": true, "mock": true, "sdk": true,
	"internal": true, "cmd": true, "bin": true, "types": true, "model": true, "models": true,
}

// sharedNames are the conventional homes of code every service may import.
var sharedNames = map[string]bool{
	"pkg": true, "pkgs": true, "common": true, "commons": true, "shared": true, "share": true,
	"lib": true, "libs": true, "library": true, "util": true, "utils": true, "platform": true,
}

// normalise makes directory, workload and image names comparable:
// raid-lobby, raid_lobby and RaidLobby agree, and so do orders,
// orders-service and orders_svc.
func normalise(name string) string {
	name = strings.ToLower(name)
	name = strings.NewReplacer("-", "", "_", "", ".", "").Replace(name)
	for _, suffix := range []string{"service", "svc", "srv", "server"} {
		if s := strings.TrimSuffix(name, suffix); s != name && s != "" {
			return s
		}
	}
	return name
}

// layout guesses the services from the directory layout.
func (in *inferrer) layout() {
	t := in.tree
	units := t.work
	why := "from go.work module ./"
	if len(units) == 0 {
		for _, m := range t.modules {
			if m.rel != "." {
				units = append(units, m.rel)
			}
		}
		why = "from the module ./"
	}
	var modUnits []string
	for _, u := range units {
		if !notServices[path.Base(u)] && in.hasGo(u) {
			modUnits = append(modUnits, u)
		}
	}
	if len(modUnits) >= 2 {
		for _, u := range modUnits {
			if sub := in.layoutAt(u, false); len(sub) >= 2 {
				in.services = append(in.services, sub...)
				continue
			}
			in.services = append(in.services, in.newService(path.Base(u), u, why+u+" ("+modulePathOf(t, u)+")"))
		}
		in.uniqueNames()
		return
	}
	base := "."
	if len(t.modules) == 1 && !in.hasGoOutside(t.modules[0].rel) {
		base = t.modules[0].rel
	}
	in.services = in.layoutAt(base, true)
	if len(in.services) == 0 && in.hasGo(base) {
		name := path.Base(base)
		if base == "." {
			name = path.Base(modulePathOf(t, ".") + "")
			if name == "." || name == "" {
				name = filepath.Base(in.root)
			}
		}
		in.services = []*service{in.newService(name, base, "the whole repository: no layout of two or more services was found")}
	}
	in.uniqueNames()
}

func modulePathOf(t *tree, rel string) string {
	for _, m := range t.modules {
		if m.rel == rel {
			return m.path
		}
	}
	return rel
}

// layoutAt returns the services that base's layout gives, or fewer than
// two when it gives none: a container of services first, then cmd/<svc>
// lined up with internal/<svc>, then (top) directories with a main
// package of their own.
func (in *inferrer) layoutAt(base string, top bool) []*service {
	for _, dir := range in.containers(base) {
		if svcs := in.containerServices(base, dir); len(svcs) >= 2 {
			in.joinGroups(base, svcs)
			return svcs
		}
	}
	if svcs := in.groups(base); len(svcs) >= 2 {
		return svcs
	}
	if !top {
		return nil
	}
	var svcs []*service
	for _, child := range in.children(base) {
		dir := joinRel(base, child)
		if main := in.firstMain(dir); main != "" {
			svcs = append(svcs, in.newService(child, dir, "a directory with its own main package ("+main+")"))
		}
	}
	return svcs
}

// containers lists base's service containers: services/, apps/, ... and
// then the same one level down (api/services, backend/apps).
func (in *inferrer) containers(base string) []string {
	var out []string
	for _, c := range serviceContainers {
		out = append(out, joinRel(base, c))
	}
	for _, child := range in.children(base) {
		for _, c := range serviceContainers {
			if dir := joinRel(joinRel(base, child), c); in.hasGo(dir) {
				out = append(out, dir)
			}
		}
	}
	return out
}

// containerServices returns the services a container's children are. A
// child that runs no program of its own (no main package below it, no
// cmd/<child> beside the container) and that its siblings import is a
// library they share (packages/domain), not a service.
func (in *inferrer) containerServices(base, dir string) []*service {
	children := in.children(dir)
	var svcs []*service
	for _, child := range children {
		rel := joinRel(dir, child)
		if in.firstMain(rel) == "" && !in.cmdFor(base, child) && in.importedFromSiblings(dir, rel) {
			continue
		}
		svcs = append(svcs, in.newService(child, joinRel(dir, child), "from the layout "+dir+"/*"))
	}
	return svcs
}

// importedFromSiblings reports whether code in another child of dir
// imports a package at or below rel.
func (in *inferrer) importedFromSiblings(dir, rel string) bool {
	for _, d := range in.goDirs {
		if !under(d, dir) || under(d, rel) {
			continue
		}
		for ip := range in.tree.dirs[d].imports {
			if x := in.tree.dirOf(ip); x != "" && under(x, rel) {
				return true
			}
		}
	}
	return false
}

// cmdFor reports whether base/cmd has a main package named like child.
func (in *inferrer) cmdFor(base, child string) bool {
	cmd := joinRel(base, "cmd")
	for _, c := range in.children(cmd) {
		if normalise(c) == normalise(child) && in.firstMain(joinRel(cmd, c)) != "" {
			return true
		}
	}
	return false
}

// groups lines up the children of cmd, internal/app and internal by
// name; each name with a main package under cmd is a service (or, without
// a cmd directory, each child of internal).
func (in *inferrer) groups(base string) []*service {
	var svcs []*service
	byNorm := map[string]*service{}
	hasCmd := len(in.children(joinRel(base, "cmd"))) > 0
	// internal/<svc> alone makes services only when no main package
	// outside internal/ runs them all as one program.
	internalOnly := !hasCmd
	for _, d := range in.goDirs {
		if under(d, base) && !under(d, joinRel(base, "internal")) && in.tree.dirs[d].main {
			internalOnly = false
		}
	}
	for _, c := range groupContainers {
		dir := joinRel(base, c)
		for _, child := range in.children(dir) {
			rel := joinRel(dir, child)
			if c == "internal" && in.isContainer(rel, base) {
				continue
			}
			n := normalise(child)
			if s := byNorm[n]; s != nil {
				s.owns = append(s.owns, guess{rel, "from " + rel + ", named like the service"})
				continue
			}
			if (c == "cmd" && in.firstMain(rel) != "") || (internalOnly && c != "cmd") {
				s := in.newService(child, rel, "from the layout "+dir+"/*")
				byNorm[n] = s
				svcs = append(svcs, s)
			}
		}
	}
	return svcs
}

// isContainer reports whether rel is one of base's group containers
// (internal/app is not a service called app).
func (in *inferrer) isContainer(rel, base string) bool {
	for _, c := range groupContainers {
		if rel == joinRel(base, c) {
			return true
		}
	}
	return false
}

// joinGroups adds cmd/<svc> and internal/<svc> to the service of the same
// name.
func (in *inferrer) joinGroups(base string, svcs []*service) {
	byNorm := map[string]*service{}
	for _, s := range svcs {
		byNorm[s.norm] = s
	}
	for _, c := range groupContainers {
		dir := joinRel(base, c)
		for _, child := range in.children(dir) {
			rel := joinRel(dir, child)
			if s := byNorm[normalise(child)]; s != nil && !in.isContainer(rel, base) {
				s.owns = append(s.owns, guess{rel, "from " + rel + ", named like the service"})
			}
		}
	}
}

func (in *inferrer) newService(name, dir, why string) *service {
	return &service{name: serviceName(name), norm: normalise(name), owns: []guess{{dir, why}}}
}

// serviceName makes a directory name a valid service name of the map.
func serviceName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(dir) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-_.")
	if s == "" {
		return "service"
	}
	return s
}

// uniqueNames renames services whose names clash (two modules both
// called api) after their parent directory, and sorts them.
func (in *inferrer) uniqueNames() {
	count := map[string]int{}
	for _, s := range in.services {
		count[s.name]++
	}
	for _, s := range in.services {
		if count[s.name] > 1 {
			if parent := path.Base(path.Dir(s.owns[0].value)); parent != "." {
				s.name = serviceName(parent + "-" + s.name)
			}
		}
	}
	seen := map[string]int{}
	for _, s := range in.services {
		seen[s.name]++
		if n := seen[s.name]; n > 1 {
			s.name = s.name + "-" + string(rune('0'+n))
		}
	}
	sort.SliceStable(in.services, func(i, j int) bool { return in.services[i].name < in.services[j].name })
}

// children lists the subdirectories of dir that hold Go code (at any
// depth) and are not shared code, generated code or tooling by name.
func (in *inferrer) children(dir string) []string {
	entries, err := os.ReadDir(filepath.Join(in.root, filepath.FromSlash(dir)))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() || skipDir(e.Name()) || notServices[strings.ToLower(e.Name())] {
			continue
		}
		rel := joinRel(dir, e.Name())
		if in.hasGo(rel) && !in.onlyGenerated(rel) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// hasGo reports whether rel or a directory below it holds Go code.
func (in *inferrer) hasGo(rel string) bool {
	for _, d := range in.goDirs {
		if under(d, rel) {
			return true
		}
	}
	return false
}

// hasGoOutside reports whether Go code lies outside rel.
func (in *inferrer) hasGoOutside(rel string) bool {
	for _, d := range in.goDirs {
		if !under(d, rel) {
			return true
		}
	}
	return false
}

// onlyGenerated reports whether every Go directory below rel holds
// generated stubs: a directory of contracts, not a service.
func (in *inferrer) onlyGenerated(rel string) bool {
	for _, d := range in.goDirs {
		if under(d, rel) && in.tree.dirs[d].stub == "" {
			return false
		}
	}
	return true
}

// firstMain returns the first directory at or below rel with package
// main, or "".
func (in *inferrer) firstMain(rel string) string {
	for _, d := range in.goDirs {
		if under(d, rel) && in.tree.dirs[d].main {
			return d
		}
	}
	return ""
}
