package boundaries

import (
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Service returns the named service, or nil.
func (m *Map) Service(name string) *Service {
	if m == nil {
		return nil
	}
	for _, s := range m.Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// ServiceOfEnv returns the service whose address the env or config key
// carries (exact, case-sensitive match), or "".
func (m *Map) ServiceOfEnv(key string) string {
	if m == nil {
		return ""
	}
	for _, s := range m.Services {
		if contains(s.Env, key) {
			return s.Name
		}
	}
	return ""
}

// ServiceOfGRPC returns the service that declares the full gRPC service name
// (shop.orders.v1.OrderService), or "". A full method name
// (/shop.orders.v1.OrderService/Get) names its service.
func (m *Map) ServiceOfGRPC(fullName string) string {
	if m == nil {
		return ""
	}
	name := strings.TrimPrefix(strings.TrimSpace(fullName), "/")
	if i := strings.Index(name, "/"); i >= 0 {
		name = name[:i]
	}
	if name == "" {
		return ""
	}
	for _, s := range m.Services {
		for _, g := range s.GRPC {
			if strings.Trim(strings.TrimSpace(g), "/") == name {
				return s.Name
			}
		}
	}
	return ""
}

// ServiceOfHost returns the service a host or URL addresses, or "". Accepted
// forms: "orders", "orders:8080", a URL ("http://orders:8080/v1/x"), a
// target with an empty authority ("discovery:///orders", "dns:///orders:8080").
// Userinfo, query and fragment never take part; hosts compare
// case-insensitively.
//
// A declared host without a port matches any port; one with a port matches
// that port (http and https imply 80 and 443). A declared URL with a path
// (http://orders:8080/api) matches URLs below that path, by segment. A
// declared bare name (orders) also matches the Kubernetes forms
// orders.<ns>.svc and orders.<ns>.svc.<cluster-domain>, and orders.<ns> when
// <ns> is a namespace some declared host of the map names (x.<ns>.svc...):
// orders.io must not be attributed to orders. The most specific declaration
// wins.
func (m *Map) ServiceOfHost(hostOrURL string) string {
	if m == nil {
		return ""
	}
	a, ok := parseAddress(hostOrURL)
	if !ok {
		return ""
	}
	best, bestScore := "", 0
	for _, s := range m.Services {
		for _, h := range s.Hosts {
			d, ok := parseAddress(h)
			if !ok {
				continue
			}
			if score := m.hostScore(d, a); score > bestScore {
				best, bestScore = s.Name, score
			}
		}
	}
	return best
}

// ExternalOfHost returns the external system a host or URL addresses (the
// forms and matching of ServiceOfHost), or "".
func (m *Map) ExternalOfHost(hostOrURL string) string {
	if m == nil {
		return ""
	}
	a, ok := parseAddress(hostOrURL)
	if !ok {
		return ""
	}
	best, bestScore := "", 0
	for _, e := range m.External {
		for _, h := range e.Hosts {
			if d, ok := parseAddress(h); ok {
				if score := m.hostScore(d, a); score > bestScore {
					best, bestScore = e.Name, score
				}
			}
		}
	}
	return best
}

// hostScore rates how well the declared address d matches a: 0 for no match,
// higher for more specific declarations.
func (m *Map) hostScore(d, a address) int {
	score := 1
	switch {
	case d.host == a.host:
		score += 2
	case !strings.Contains(d.host, ".") && strings.HasPrefix(a.host, d.host+".") && m.kubernetesSuffix(a.host[len(d.host)+1:]):
	default:
		return 0
	}
	if d.port != "" {
		if d.port != a.portOrDefault() {
			return 0
		}
		score += 2
	}
	if p := strings.TrimSuffix(d.path, "/"); p != "" {
		if a.path != p && !strings.HasPrefix(a.path, p+"/") {
			return 0
		}
		score += len(p)
	}
	return score
}

// kubernetesSuffix reports whether rest (what follows "orders.") is a
// Kubernetes service suffix: <ns>.svc, <ns>.svc.<domain>, or <ns> for a
// namespace the map's hosts name.
func (m *Map) kubernetesSuffix(rest string) bool {
	parts := strings.Split(rest, ".")
	if len(parts) >= 2 && parts[0] != "" && parts[1] == "svc" {
		return true
	}
	if len(parts) != 1 || parts[0] == "" {
		return false
	}
	for _, s := range m.Services {
		for _, h := range s.Hosts {
			if d, ok := parseAddress(h); ok {
				hp := strings.Split(d.host, ".")
				if len(hp) >= 3 && hp[1] == parts[0] && hp[2] == "svc" {
					return true
				}
			}
		}
	}
	return false
}

// address is a host or URL split into the parts that identify a service.
type address struct {
	scheme, host, port, path string
}

func (a address) portOrDefault() string {
	if a.port != "" {
		return a.port
	}
	switch a.scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	}
	return ""
}

// parseAddress splits scheme://[userinfo@]host[:port][/path], host[:port][/path]
// and scheme:///name (empty authority: the name is the first path segment).
func parseAddress(s string) (address, bool) {
	var a address
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	rest := s
	if i := strings.Index(s, "://"); i >= 0 {
		a.scheme = strings.ToLower(s[:i])
		rest = s[i+3:]
		if strings.HasPrefix(rest, "/") || a.scheme == "dns" && strings.Contains(rest, "/") {
			// discovery:///orders, dns:///orders:8080, dns://resolver/orders:8080
			rest = rest[strings.Index(rest, "/")+1:]
		}
	}
	authority := rest
	if i := strings.Index(rest, "/"); i >= 0 {
		authority, a.path = rest[:i], rest[i:]
	}
	if i := strings.LastIndex(authority, "@"); i >= 0 {
		authority = authority[i+1:]
	}
	a.host, a.port = splitHostPort(authority)
	a.host = strings.TrimSuffix(strings.ToLower(a.host), ".")
	return a, a.host != ""
}

// splitHostPort splits host:port; [v6]:port keeps the brackets off.
func splitHostPort(s string) (host, port string) {
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]"); i >= 0 {
			host, rest := s[1:i], s[i+1:]
			return host, strings.TrimPrefix(rest, ":")
		}
	}
	if i := strings.LastIndex(s, ":"); i >= 0 && strings.Count(s, ":") == 1 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// DatabaseOfEnv returns the database whose DSN or address the env or config
