package boundaries

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// The keys each level of the map accepts, for strict decoding and did-you-mean.
var (
	topKeys      = []string{"version", "shared", "wiring", "deploy", "services", "external", "allow", "checks", "sinks"}
	externalKeys = []string{"name", "hosts"}
	serviceKeys  = []string{"owns", "contracts", "hosts", "grpc", "env", "databases", "topics"}
	databaseKeys = []string{"name", "engine", "dsn", "env", "shared_with"}
	allowKeys    = []string{"from", "to", "check", "target", "reason", "expires"}
	sinkKeys     = []string{"package", "function", "arg", "kind"}
)

// keyHints maps words users reach for to the key the map uses, where edit
// distance would not find it.
var keyHints = map[string]string{
	"keys": "env", "config": "env", "addresses": "hosts", "address": "hosts", "host": "hosts",
	"urls": "hosts", "dirs": "owns", "paths": "owns", "packages": "owns", "contract": "contracts",
	"apis": "contracts", "dbs": "databases", "database": "databases", "sharedwith": "shared_with",
	"subjects": "topics", "queues": "topics", "streams": "topics", "events": "topics", "because": "reason", "why": "reason", "until": "expires", "expiry": "expires", "service": "from",
}

// position is where a key or value sits in the map file.
type position struct{ line, col int }

// decoder turns a node tree into a Map, strictly: unknown keys and values of
// the wrong type are errors, and every key's position is recorded so that
// validation can name it.
type decoder struct {
	file string
	errs Errors
	pos  map[string]position // dotted key path -> position
}

func (d *decoder) errorf(at position, key, fix, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: at.line, Column: at.col, Key: key, Msg: fmt.Sprintf(format, args...), Fix: fix})
}

// at returns the position of path, or of its nearest recorded parent.
func (d *decoder) at(path string) position {
	for {
		if p, ok := d.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return position{1, 1}
		}
		path = path[:i]
	}
}

func posOf(n *node) position { return position{n.line, n.col} }

// fields checks that n is a mapping with only known keys and returns its
// values by key. Positions of the keys are recorded under path.
func (d *decoder) fields(n *node, path string, known []string) map[string]*node {
	if !d.isMap(n, path) {
		return nil
	}
	out := map[string]*node{}
	for i, k := range n.keys {
		sub := joinKey(path, k.value)
		d.pos[sub] = posOf(k)
		if !contains(known, k.value) {
			fix := "remove it; known keys: " + strings.Join(known, ", ")
			if h, ok := keyHints[strings.ToLower(k.value)]; ok && contains(known, h) {
				fix = "did you mean " + h + "?"
			} else {
				fix = suggest(k.value, known, fix)
			}
			d.errorf(posOf(k), sub, fix, "unknown key %q", k.value)
			continue
		}
		out[k.value] = n.vals[i]
	}
	return out
}

func (d *decoder) isMap(n *node, path string) bool {
	if n.kind == mapNode {
		return true
	}
	if n.kind == scalarNode && n.typ == "null" {
		return false // an empty value stands for an empty mapping
	}
	d.errorf(posOf(n), path, "write a mapping of keys to values", "expected a mapping, found %s", n.describe())
	return false
}

func (d *decoder) str(n *node, path string) string {
	if n == nil {
		return ""
	}
	if n.kind != scalarNode || n.typ != "string" {
		if n.kind == scalarNode && n.typ == "null" {
			return ""
		}
		d.errorf(posOf(n), path, "quote the value", "expected a string, found %s", n.describe())
		return ""
	}
	return n.value
}

// strList decodes a list of strings, recording each item's position.
func (d *decoder) strList(n *node, path string) []string {
	if n == nil || (n.kind == scalarNode && n.typ == "null") {
		return nil
	}
	if n.kind != listNode {
		fix := "write a list"
		if n.kind == scalarNode {
			fix = fmt.Sprintf("write a list: [%s]", n.value)
		}
		d.errorf(posOf(n), path, fix, "expected a list of strings, found %s", n.describe())
		return nil
	}
	var out []string
	for i, item := range n.items {
		sub := fmt.Sprintf("%s[%d]", path, i)
		d.pos[sub] = posOf(item)
		if s := d.str(item, sub); s != "" || item.typ == "string" {
			out = append(out, s)
		}
	}
	return out
}

// list returns the items of a list, recording each item's position.
func (d *decoder) list(n *node, path string, what string) []*node {
	if n == nil || (n.kind == scalarNode && n.typ == "null") {
		return nil
	}
	if n.kind != listNode {
		d.errorf(posOf(n), path, "write a list of "+what, "expected a list of %s, found %s", what, n.describe())
		return nil
	}
	for i, item := range n.items {
		d.pos[fmt.Sprintf("%s[%d]", path, i)] = posOf(item)
	}
	return n.items
}

