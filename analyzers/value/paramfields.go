package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Wrappers often take their target as a configuration struct rather than
// a string:
//
//	func Open(cfg Config) (*sqlx.DB, error) {
//		u := url.URL{Scheme: "postgres", Host: cfg.Host, Path: cfg.Name}
//		return sqlx.Open("pgx", u.String())
//	}
//
// A read of a field of such a parameter (held by value, of a type declared
// in the wrapper's package, not reassigned, its fields not written in the
// function) is a ParamField part, so that
// the wrapper's summary says which fields it uses; at a call,
// sqldb.Open(sqldb.Config{Host: cfg.DB.Host, Name: "sales"}), ArgField
// takes each from the argument: a keyed struct literal, a variable whose
// writes give the field a value or that conf.Parse fills (confparse.go),
// or a struct parameter of the caller (a wrapper of the wrapper). Anything else leaves the field unknown,
// saying why.

// paramField resolves e, a field read on a struct parameter of the
// enclosing function declaration, to a ParamField part. The parameter's
// type must be declared in this package: a configuration type of another
// package is what a loader fills (go-zero's NewServiceContext(c
// config.Config)), a ConfigField part that is resolved where it is read.
func (s *scope) paramField(e ast.Expr) (Value, bool) {
	k, ok := s.fieldOf(e)
	if !ok {
		return Value{}, false
	}
	if named := structNamed(k.v.Type()); named == nil || !s.declaresHere(named.Obj()) {
		return Value{}, false
	}
	return s.paramFieldOf(k)
}

// literalPath resolves the field at path of a composite literal. A list
// on the way (go-zero dq's []Beanstalk, each node naming its Tube) is
// looked through when all its elements agree on the field: the list has
// one value then, and none that a guess would pick otherwise.
func (s *scope) literalPath(e ast.Expr, path []string, why string) Value {
	lit, isLit := ast.Unparen(e).(*ast.CompositeLit)
	if !isLit {
		return Hole(why + ": not a struct literal")
	}
	if tv, ok := s.info.Types[lit]; ok && isList(tv.Type) {
		return s.agreed(lit.Elts, path, why)
	}
	fe, found, ok := s.literalField(lit, path[:1])
	switch {
	case !ok:
		return Hole(why + ": not a struct literal")
	case !found:
		return Hole(why + " not set")
	case len(path) == 1:
		return s.resolve(fe)
	}
	return s.literalPath(fe, path[1:], why)
}

// agreed is the field at path of every element of a list literal, when
// they all have the same one.
func (s *scope) agreed(elts []ast.Expr, path []string, why string) Value {
	if len(elts) == 0 {
		return Hole(why + ": an empty list")
	}
	var first Value
	for i, elt := range elts {
		if _, indexed := elt.(*ast.KeyValueExpr); indexed {
			return Hole(why + ": an indexed list literal")
		}
		v := s.literalPath(elt, path, why)
		if i == 0 {
			first = v
		} else if !v.Equal(first) {
			return Hole(why + ": the elements of the list differ")
		}
	}
	return first
}

