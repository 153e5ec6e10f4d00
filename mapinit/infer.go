package mapinit

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
)

// A Map is init's guess of a repository's boundary map; Write renders it.
type Map struct {
	Root     string
	Shared   []guess
	Wiring   []guess
	Services []*service
	// Notes are what init saw but could not place (a database several
	// services use, a contract two services serve): comments of the map.
	Notes []string
}

// ServiceDirs returns each service's owned directories, by service name,
// for tests and measurements.
func (m *Map) ServiceDirs() map[string][]string {
	out := map[string][]string{}
	for _, s := range m.Services {
		out[s.name] = values(s.owns)
	}
	return out
}

func values(gs []guess) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.value)
	}
	return out
}

type inferrer struct {
	root     string
	tree     *tree
	goDirs   []string // directories with Go code, sorted
	services []*service
	shared   []guess
	wiring   []guess
	notes    []string
}

// Infer guesses the boundary map of the repository at root.
func Infer(root string) (*Map, error) {
	t, err := scan(root)
	if err != nil {
		return nil, err
	}
	in := &inferrer{root: root, tree: t}
	for rel, d := range t.dirs {
		if d.goFiles > 0 {
			in.goDirs = append(in.goDirs, rel)
		}
	}
	sort.Strings(in.goDirs)
	if len(in.goDirs) == 0 {
		return nil, fmt.Errorf("no Go code below %s: couplingvet checks Go services", root)
	}
	in.layout()
	in.mains()
	in.contracts()
	in.sharedCode()
	in.deployFiles()
	sort.Strings(in.notes)
	return &Map{Root: root, Shared: in.shared, Wiring: in.wiring, Services: in.services, Notes: in.notes}, nil
}

// ownerOf returns the service whose owned directory covers rel most
// specifically, or nil.
func (in *inferrer) ownerOf(rel string) *service {
	var best *service
	bestLen := -1
	for _, s := range in.services {
		for _, o := range s.owns {
			if under(rel, o.value) && len(o.value) > bestLen {
				best, bestLen = s, len(o.value)
			}
		}
	}
	return best
}

// covered reports whether rel lies in a service's, a contract's or a
// wiring directory.
func (in *inferrer) covered(rel string) bool {
	if in.ownerOf(rel) != nil {
		return true
	}
	for _, s := range in.services {
		for _, c := range s.contracts {
			if under(rel, c.value) {
				return true
			}
		}
	}
	for _, w := range in.wiring {
		if under(rel, w.value) {
			return true
		}
	}
	return false
}

// importedServices returns the services whose code dir imports, sorted.
func (in *inferrer) importedServices(dir string) []*service {
	return in.importedServicesExcept(dir, nil)
}

