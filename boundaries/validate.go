package boundaries

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

var serviceName = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

// Engines a database declaration may name.
var Engines = []string{"clickhouse", "memcache", "mongodb", "mysql", "postgres", "redis", "sqlite", "sqlserver"}

// SinkKinds are the kinds of argument a user-declared sink may carry.
var SinkKinds = []string{"address", "dsn", "grpc-target", "hostport", "url"}

// validator checks what decoding cannot: references between keys, the file
// system, overlaps and expiry. It appends to the decoder's errors.
type validator struct {
	*decoder
	m     *Map
	today time.Time
	fs    files
	dirs  []dirEntry // every directory entry, in map order
}

// dirEntry is a directory entry with the key it came from.
type dirEntry struct {
	entry
	key string
}

// describe says what an entry is, for overlap messages.
func (e dirEntry) describe() string {
	switch e.role {
	case Private:
		return "owned by service " + e.service
	case Contract:
		return "a contract of service " + e.service
	case Shared:
		return "shared"
	}
	return "wiring"
}

func (v *validator) errAt(key, fix, format string, args ...any) {
	v.errorf(v.at(key), key, fix, format, args...)
}

func (v *validator) validate() {
	m := v.m
	if _, ok := v.pos["version"]; !ok {
		v.errorf(position{1, 1}, "version", "add version: 1 at the top", "version is required")
	} else if m.Version != 1 {
		v.errAt("version", "write version: 1", "unsupported version %d", m.Version)
	}
	if len(m.Services) == 0 {
		v.errAt("services", "declare at least one service and the directories it owns", "no services declared")
	}
	v.directories("shared", m.Shared, Shared, "")
	v.directories("wiring", m.Wiring, Wiring, "")
	v.deployPaths()
	for _, s := range m.Services {
		path := "services." + s.Name
		if !serviceName.MatchString(s.Name) {
			v.errAt(path, "use lower-case letters, digits, '_', '.' and '-', starting with a letter or digit", "invalid service name %q", s.Name)
		}
		v.directories(path+".owns", s.Owns, Private, s.Name)
		v.directories(path+".contracts", s.Contracts, Contract, s.Name)
	}
	v.overlaps()
	v.contracts()
	v.externals()
	v.addresses()
	v.databases()
	v.allowRules()
	v.sinks()
}

// directories checks each entry's syntax and that its literal prefix exists.
func (v *validator) directories(key string, list []string, role Role, svc string) {
	for i, raw := range list {
		k := fmt.Sprintf("%s[%d]", key, i)
		p, err := parsePattern(raw)
		if err != nil {
			v.errAt(k, "write a directory relative to the map file, like services/orders", "%s: %v", quote(raw), err)
			continue
		}
		v.dirs = append(v.dirs, dirEntry{entry{p, role, svc}, k})
		v.exists(k, p)
	}
}

// deployPaths checks that each deploy path names a file or directory
// inside the map's directory.
func (v *validator) deployPaths() {
	for i, raw := range v.m.Deploy {
		k := fmt.Sprintf("deploy[%d]", i)
		rel := filepath.FromSlash(strings.TrimSuffix(raw, "/"))
		if raw == "" || filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			v.errAt(k, "write a file or directory relative to the map file, like deploy/k8s or docker-compose.yml", "%s is not inside the map's directory", quote(raw))
			continue
		}
		if v.fs.stat(filepath.Join(v.m.Root, rel)) == "" {
			fix := "create it, or correct the path (paths are relative to " + filepath.Base(v.m.File) + ")"
			dir, name := filepath.Split(rel)
			if s := didYouMean(name, v.fs.entries(filepath.Join(v.m.Root, dir))); s != "" {
				fix = "did you mean " + filepath.ToSlash(filepath.Join(dir, s)) + "?"
			}
			v.errAt(k, fix, "%s does not exist", raw)
		}
	}
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// exists reports a directory whose literal prefix is missing, suggesting the
// closest sibling of the first missing segment.
func (v *validator) exists(key string, p pattern) {
	lit := p.literalPrefix()
	dir := v.m.Root
	for i, seg := range lit {
		next := filepath.Join(dir, seg)
		kind := v.fs.stat(next)
		if kind == "dir" {
			dir = next
			continue
		}
		fix := "create it, or correct the path (paths are relative to " + filepath.Base(v.m.File) + ")"
		if kind != "" {
			v.errAt(key, "name a directory, not a file", "%s is not a directory", strings.Join(lit[:i+1], "/"))
			return
		}
		if names := v.fs.subdirs(dir); len(names) > 0 {
			if s := didYouMean(seg, names); s != "" {
				fix = "did you mean " + strings.Join(append(append([]string{}, lit[:i]...), s), "/") + "?"
			}
		}
		v.errAt(key, fix, "directory %s does not exist", strings.Join(lit[:i+1], "/"))
		return
	}
}

