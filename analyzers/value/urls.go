package value

import (
	"go/ast"
	"go/types"
	"strings"
)

// URLs built with package net/url resolve to their string form:
//
//	u, _ := url.Parse(os.Getenv("ORDERS_URL"))    // {env:ORDERS_URL}
//	u.Path = "/v1/orders"                          // {env:ORDERS_URL}/v1/orders
//	u.JoinPath("v1", "orders")                     // {env:ORDERS_URL}/v1/orders
//	u.ResolveReference(&url.URL{Path: "/v1/orders"})
//	url.JoinPath("http://orders:8080", "v1", id)   // http://orders:8080/v1/{id}
//	c := *base; c.Path = "/v1/orders"              // a copy of base with its own path
//
// Writes to a URL variable's Scheme, Host and Path are applied to its value
// wherever it is read (each must agree, like any variable's writes); the
// query, fragment and user info are not followed, since messages drop them
// anyway. A URL whose scheme and host come whole from one env, config or
// flag key, or a parameter, keeps that part in front of a replaced path:
// the key names the service, though the path it holds is lost.

// urlFields are the fields of net/url.URL whose writes change the address.
var urlFields = []string{"Scheme", "Host", "Path"}

type urlFieldKey struct {
	v     *types.Var
	field string
}

// isURL reports whether t is net/url.URL or a pointer to it.
func isURL(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "net/url" && named.Obj().Name() == "URL"
}

// assignURLField records a write to the Scheme, Host or Path of a URL
// variable (u.Path = "/v1").
func (r *Resolver) assignURLField(e ast.Expr, d def) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return
	}
	v := r.varOf(sel.X)
	if v == nil || !isURL(v.Type()) {
		return
	}
	for _, f := range urlFields {
		if sel.Sel.Name == f {
			k := urlFieldKey{v, f}
			r.urlFieldDefs[k] = append(r.urlFieldDefs[k], d)
		}
	}
}

// urlVariable resolves a URL variable with the writes to its fields
// applied; ok is false when nothing writes them.
func (s *scope) urlVariable(v *types.Var) (Value, bool) {
	if !isURL(v.Type()) {
		return Value{}, false
	}
	val, written := s.variable(v), false
	for _, f := range urlFields {
		defs := s.visible(s.urlFieldDefs[urlFieldKey{v, f}])
		if len(defs) == 0 {
			continue
		}
		written = true
		fv := s.mergeDefs("field "+f+" of "+v.Name(), defs)
		if val = withURLField(val, f, fv); val.Opaque() {
			return Hole("URL " + v.Name() + " with its " + f + " set"), true
		}
	}
	return val, written
}

// withURLField returns URL u with its field f (Scheme, Host or Path) set to x.
func withURLField(u Value, f string, x Value) Value {
	origin, path, ok := splitOrigin(u)
	if !ok {
		return Hole("URL")
	}
	if f == "Path" {
		return Concat(origin, leadingSlash(x))
	}
	scheme, host, ok := splitScheme(origin)
	if !ok {
		return Hole("URL")
	}
	if f == "Host" {
		host = x
	} else {
		scheme = x
	}
	return Concat(scheme, Lit("://"), host, path)
}

// leadingSlash gives a path its leading "/", as URL.String does when the
// URL has a host. A path that is a parameter, or a field of one
// (url.URL{Host: cfg.Host, Path: cfg.Name}), gets it when the call's
// argument is known: the part is marked (Part.Text "/") for Subst. An
// environment variable or flag gets it when its default has none.
func leadingSlash(path Value) Value {
	if len(path.Parts) == 0 {
		return path
	}
	switch first := path.Parts[0]; first.Kind {
	case Text:
		if !strings.HasPrefix(first.Text, "/") {
			return Concat(Lit("/"), path)
		}
	case Param, ParamField:
		first.Text = slashed
		return Concat(Of(first), Value{Parts: path.Parts[1:]})
	case Env, Flag:
		// The default says whether the value is a path with its slash
		// (url.URL{Path: cfg.DB.Name}, conf default "postgres").
		if first.Text != "" && !strings.HasPrefix(first.Text, "/") {
			return Concat(Lit("/"), path)
		}
	}
	return path
}

// slashed marks a Param or ParamField part that is a URL path (Part.Text).
const slashed = "/"