func (in *inferrer) importedServicesExcept(dir string, self *service) []*service {
	seen := map[*service]bool{self: true}
	var out []*service
	for ip := range in.tree.dirs[dir].imports {
		if d := in.tree.dirOf(ip); d != "" {
			if s := in.ownerOf(d); s != nil && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// mains places the main packages no service owns: one that imports
// several services starts them in one process (wiring); one under a cmd
// directory that imports a single service runs it.
func (in *inferrer) mains() {
	// A service that is nothing but one main package under cmd/ importing
	// several other services (cmd/all-in-one lined up as cmd/*) is wiring
	// too. A gateway with its own directory stays a service.
	var kept []*service
	for _, s := range in.services {
		if d := s.owns[0].value; len(s.owns) == 1 && slices.Contains(strings.Split(d, "/"), "cmd") && in.tree.dirs[d] != nil && in.tree.dirs[d].main {
			if imported := in.importedServicesExcept(s.owns[0].value, s); len(imported) >= 2 {
				in.wiring = append(in.wiring, guess{s.owns[0].value, "a main package that imports " + names(imported)})
				continue
			}
		}
		kept = append(kept, s)
	}
	in.services = kept
	for _, d := range in.goDirs {
		if !in.tree.dirs[d].main || in.covered(d) {
			continue
		}
		imported := in.importedServices(d)
		switch {
		case len(imported) >= 2:
			in.wiring = append(in.wiring, guess{d, "a main package that imports " + names(imported)})
		case len(imported) == 1 && slices.Contains(strings.Split(d, "/"), "cmd"):
			s := imported[0]
			s.owns = append(s.owns, guess{d, "a main package that imports only " + s.name})
		}
	}
}

func names(svcs []*service) string {
	var out []string
	for _, s := range svcs {
		out = append(out, s.name)
	}
	return strings.Join(out, ", ")
}

// contracts makes generated stubs their service's contracts and reads
// the gRPC service names each service registers.
func (in *inferrer) contracts() {
	// Who serves what: a call to a stub package's registration function.
	servedBy := map[string]map[*service][]serveCall{} // stub dir -> service -> calls
	for _, d := range in.goDirs {
		s := in.ownerOf(d)
		if s == nil {
			continue
		}
		for _, c := range in.tree.dirs[d].serves {
			stub := in.tree.dirOf(c.importPath)
			if sd := in.tree.dirs[stub]; sd == nil || sd.stub == "" {
				continue
			}
			if servedBy[stub] == nil {
				servedBy[stub] = map[*service][]serveCall{}
			}
			servedBy[stub][s] = append(servedBy[stub][s], c)
		}
	}
	claims := map[string][]*service{} // contract dir -> services claiming it
	whys := map[string]string{}
	for _, d := range in.goDirs {
		sd := in.tree.dirs[d]
		if sd.stub == "" {
			continue
		}
		owner := in.ownerOf(d)
		servers := sortedServices(servedBy[d])
		var to *service
		why := "generated " + sd.stub + " code in " + d
		switch {
		case len(servers) == 1 && (owner == nil || owner == servers[0]):
			to = servers[0]
			c := servedBy[d][to][0]
			why += ", served by " + c.fn + " in " + c.file
		case len(servers) > 1:
			in.notes = append(in.notes, fmt.Sprintf("%s (generated %s code) is served by %s: no one service's contract", d, sd.stub, names(servers)))
			continue
		case owner != nil && len(servers) == 0:
			to = owner
		case owner == nil:
			to = in.byPathName(d)
			if to != nil {
				why += ", named like the service"
			}
		}
		if to == nil {
			continue
		}
		dir := in.contractDir(d, to)
		if dir == "" {
			continue
		}
		if !slices.Contains(claims[dir], to) {
			claims[dir] = append(claims[dir], to)
		}
		if whys[dir] == "" {
			whys[dir] = why
		}
		in.grpcNames(to, d, servedBy[d][to])
	}
	for _, dir := range slices.Sorted(maps.Keys(claims)) {
		svcs := claims[dir]
		if len(svcs) > 1 {
			in.notes = append(in.notes, fmt.Sprintf("%s holds the generated code of %s: no one service's contract", dir, names(svcs)))
			continue
		}
		svcs[0].contracts = append(svcs[0].contracts, guess{dir, whys[dir]})
	}
	in.publicPackages()
	for _, s := range in.services {
		s.contracts = outermost(s.contracts, values(s.owns))
	}
	in.uniqueGRPC()
}

// testSupport reports whether a directory name says it holds test
// support code: test, testutil, testkit, e2e, apitest, dbtest, ...
func testSupport(name string) bool {
	name = strings.ToLower(name)
	switch name {
	case "e2e", "integration", "testing", "testkit", "testutil", "testutils", "testhelper", "testhelpers", "testsupport", "testenv":
		return true
	}
	return strings.HasPrefix(name, "test") || strings.HasSuffix(name, "test")
}

// publicNames are the directory names a service gives the code it means
// others to import: its interface types, its client, its SDK.
var publicNames = map[string]bool{
	"spec": true, "contract": true, "contracts": true, "client": true, "clients": true,
	"sdk": true, "public": true,
}

// publicPackages declares as contracts the packages of a service that are
// named like a public API (cmd/orders/spec, services/users/client,
// orders/pkg/model) and that another service imports: written by hand, not generated, but meant
// for others, as the name says.
func (in *inferrer) publicPackages() {
	for _, d := range in.goDirs {
		s := in.ownerOf(d)
		if s == nil || !in.publicPath(d, s) || in.isOwnedDir(d) || !in.privateOf(d, s) {
			continue
		}
		users := in.importersOf(d, s)
		if len(users) == 0 {
			continue
		}
		s.contracts = append(s.contracts, guess{d, "named like a public API, imported by " + names(users)})
	}
}

// publicPath reports whether d, a directory of s, is named like a public
// API: its own name, or, below s's directory, a pkg/ segment (Go's
// convention for the code a module means others to import, against
// internal/: orders/pkg/model).
func (in *inferrer) publicPath(d string, s *service) bool {
	if publicNames[path.Base(d)] {
		return true
	}
	for _, o := range s.owns {
		if rest, ok := strings.CutPrefix(d, o.value+"/"); ok {
			return rest == "pkg" || strings.HasPrefix(rest, "pkg/")
		}
	}
	return false
}

// privateOf reports whether d is s's private code: in its owned
// directories and no contract of it yet.
func (in *inferrer) privateOf(d string, s *service) bool {
	for _, c := range s.contracts {
		if under(d, c.value) {
			return false
		}
	}
	return in.ownerOf(d) == s
}

// importersOf returns the services other than s whose code imports the
// package in d.
func (in *inferrer) importersOf(d string, s *service) []*service {
	seen := map[*service]bool{}
	var out []*service
	for _, other := range in.goDirs {
		o := in.ownerOf(other)
		if o == nil || o == s || seen[o] {
			continue
		}
		for ip := range in.tree.dirs[other].imports {
			if in.tree.dirOf(ip) == d {
				seen[o] = true
				out = append(out, o)
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// contractDir is the directory to declare for a stub directory: without
// its version segments (api/orders/v1 is api/orders), and, inside the
// service, the api, proto or pb directory it lies in.
func (in *inferrer) contractDir(d string, s *service) string {
	for isVersion(path.Base(d)) && path.Dir(d) != "." {
		parent := path.Dir(d)
		if o := in.ownerOf(parent); o != nil && o != s {
			break
		}
		if in.isOwnedDir(parent) {
			break
		}
		d = parent
	}
	if in.ownerOf(d) == s {
		segs := strings.Split(d, "/")
		for i := range segs {
			prefix := strings.Join(segs[:i+1], "/")
			if in.ownerOf(prefix) != s || in.isOwnedDir(prefix) {
				continue
			}
			switch segs[i] {
			case "api", "proto", "protos", "pb":
				return prefix
			}
		}
	}
	if in.isOwnedDir(d) {
		return "" // a service whose every package is generated: its code is its contract already
	}
	return d
}

func (in *inferrer) isOwnedDir(d string) bool {
	for _, s := range in.services {
		for _, o := range s.owns {
			if o.value == d {
				return true
			}
		}
	}
	return false
}

// byPathName returns the one service a directory names in one of its
// path segments (common/proto/auth_service is auth_service's), or nil.
func (in *inferrer) byPathName(d string) *service {
	var found *service
	for _, seg := range strings.Split(d, "/") {
		n := normalise(seg)
		for _, s := range in.services {
			if s.norm == n || normalise(path.Base(s.owns[0].value)) == n {
				if found != nil && found != s {
					return nil
				}
				found = s
			}
		}
	}
	return found
}

// grpcNames records the full gRPC service names s registers from the
// stub directory d.
func (in *inferrer) grpcNames(s *service, d string, calls []serveCall) {
	regs := in.tree.dirs[d].registers
	for _, c := range calls {
		if r, ok := regs[c.fn]; ok {
			s.grpc = append(s.grpc, guess{r.name, "from " + c.fn + " in " + r.file + ", called in " + c.file})
		}
	}
}

// uniqueGRPC drops a gRPC name several services register (skeletons
// generated from one template): it names none of them.
func (in *inferrer) uniqueGRPC() {
	by := map[string][]*service{}
	for _, s := range in.services {
		s.grpc = dedupeGuesses(s.grpc)
		for _, g := range s.grpc {
			by[g.value] = append(by[g.value], s)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(by)) {
		if svcs := by[name]; len(svcs) > 1 {
			in.notes = append(in.notes, fmt.Sprintf("gRPC service %s is registered by %s: it names none of them", name, names(svcs)))
			for _, s := range svcs {
				s.grpc = dropValue(s.grpc, name)
			}
		}
	}
}

// sharedCode finds the code outside every service that services import:
// shared when two or more do, or one does and its directory has a
// conventional name for shared code (pkg, common, lib, ...).
func (in *inferrer) sharedCode() {
	users := map[string]map[*service]bool{}
	for _, d := range in.goDirs {
		s := in.ownerOf(d)
		if s == nil {
			continue
		}
		for ip := range in.tree.dirs[d].imports {
			x := in.tree.dirOf(ip)
			if x == "" || in.tree.dirs[x] == nil || in.covered(x) {
				continue
			}
			if users[x] == nil {
				users[x] = map[*service]bool{}
			}
			users[x][s] = true
		}
	}
	found := map[string][]string{} // shared dir -> why parts
	for _, x := range slices.Sorted(maps.Keys(users)) {
		svcs := sortedSet(users[x])
		if started := in.importedServices(x); len(started) > 0 && testSupport(path.Base(x)) {
			// A test harness that starts services in-process (apitest
			// importing auth's build): a composition root for tests,
			// not shared code, which must not import services.
			in.wiring = append(in.wiring, guess{x, "test support that imports " + names(started) + ", used by " + names(svcs)})
			continue
		}
		conventional := sharedSegment(x)
		if len(svcs) < 2 && conventional == "" {
			continue
		}
		dir := in.collapse(x)
		why := "imported by " + names(svcs)
		if len(svcs) < 2 {
			why = "named " + conventional + ", the conventional home of shared code; imported by " + names(svcs)
		}
		found[dir] = append(found[dir], x+": "+why)
	}
	for _, dir := range slices.Sorted(maps.Keys(found)) {
		parts := found[dir]
		why := parts[0]
		if len(parts) > 1 {
			why = fmt.Sprintf("%s (and %d more packages below it)", parts[0], len(parts)-1)
		}
		if len(parts) == 1 && strings.HasPrefix(parts[0], dir+": ") {
			why = strings.TrimPrefix(parts[0], dir+": ")
		}
		in.shared = append(in.shared, guess{dir, why})
	}
	in.shared = outermost(in.shared, nil)
	// Test harnesses below shared code (app/sdk/apitest in app), which
	// only tests import, so that the walk above never saw them.
	for _, d := range in.goDirs {
		if in.ownerOf(d) != nil || !testSupport(path.Base(d)) || slices.ContainsFunc(in.wiring, func(g guess) bool { return under(d, g.value) }) {
			continue
		}
		if started := in.importedServices(d); len(started) > 0 {
			in.wiring = append(in.wiring, guess{d, "test support that imports " + names(started)})
		}
	}
}

func sharedSegment(rel string) string {
	for _, seg := range strings.Split(rel, "/") {
		if sharedNames[seg] {
			return seg
		}
	}
	return ""
}

// collapse widens a shared package to the directory that holds it and
// other code no service owns (pkg/httpx and pkg/reporting are pkg), up
// to a module's root and never over a service, a wiring root or a main.
func (in *inferrer) collapse(x string) string {
	for {
		if in.isModuleRootDir(x) {
			return x
		}
		parent := path.Dir(x)
		if parent == "." || in.blocks(parent) {
			return x
		}
		x = parent
	}
}

func (in *inferrer) isModuleRootDir(rel string) bool {
	for _, m := range in.tree.modules {
		if m.rel == rel {
			return true
		}
	}
	return false
}

// blocks reports whether dir holds a service's, a wiring root's or a
// main package's directory, or a container of services.
func (in *inferrer) blocks(dir string) bool {
	for _, s := range in.services {
		for _, o := range s.owns {
			if under(o.value, dir) || under(dir, o.value) {
				return true
			}
		}
	}
	for _, w := range in.wiring {
		if under(w.value, dir) {
			return true
		}
	}
	for _, d := range in.goDirs {
		if under(d, dir) && in.tree.dirs[d].main {
			return true
		}
	}
	return false
}

// outermost drops entries inside another entry of the list, and entries
// equal to one of skip.
func outermost(gs []guess, skip []string) []guess {
	var out []guess
	for i, g := range gs {
		inside := false
		for j, o := range gs {
			if i != j && under(g.value, o.value) && (g.value != o.value || j < i) {
				inside = true
			}
		}
		for _, s := range skip {
			if g.value == s {
				inside = true
			}
		}
		if !inside {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].value < out[j].value })
	return out
}

func sortedServices(m map[*service][]serveCall) []*service {
	return sortedSet(m)
}

func sortedSet[V any](m map[*service]V) []*service {
	var out []*service
	for s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func dedupeGuesses(gs []guess) []guess {
	seen := map[string]bool{}
	var out []guess
	for _, g := range gs {
		if !seen[g.value] {
			seen[g.value] = true
			out = append(out, g)
		}
	}
	return out
}

func dropValue(gs []guess, v string) []guess {
	var out []guess
	for _, g := range gs {
		if g.value != v {
			out = append(out, g)
		}
	}
	return out
}