// overlaps reports a directory listed twice (by two services, or as shared
// and owned, ...) and a shared directory inside a service's directory.
// Nesting is otherwise allowed: services/orders/legacy may belong to billing
// while orders owns services/orders; the most specific entry wins.
func (v *validator) overlaps() {
	// Report the later of two entries, in file order.
	sort.SliceStable(v.dirs, func(i, j int) bool {
		a, b := v.at(v.dirs[i].key), v.at(v.dirs[j].key)
		return a.line < b.line || a.line == b.line && a.col < b.col
	})
	first := map[string]dirEntry{}
	for _, e := range v.dirs {
		prev, dup := first[e.pat.raw]
		if !dup {
			first[e.pat.raw] = e
			continue
		}
		line := v.at(prev.key).line
		switch {
		case prev.service != "" && e.service != "" && prev.service != e.service:
			v.errAt(e.key, "keep it in one service; a subdirectory may be given to another service, the most specific entry wins",
				"directory %s is owned by two services: %s (line %d) and %s", e.pat.raw, prev.service, line, e.service)
		case (prev.role == Shared) != (e.role == Shared) && (prev.service != "" || e.service != ""):
			svc := prev.service + e.service
			v.errAt(e.key, fmt.Sprintf("remove it from shared, or make it a contract of %s", svc),
				"shared directory %s is also owned by service %s (line %d)", e.pat.raw, svc, line)
		default:
			v.errAt(e.key, "list it once", "directory %s is already listed at line %d (%s)", e.pat.raw, line, prev.describe())
		}
	}
	for _, sh := range v.dirs {
		if sh.role != Shared {
			continue
		}
		for _, own := range v.dirs {
			if own.role == Private && own.pat.raw != sh.pat.raw && own.pat.matches(sh.pat.segs) {
				v.errAt(sh.key, fmt.Sprintf("make it a contract of %s, or move it out of %s", own.service, own.pat.raw),
					"shared directory %s lies inside %s, which service %s owns", sh.pat.raw, own.pat.raw, own.service)
				break
			}
		}
	}
}

// contracts reports a contract directory that lies in another service's
// directories: the most specific owns entry covering it must be its own
// service's (or none, for contracts outside every service like api/orders).
func (v *validator) contracts() {
	var owns []entry
	for _, e := range v.dirs {
		if e.role == Private {
			owns = append(owns, e.entry)
		}
	}
	sortEntries(owns)
	for _, c := range v.dirs {
		if c.role != Contract {
			continue
		}
		for _, o := range owns {
			if !o.pat.matches(c.pat.segs) {
				continue
			}
			if o.service != c.service {
				v.errAt(c.key, fmt.Sprintf("move it out of %s, or declare it as a contract of %s", o.pat.raw, o.service),
					"contract directory %s of service %s lies inside %s, which service %s owns", c.pat.raw, c.service, o.pat.raw, o.service)
			}
			break
		}
	}
}

// addresses checks hosts, gRPC names and env keys: each must be non-empty and
// name one service only, or queries would be ambiguous.
func (v *validator) addresses() {
	type claim struct{ service, key string }
	kinds := []struct {
		what string
		list func(*Service) []string
		key  string
		norm func(string) string
	}{
		{"host", func(s *Service) []string { return s.Hosts }, "hosts", func(h string) string { return strings.ToLower(strings.TrimSpace(h)) }},
		{"gRPC service", func(s *Service) []string { return s.GRPC }, "grpc", func(g string) string { return strings.Trim(strings.TrimSpace(g), "/") }},
		{"env key", func(s *Service) []string { return s.Env }, "env", strings.TrimSpace},
		{"topic", func(s *Service) []string { return s.Topics }, "topics", strings.TrimSpace},
	}
	for _, k := range kinds {
		type item struct{ service, key, raw string }
		var items []item
		for _, s := range v.m.Services {
			for i, raw := range k.list(s) {
				items = append(items, item{s.Name, fmt.Sprintf("services.%s.%s[%d]", s.Name, k.key, i), raw})
			}
		}
		if k.key == "hosts" {
			for i, e := range v.m.External {
				for j, raw := range e.Hosts {
					items = append(items, item{"external " + e.Name, fmt.Sprintf("external[%d].hosts[%d]", i, j), raw})
				}
			}
		}
		v.inFileOrder(len(items), func(i int) string { return items[i].key }, func(i, j int) { items[i], items[j] = items[j], items[i] })
		seen := map[string]claim{}
		for _, it := range items {
			val := k.norm(it.raw)
			if val == "" || strings.ContainsAny(val, " \t\n") {
				v.errAt(it.key, "remove it, or write the "+k.what+" without spaces", "invalid %s %q", k.what, it.raw)
				continue
			}
			if k.key == "grpc" && strings.Contains(val, "/") {
				v.errAt(it.key, "write the full service name, like shop.orders.v1.OrderService", "gRPC service %q names a method", it.raw)
				continue
			}
			if prev, dup := seen[val]; dup {
				v.errAt(it.key, "declare it in one service only", "%s %s is declared by %s (line %d) and %s", k.what, it.raw, prev.service, v.at(prev.key).line, it.service)
				continue
			}
			seen[val] = claim{it.service, it.key}
		}
	}
}