func isList(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

// paramFieldOf returns the ParamField part of field k when k.v is a
// parameter that its function neither reassigns nor writes fields of.
func (s *scope) paramFieldOf(k fieldKey) (Value, bool) {
	p, isParam := s.params[k.v]
	if !isParam || len(s.defsOf(k.v)) > 0 || s.written(k) {
		return Value{}, false
	}
	return Of(Part{Kind: ParamField, Key: k.v.Name() + "." + k.name, Index: p.index}), true
}

// ArgField resolves the field at path ("Host", "DB.Host") of the struct
// value arg, an argument of a call: what a ParamField part of the
// callee's summary stands for at that call (Value.SubstFields).
func (r *Resolver) ArgField(arg ast.Expr, path string) Value {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.scopeOf(arg.Pos()).argField(arg, path)
}

// ArgFieldUnset reports whether arg is a struct literal that leaves the
// field at path unset: its zero value, which a client reads as absent
// (zrpc.RpcClientConf{Endpoints: ...} has no Target).
func (r *Resolver) ArgFieldUnset(arg ast.Expr, path string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	s := r.scopeOf(arg.Pos())
	for _, name := range strings.Split(path, ".") {
		fe, found, ok := s.literalField(lit, []string{name})
		if !ok {
			return false
		}
		if !found {
			return true
		}
		if lit, ok = ast.Unparen(fe).(*ast.CompositeLit); !ok {
			return false
		}
	}
	return false
}

func (s *scope) argField(arg ast.Expr, path string) Value {
	why := "field " + path + " of the argument"
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X) // &Config{...}
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return s.literalPath(lit, strings.Split(path, "."), why)
	}
	v, vpath := s.fieldPath(e)
	if v == nil {
		return Hole(why + ": not a struct literal or variable")
	}
	if _, isStruct := v.Type().Underlying().(*types.Struct); !isStruct {
		return Hole(why + ": reached through a pointer")
	}
	k := fieldKey{v, strings.Join(append(vpath, strings.Split(path, ".")...), ".")}
	// A parameter passed on whole (a wrapper's options) is its callers'
	// to fill. A field selected from a parameter of another package's
	// struct type (c.PolicyRPC in NewServiceContext(c config.Config)) is
	// what a loader fills, as paramField reads it: looked up where it is
	// read, not at the callers.
	if named := structNamed(v.Type()); len(vpath) == 0 || named != nil && s.declaresHere(named.Obj()) {
		if val, ok := s.paramFieldOf(k); ok {
			return val
		}
	}
	if s.written(k) {
		return s.field(k)
	}
	if val, ok := s.returnedField(k); ok {
		return val
	}
	if val, ok := s.confField(v, strings.Split(k.name, ".")); ok {
		return val
	}
	if val, ok := s.argConfigField(e, strings.Split(path, ".")); ok {
		return val // a struct of a loaded configuration: c.KqConsumerConf
	}
	return Hole(why + ": " + v.Name() + "." + k.name + " is never set here")
}

// returnedField resolves field k.name of k.v, a variable assigned once,
// from a call to a function of this package that returns the struct by
// value: what the function's return statements give that field, with the
// call's arguments in place of its parameters.
//
//	cfg := loadStoreConfig()   // returns storeConfig{DSN: os.Getenv("STORE_DSN"), ...}
//	store, err := newStore(cfg) // newStore opens cfg.DSN
func (s *scope) returnedField(k fieldKey) (Value, bool) {
	defs := s.defsOf(k.v)
	if len(defs) != 1 || defs[0].expr == nil || defs[0].index > 0 {
		return Value{}, false
	}
	call, ok := ast.Unparen(defs[0].expr).(*ast.CallExpr)
	if !ok {
		return Value{}, false
	}
	fn := typeutil.StaticCallee(s.info, call)
	if fn == nil {
		return Value{}, false
	}
	decl := s.funcs[fn.Origin()]
	if decl == nil || decl.Body == nil {
		return Value{}, false
	}
	if s.fieldBusy[k] {
		return Hole("recursive call to " + funcName(fn)), true
	}
	s.fieldBusy[k] = true
	defer delete(s.fieldBusy, k)
	results := fn.Signature().Results()
	var vals []Value
	eachReturn(decl, func(ret *ast.ReturnStmt) {
		if len(ret.Results) != results.Len() {
			vals = append(vals, Hole("return"))
			return
		}
		e := ret.Results[0]
		if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(lit.Elts) == 0 && results.Len() > 1 {
			return // return Config{}, err
		}
		vals = append(vals, s.argField(e, k.name))
	})
	v := merge(funcName(fn), vals)
	return v.SubstFields(func(i int) Value {
		if i < len(call.Args) {
			return s.resolve(call.Args[i])
		}
		return Missing()
	}, func(i int, path string) Value {
		if i < len(call.Args) {
			return s.argField(call.Args[i], path)
		}
		return Missing()
	}), true
}