// key carries (exact, case-sensitive), and its owner; nil, nil when none.
func (m *Map) DatabaseOfEnv(key string) (*Service, *Database) {
	if m == nil {
		return nil, nil
	}
	for _, s := range m.Services {
		for i := range s.Databases {
			if contains(s.Databases[i].Env, key) {
				return s, &s.Databases[i]
			}
		}
	}
	return nil, nil
}

// DatabaseOfDSN returns the database a DSN or address opens, and its owner;
// nil, nil when none. Credentials never take part: userinfo (and user= /
// password= settings) are removed from both the value and the patterns. A
// pattern matches when, without credentials, it matches the value as a glob
// (* is any run of characters; a value's query string is ignored unless the
// pattern has one), or when both read as engine://host:port/db (URLs, and
// go-sql-driver's tcp(host:port)/db) and agree on engine, host, port (engine
// defaults filled in) and database, each compared as a glob; a pattern without
// a database matches every database on that server. So the normalised form
// "postgres://orders-db:5432/orders" that analyzers/dsn produces matches the
// pattern "postgresql://*@orders-db/orders".
func (m *Map) DatabaseOfDSN(dsn string) (*Service, *Database) {
	if m == nil || strings.TrimSpace(dsn) == "" {
		return nil, nil
	}
	for _, s := range m.Services {
		for i := range s.Databases {
			db := &s.Databases[i]
			for _, p := range db.DSN {
				if dsnMatches(p, dsn, db.Engine) {
					return s, db
				}
			}
		}
	}
	return nil, nil
}

// ServiceOfTopic names the service that owns topic: the one whose topics
// list it, or hold a pattern that matches it (* matches any run of
// characters). An exact entry wins over a pattern, and of two patterns the
// longer one; "" when no service owns it.
func (m *Map) ServiceOfTopic(topic string) string {
	if m == nil || topic == "" {
		return ""
	}
	best, bestLen := "", -1
	for _, s := range m.Services {
		for _, t := range s.Topics {
			switch {
			case t == topic:
				return s.Name
			case strings.Contains(t, "*") && glob(t, topic) && len(t) > bestLen:
				best, bestLen = s.Name, len(t)
			}
		}
	}
	return best
}