// externals checks that each external system has a name of its own and
// hosts (addresses checks the hosts themselves).
func (v *validator) externals() {
	names := map[string]bool{}
	for i, e := range v.m.External {
		key := fmt.Sprintf("external[%d]", i)
		switch {
		case e.Name == "":
			v.errAt(key, "add name: with what it is, like payment-provider", "external system without a name")
		case v.m.Service(e.Name) != nil:
			v.errAt(key+".name", "rename it: a service of the map is called "+e.Name, "external system %q has a service's name", e.Name)
		case names[e.Name]:
			v.errAt(key+".name", "merge the two entries", "external system %q is declared twice", e.Name)
		}
		names[e.Name] = true
		if len(e.Hosts) == 0 {
			v.errAt(key, "add hosts: the hosts, host:port or URL prefixes it is reached at", "external system %q has no hosts", e.Name)
		}
	}
}

// inFileOrder sorts n things by the position of their keys, so that of two
// clashing entries the later one in the file is reported.
func (v *validator) inFileOrder(n int, key func(int) string, swap func(i, j int)) {
	sort.Stable(byPosition{n, func(i, j int) bool {
		a, b := v.at(key(i)), v.at(key(j))
		return a.line < b.line || a.line == b.line && a.col < b.col
	}, swap})
}

type byPosition struct {
	n    int
	less func(i, j int) bool
	swap func(i, j int)
}

func (b byPosition) Len() int           { return b.n }
func (b byPosition) Less(i, j int) bool { return b.less(i, j) }
func (b byPosition) Swap(i, j int)      { b.swap(i, j) }

// databases checks names, engines, env keys and shared_with declarations.
func (v *validator) databases() {
	type claim struct{ service, key string }
	names := map[string]claim{}
	envs := map[string]claim{}
	services := append([]*Service(nil), v.m.Services...)
	sort.SliceStable(services, func(i, j int) bool { return services[i].Line < services[j].Line })
	for _, s := range services {
		for i, db := range s.Databases {
			key := fmt.Sprintf("services.%s.databases[%d]", s.Name, i)
			if strings.TrimSpace(db.Name) == "" {
				v.errAt(key, "add name: "+s.Name+"-db", "database without a name")
			} else if prev, dup := names[db.Name]; dup {
				v.errAt(key+".name", "give each database its own name", "database %s is declared by %s (line %d) and %s", db.Name, prev.service, v.at(prev.key).line, s.Name)
			} else {
				names[db.Name] = claim{s.Name, key + ".name"}
			}
			if db.Engine != "" && !contains(Engines, db.Engine) {
				v.errAt(key+".engine", suggest(db.Engine, Engines, "use one of "+strings.Join(Engines, ", ")), "unknown engine %q", db.Engine)
			}
			if len(db.DSN) == 0 && len(db.Env) == 0 {
				v.errAt(key, "add dsn patterns or env keys that identify it", "database %s has neither dsn nor env", db.Name)
			}
			for j, p := range db.DSN {
				if strings.TrimSpace(p) == "" {
					v.errAt(fmt.Sprintf("%s.dsn[%d]", key, j), "remove it", "empty dsn pattern")
				}
			}
			for j, e := range db.Env {
				k := fmt.Sprintf("%s.env[%d]", key, j)
				if prev, dup := envs[e]; dup {
					v.errAt(k, "declare it for one database only", "env key %s is declared by %s (line %d) and %s", e, prev.service, v.at(prev.key).line, s.Name)
				} else {
					envs[e] = claim{s.Name, k}
				}
			}
			v.sharedWith(s, db, key)
		}
	}
}