// splitOrigin splits URL u into its origin (scheme://host) and its path
// (with what follows it). The origin is known text up to "://" and
// anything up to the next "/", or a single key or parameter part that
// stands for it.
func splitOrigin(u Value) (origin, path Value, ok bool) {
	if len(u.Parts) == 0 {
		return Value{}, Value{}, false
	}
	first := u.Parts[0]
	if first.Kind != Text {
		if first.Kind == Unknown || first.Kind == EnvParam || first.Kind == ConfigParam {
			return Value{}, Value{}, false
		}
		rest := Value{Parts: u.Parts[1:]}
		if len(rest.Parts) > 0 && (rest.Parts[0].Kind != Text || !strings.HasPrefix(rest.Parts[0].Text, "/")) {
			return Value{}, Value{}, false
		}
		return Of(first), rest, true
	}
	i := strings.Index(first.Text, "://")
	if i < 0 {
		return Value{}, Value{}, false
	}
	for j, p := range u.Parts {
		start := 0
		if j == 0 {
			start = i + len("://")
		}
		if p.Kind != Text {
			continue
		}
		if k := strings.IndexByte(p.Text[start:], '/'); k >= 0 {
			cut := start + k
			origin = Concat(Value{Parts: u.Parts[:j]}, Lit(p.Text[:cut]))
			path = Concat(Lit(p.Text[cut:]), Value{Parts: u.Parts[j+1:]})
			return origin, path, true
		}
	}
	return u, Value{}, true
}

// splitScheme splits an origin that starts with known text "scheme://".
func splitScheme(origin Value) (scheme, host Value, ok bool) {
	if len(origin.Parts) == 0 || origin.Parts[0].Kind != Text {
		return Value{}, Value{}, false
	}
	s, h, ok := strings.Cut(origin.Parts[0].Text, "://")
	if !ok {
		return Value{}, Value{}, false
	}
	return Lit(s), Concat(Lit(h), Value{Parts: origin.Parts[1:]}), true
}

// joinPath resolves url.JoinPath and URL.JoinPath: the base with each
// element after a "/".
func joinPath(base Value, elems []Value) Value {
	out := base
	if n := len(out.Parts); n > 0 && out.Parts[n-1].Kind == Text {
		parts := append([]Part(nil), out.Parts...)
		parts[n-1].Text = strings.TrimRight(parts[n-1].Text, "/")
		out = Value{Parts: parts}
	}
	for _, e := range elems {
		if len(e.Parts) > 0 && e.Parts[0].Kind == Text {
			parts := append([]Part(nil), e.Parts...)
			parts[0].Text = strings.TrimLeft(parts[0].Text, "/")
			e = Value{Parts: parts}
		}
		out = Concat(out, Lit("/"), e)
	}
	return out
}

// resolveReference resolves base.ResolveReference(ref) for the references
// clients use: an absolute URL, or an absolute path that replaces base's.
func resolveReference(base, ref Value) Value {
	if len(ref.Parts) > 0 && ref.Parts[0].Kind == Text {
		t := ref.Parts[0].Text
		switch {
		case strings.Contains(t, "://"):
			return ref
		case strings.HasPrefix(t, "/") && !strings.HasPrefix(t, "//"):
			if origin, _, ok := splitOrigin(base); ok {
				return Concat(origin, ref)
			}
		}
	}
	return Hole("URL resolved against a relative reference")
}

// urlCall resolves the net/url functions and methods that build a URL
// from others; ok is false for any other function.
func (s *scope) urlCall(call *ast.CallExpr, name string, result int) (Value, bool) {
	recv := func() Value {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return s.resolve(sel.X)
		}
		return Hole("URL")
	}
	switch name {
	case "net/url.Parse", "net/url.ParseRequestURI":
		if result <= 0 && len(call.Args) == 1 {
			return s.resolve(call.Args[0]), true
		}
	case "(*net/url.URL).String":
		return recv(), true
	case "net/url.JoinPath":
		if result <= 0 && len(call.Args) > 0 {
			return s.joinPathCall(s.resolve(call.Args[0]), call, call.Args[1:]), true
		}
	case "(*net/url.URL).JoinPath":
		return s.joinPathCall(recv(), call, call.Args), true
	case "(*net/url.URL).ResolveReference":
		if len(call.Args) == 1 {
			return resolveReference(recv(), s.resolve(call.Args[0])), true
		}
	}
	return Value{}, false
}

func (s *scope) joinPathCall(base Value, call *ast.CallExpr, elems []ast.Expr) Value {
	if call.Ellipsis.IsValid() {
		return Concat(base, Hole("path elements"))
	}
	var vs []Value
	for _, e := range elems {
		vs = append(vs, s.resolve(e))
	}
	return joinPath(base, vs)
}
