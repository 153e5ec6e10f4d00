package syncclient

import (
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
)

// display renders a resolved address or URL for messages and finding
// targets: known text as is, an environment variable as $KEY, a flag as its
// default (the address the program uses unless told otherwise), other holes
// as "…". Credentials, query strings and fragments are removed (redact).
func display(v value.Value) string { return displayFlags(v, false) }

// displayFlags is display, with flags shown by name when byName is set:
// when the deploy files set them, the default is not where the call goes.
func displayFlags(v value.Value, byName bool) string {
	var b strings.Builder
	for _, p := range v.Parts {
		switch p.Kind {
		case value.Text:
			b.WriteString(p.Text)
		case value.Env:
			b.WriteString("$" + p.Key)
		case value.Flag:
			if p.Text != "" && !byName {
				b.WriteString(p.Text)
			} else {
				b.WriteString("{flag -" + p.Key + "}")
			}
		case value.Config, value.Param, value.ParamField, value.ConfigField:
			b.WriteString("{" + p.Key + "}")
		default:
			b.WriteString("…")
		}
	}
	return redact(b.String())
}

// redact removes what must never be printed or compared: userinfo
// (user:password@), the query string (tokens travel there) and the fragment.
func redact(s string) string {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		scheme, rest = "", s
	}
	authority, path := rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		authority = authority[i+1:]
	}
	if ok {
		return scheme + "://" + authority + path
	}
	return authority + path
}

// A provenance says where the values that attributed a call came from
// (deploy and config files), or, for -strict, why they could not.
type provenance struct {
	sources  []string // "docker-compose.yml:12"
	why      []string // "env ORDERS_ADDR: no value in ..."
	external string   // the external system of the map it reaches, when no service
}

func (p *provenance) add(q provenance) {
	for _, s := range q.sources {
		if !slices.Contains(p.sources, s) {
			p.sources = append(p.sources, s)
		}
	}
	for _, s := range q.why {
		if !slices.Contains(p.why, s) {
			p.why = append(p.why, s)
		}
	}
}

// serviceOf attributes v with attr: as the code writes it, else through
// the values the deploy and config files give its env and config parts
// where the package's service runs (servicemap.View.Bind). What it used,
// or why it failed, is added to p.
func (c *checker) serviceOf(v value.Value, attr func(*boundaries.Map, value.Value) string, p *provenance) string {
	m := c.view.Map
	if svc := attr(m, v); svc != "" {
		return svc
	}
	b := value.Bind(c.view, v)
	svc, why := "", slices.Clone(b.Why)
	if b.Changed(v) { // else attr has said "" already
		svc, why = b.Attribute(func(alt value.Value) string { return attr(m, alt) })
	}
	if svc == "" {
		if auth, ok := authorityOnly(v); ok {
			// $EVENTSTORE_URL + path, the path unknown: the deploy value
			// of the key is the whole authority, as a key the map lists
			// would be (serviceOfAddress), though the bound text alone
			// does not say where the host ends.
			if ab := value.Bind(c.view, auth); ab.Changed(auth) {
				if asvc, _ := ab.Attribute(func(alt value.Value) string { return attr(m, alt) }); asvc != "" {
					svc, why, b = asvc, nil, ab
				}
			}
		}
	}
	for _, part := range v.Parts {
		if part.Kind == value.Unknown && part.Key != "" && !slices.Contains(why, part.Key) {
			why = append(why, part.Key) // what the resolver could not follow, for -strict
		}
	}
	q := provenance{why: why}
	if svc != "" {
		q = provenance{sources: b.Sources()}
	}
	if svc == "" && p.external == "" {
		p.external, _ = b.Attribute(func(alt value.Value) string { return externalOfAddress(m, alt) })
	}
	p.add(q)
	return svc
}

// externalOfAddress names the external system of the map that v reaches,
// under the rules of serviceOfAddress, or "".
func externalOfAddress(m *boundaries.Map, v value.Value) string {
	prefix, complete := knownPrefix(v)
	if complete || hostIsKnown(prefix) {
		return m.ExternalOfHost(prefix)
	}
	return ""
}