// sharedWith requires, for every service a database is shared with, an allow
// rule from that service to the owner (or the database) for shareddb: the
// reason lives in the rule.
func (v *validator) sharedWith(owner *Service, db Database, key string) {
	for j, other := range db.SharedWith {
		k := fmt.Sprintf("%s.shared_with[%d]", key, j)
		if v.service(other) == nil {
			v.errAt(k, suggest(other, v.serviceNames(), "name a service of the map"), "unknown service %q", other)
			continue
		}
		if other == owner.Name {
			v.errAt(k, "remove it: a service always reaches its own databases", "database %s is shared with its owner %s", db.Name, other)
			continue
		}
		found := false
		for _, r := range v.m.Allow {
			if (r.From == other || r.From == "*") && (r.To == owner.Name || r.To == db.Name || r.To == "*") &&
				(r.Check == CheckSharedDB || r.Check == "*") && strings.TrimSpace(r.Reason) != "" {
				found = true
				break
			}
		}
		if !found {
			v.errAt(k, fmt.Sprintf("add an allow rule {from: %s, to: %s, check: shareddb, reason: \"...\"}", other, db.Name),
				"database %s is shared with %s without an allow rule", db.Name, other)
		}
	}
}

func (v *validator) service(name string) *Service {
	for _, s := range v.m.Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}

func (v *validator) serviceNames() []string {
	var names []string
	for _, s := range v.m.Services {
		names = append(names, s.Name)
	}
	return names
}

func (v *validator) databaseNames() []string {
	var names []string
	for _, s := range v.m.Services {
		for _, db := range s.Databases {
			names = append(names, db.Name)
		}
	}
	return names
}

// allowRules checks that each rule names known services and checks, carries a
// reason and has not expired.
func (v *validator) allowRules() {
	services := v.serviceNames()
	targets := append(append([]string{}, services...), v.databaseNames()...)
	for i, r := range v.m.Allow {
		key := fmt.Sprintf("allow[%d]", i)
		switch {
		case r.From == "":
			v.errAt(key, "add from: <service> (or \"*\")", "allow rule without from")
		case r.From != "*" && !contains(services, r.From):
			v.errAt(key+".from", suggest(r.From, services, "name a service of the map, or \"*\""), "unknown service %q", r.From)
		}
		switch {
		case r.To == "":
			v.errAt(key, "add to: <service or database> (or \"*\")", "allow rule without to")
		case r.To != "*" && !contains(targets, r.To):
			v.errAt(key+".to", suggest(r.To, targets, "name a service or database of the map, or \"*\""), "unknown service or database %q", r.To)
		}
		switch {
		case r.Check == "":
			v.errAt(key, "add check: "+strings.Join(Checks, "|")+" (or \"*\")", "allow rule without check")
		case r.Check == CheckCycles:
			v.errAt(key+".check", "allow the edges you accept (check: crossimport or syncclient); record the cycle in a baseline, or set checks: {cycles: off}",
				"allow rules accept edges, not cycles")
		case r.Check != "*" && !contains(Checks, r.Check):
			v.errAt(key+".check", suggest(r.Check, Checks, "use one of "+strings.Join(Checks, ", ")+", or \"*\""), "unknown check %q", r.Check)
		}
		if strings.TrimSpace(r.Reason) == "" {
			v.errAt(key, "add reason: \"why this coupling is accepted\"", "allow rule without a reason")
		}
		if expired(r.Expires, v.today) {
			v.errAt(key+".expires", "remove the coupling and the rule, or extend expires with a new reason",
				"allow rule expired on %s", r.Expires.Format("2006-01-02"))
		}
	}
}

// expired reports whether the day exp is before the day of t: a rule is good
// through the whole day it expires on.
func expired(exp, t time.Time) bool {
	if exp.IsZero() {
		return false
	}
	ey, em, ed := exp.Date()
	ty, tm, td := t.Date()
	return time.Date(ey, em, ed, 0, 0, 0, 0, time.UTC).Before(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC))
}

func (v *validator) sinks() {
	for i, s := range v.m.Sinks {
		key := fmt.Sprintf("sinks[%d]", i)
		if s.Package == "" {
			v.errAt(key, "add package: <import path>", "sink without package")
		}
		if s.Function == "" {
			v.errAt(key, "add function: Func or Type.Method", "sink without function")
		}
		if s.Arg < 0 {
			v.errAt(key+".arg", "count arguments from 0", "negative argument index %d", s.Arg)
		}
		if !contains(SinkKinds, s.Kind) {
			v.errAt(key+".kind", suggest(s.Kind, SinkKinds, "use one of "+strings.Join(SinkKinds, ", ")), "unknown sink kind %q", s.Kind)
		}
	}
}