// Allowed reports the first allow rule that accepts check from one service to
// another (to is a service, or a database name for shareddb). "*" in a rule's
// from, to or check matches anything. A rule with a target matches only
// targets it prefixes at a boundary ("/", "?", "#", or the end; a leading "/"
// is ignored so gRPC methods may be written either way); a rule without one
// matches every target. A target may also be written the way people read it:
// a URL path ("/v1/quotes") matches a URL target by its path, and a
// directory relative to the map ("services/orders/store") matches an import
// path target by its directory. Rules expired before now's day are ignored.
func (m *Map) Allowed(check, from, to, target string, now time.Time) (*AllowRule, bool) {
	if m == nil {
		return nil, false
	}
	for i := range m.Allow {
		r := &m.Allow[i]
		if !wildcard(r.Check, check) || !wildcard(r.From, from) || !wildcard(r.To, to) {
			continue
		}
		if !m.targetMatches(r.Target, target) || expired(r.Expires, now) {
			continue
		}
		return r, true
	}
	return nil, false
}

func wildcard(rule, value string) bool { return rule == "*" || rule == value }

func (m *Map) targetMatches(rule, target string) bool {
	if rule == "" || prefixMatches(rule, target) {
		return true
	}
	if path, ok := urlPath(target); ok && strings.HasPrefix(rule, "/") && prefixMatches(rule, path) {
		return true
	}
	if dir, ok := m.repoDir(target); ok && prefixMatches(rule, dir) {
		return true
	}
	return false
}

// urlPath returns the path of a URL target: "http://orders:8080/v1/x?q" and
// "$ORDERS_URL/v1/x" (a base address from an env key) both give "/v1/x".
func urlPath(target string) (string, bool) {
	var rest string
	if _, after, ok := strings.Cut(target, "://"); ok {
		rest = after
	} else if strings.HasPrefix(target, "$") {
		rest = target[1:]
	} else {
		return "", false
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return "/", true
	}
	return rest[i:], true
}

// repoDir returns the directory, relative to the map, of an import path in
// one of the repository's modules.
func (m *Map) repoDir(importPath string) (string, bool) {
	mod, rest, ok := m.moduleOf(importPath)
	if !ok {
		return "", false
	}
	rel, err := filepath.Rel(m.Root, filepath.Join(mod.Dir, filepath.FromSlash(rest)))
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func prefixMatches(rule, target string) bool {
	rule, target = strings.TrimPrefix(rule, "/"), strings.TrimPrefix(target, "/")
	if !strings.HasPrefix(target, rule) {
		return false
	}
	if len(target) == len(rule) || strings.HasSuffix(rule, "/") {
		return true
	}
	switch target[len(rule)] {
	case '/', '?', '#':
		return true
	}
	return false
}

// Severity of a check: what the map's checks table says, else error for
// crossimport, shareddb and syncclient, warn for cycles, and off for unowned, events and unknown names,
// so that nothing the map did not ask for is reported.
func (m *Map) Severity(check string) Severity {
	if m != nil {
		if s, ok := m.Checks[check]; ok {
			return s
		}
	}
	switch check {
	case CheckCrossImport, CheckSharedDB, CheckSyncClient:
		return SeverityError
	case CheckCycles:
		return SeverityWarn
	}
	return SeverityOff
}

// WithHosts returns a copy of m in which each service named in extra also
// answers to the hosts listed for it there, after its own: the names and
// ports deploy files give a service whose map entry lists none. m is not
// changed (maps are shared, read-only).
func (m *Map) WithHosts(extra map[string][]string) *Map {
	if m == nil || len(extra) == 0 {
		return m
	}
	c := *m
	c.Services = make([]*Service, len(m.Services))
	for i, s := range m.Services {
		c.Services[i] = s
		if hosts := extra[s.Name]; len(hosts) > 0 {
			s2 := *s
			s2.Hosts = append(slices.Clip(s.Hosts), hosts...)
			c.Services[i] = &s2
		}
	}
	return &c
}