func (d *decoder) int(n *node, path string) (int, bool) {
	if n.kind == scalarNode && n.typ == "int" {
		var v int
		if _, err := fmt.Sscanf(n.value, "%d", &v); err == nil {
			return v, true
		}
	}
	d.errorf(posOf(n), path, "write a whole number", "expected a whole number, found %s", n.describe())
	return 0, false
}

func (d *decoder) date(n *node, path string) time.Time {
	if n.kind == scalarNode {
		switch n.typ {
		case "date":
			return n.time
		case "string":
			if t, ok := parseDate(n.value); ok {
				return t
			}
		case "null":
			return time.Time{}
		}
	}
	d.errorf(posOf(n), path, "write a date like 2027-06-30", "expected a date, found %s", n.describe())
	return time.Time{}
}

// decode fills a Map from the tree. Semantic checks are validate's job.
func (d *decoder) decode(root *node) *Map {
	m := &Map{Checks: map[string]Severity{}}
	top := d.fields(root, "", topKeys)
	if v, ok := top["version"]; ok {
		m.Version, _ = d.int(v, "version")
	}
	m.Shared = d.strList(top["shared"], "shared")
	m.Wiring = d.strList(top["wiring"], "wiring")
	m.Deploy = d.strList(top["deploy"], "deploy")
	if v, ok := top["services"]; ok {
		m.Services = d.services(v)
	}
	for i, item := range d.list(top["external"], "external", "external systems") {
		m.External = append(m.External, d.external(item, fmt.Sprintf("external[%d]", i)))
	}
	for i, item := range d.list(top["allow"], "allow", "rules") {
		m.Allow = append(m.Allow, d.allowRule(item, fmt.Sprintf("allow[%d]", i)))
	}
	if v, ok := top["checks"]; ok {
		for name, sv := range d.fields(v, "checks", Checks) {
			s := Severity(d.str(sv, "checks."+name))
			switch s {
			case SeverityError, SeverityWarn, SeverityOff:
				m.Checks[name] = s
			default:
				d.errorf(posOf(sv), "checks."+name, suggest(string(s), []string{"error", "warn", "off"}, "use error, warn or off"), "unknown severity %q", s)
			}
		}
	}
	for i, item := range d.list(top["sinks"], "sinks", "sinks") {
		m.Sinks = append(m.Sinks, d.sink(item, fmt.Sprintf("sinks[%d]", i)))
	}
	return m
}

func (d *decoder) services(n *node) []*Service {
	if !d.isMap(n, "services") {
		return nil
	}
	var out []*Service
	for i, k := range n.keys {
		path := joinKey("services", k.value)
		d.pos[path] = posOf(k)
		s := &Service{Name: k.value, Line: k.line}
		f := d.fields(n.vals[i], path, serviceKeys)
		s.Owns = d.strList(f["owns"], path+".owns")
		s.Contracts = d.strList(f["contracts"], path+".contracts")
		s.Hosts = d.strList(f["hosts"], path+".hosts")
		s.GRPC = d.strList(f["grpc"], path+".grpc")
		s.Env = d.strList(f["env"], path+".env")
		s.Topics = d.strList(f["topics"], path+".topics")
		for j, item := range d.list(f["databases"], path+".databases", "databases") {
			s.Databases = append(s.Databases, d.database(item, fmt.Sprintf("%s.databases[%d]", path, j)))
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (d *decoder) external(n *node, path string) External {
	f := d.fields(n, path, externalKeys)
	return External{
		Name:  d.str(f["name"], path+".name"),
		Hosts: d.strList(f["hosts"], path+".hosts"),
		Line:  n.line,
	}
}

func (d *decoder) database(n *node, path string) Database {
	f := d.fields(n, path, databaseKeys)
	return Database{
		Name:       d.str(f["name"], path+".name"),
		Engine:     d.str(f["engine"], path+".engine"),
		DSN:        d.strList(f["dsn"], path+".dsn"),
		Env:        d.strList(f["env"], path+".env"),
		SharedWith: d.strList(f["shared_with"], path+".shared_with"),
		Line:       n.line,
	}
}

func (d *decoder) allowRule(n *node, path string) AllowRule {
	f := d.fields(n, path, allowKeys)
	r := AllowRule{
		From:   d.str(f["from"], path+".from"),
		To:     d.str(f["to"], path+".to"),
		Check:  d.str(f["check"], path+".check"),
		Target: d.str(f["target"], path+".target"),
		Reason: d.str(f["reason"], path+".reason"),
		Line:   n.line,
	}
	if v, ok := f["expires"]; ok {
		r.Expires = d.date(v, path+".expires")
	}
	return r
}

func (d *decoder) sink(n *node, path string) Sink {
	f := d.fields(n, path, sinkKeys)
	s := Sink{
		Package:  d.str(f["package"], path+".package"),
		Function: d.str(f["function"], path+".function"),
		Kind:     d.str(f["kind"], path+".kind"),
		Line:     n.line,
	}
	if v, ok := f["arg"]; ok {
		s.Arg, _ = d.int(v, path+".arg")
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