// serviceOfAddress attributes a resolved address or URL to a service of the
// map, or returns "". It never guesses: its authority must come from an env
// or config key the map lists, or its host must be known text.
func serviceOfAddress(m *boundaries.Map, v value.Value) string {
	if len(v.Parts) == 0 {
		return ""
	}
	if key, ok := authorityKey(v); ok {
		if svc := m.ServiceOfEnv(key); svc != "" {
			return svc
		}
	}
	prefix, complete := knownPrefix(v)
	if complete || hostIsKnown(prefix) {
		return m.ServiceOfHost(prefix)
	}
	return ""
}

// addressKnown reports whether a use that still depends on parameters of
// its function already names where it goes: the parameters only add to the
// path (http.Get(base + "/v1/orders/" + id) with a constant base), the
// address comes from an env or config key, or the path names a Dapr app.
func addressKnown(u sinks.Use) bool {
	if u.Kind == GRPCService || len(u.Value.Parts) == 0 {
		return false
	}
	if _, ok := authorityKey(u.Value); ok {
		return true
	}
	if app, ok := daprInvokeApp(u.Value); ok && app != "" {
		return true // a Dapr sidecar URL: the path names the callee
	}
	if k := u.Value.Parts[0].Kind; k == value.Param || k == value.ParamField {
		return false
	}
	prefix, _ := knownPrefix(u.Value)
	return hostIsKnown(prefix)
}

// authorityKey returns the env, config or flag key that supplies v's
// authority: v starts with it ($ORDERS_URL + "/v1/orders"), or with nothing
// but a scheme before it ("http://" + $ORDERS_ADDR + "/v1/orders").
func authorityKey(v value.Value) (string, bool) {
	i, ok := authorityPart(v)
	if !ok {
		return "", false
	}
	return v.Parts[i].Key, true
}

// authorityPart is the index in v.Parts of the part authorityKey names.
func authorityPart(v value.Value) (int, bool) {
	var before strings.Builder
	for i, p := range v.Parts {
		switch p.Kind {
		case value.Text:
			before.WriteString(p.Text)
		case value.Env, value.Config, value.Flag, value.ConfigField:
			if s := before.String(); s == "" || isScheme(s) {
				return i, true
			}
			return 0, false
		default:
			return 0, false
		}
	}
	return 0, false
}

// authorityOnly returns v up to the part that supplies its authority, when
// something follows it: what a deploy or config file's value of that key
// makes the whole address.
func authorityOnly(v value.Value) (value.Value, bool) {
	i, ok := authorityPart(v)
	if !ok || i == len(v.Parts)-1 {
		return value.Value{}, false
	}
	return value.Value{Parts: slices.Clone(v.Parts[:i+1])}, true
}

// isScheme reports whether s is exactly a URL scheme and its slashes:
// "http://", "dns:///", "grpc+tls://".
func isScheme(s string) bool {
	name, slashes, ok := strings.Cut(s, ":")
	if !ok || name == "" || (slashes != "//" && slashes != "///") {
		return false
	}
	for i, r := range name {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || !strings.ContainsRune("0123456789+.-", r)) {
			return false
		}
	}
	return true
}

// knownPrefix returns the text of v up to its first hole (flags and env
// variables with a default count as their default), and whether that is all
// of v.
func knownPrefix(v value.Value) (string, bool) {
	var b strings.Builder
	for _, p := range v.Parts {
		switch {
		case p.Kind == value.Text:
			b.WriteString(p.Text)
		case (p.Kind == value.Flag || p.Kind == value.Env) && p.Text != "":
			b.WriteString(p.Text)
		default:
			return b.String(), false
		}
	}
	return b.String(), true
}

// hostIsKnown reports whether a partially known URL's prefix already holds
// its whole authority: "http://orders:8080/v1/orders/" is, "http://orders"
// (which could continue as "http://orders.evil.example") is not.
func hostIsKnown(prefix string) bool {
	_, rest, ok := strings.Cut(prefix, "://")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "/") // discovery:///name: the name is the first segment
	return strings.Contains(rest, "/")
}

// grpcServiceOfPath returns the gRPC service of a connect or twirp URL
// path (.../shop.orders.v1.OrderService/GetOrder), or "".
func grpcServiceOfPath(url string) string {
	i := strings.LastIndexByte(url, '/')
	if i < 0 {
		return ""
	}
	j := strings.LastIndexByte(url[:i], '/')
	svc := url[j+1 : i]
	if !strings.Contains(svc, ".") || strings.Contains(svc, ":") {
		return ""
	}
	return svc
}
