package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// Fields of struct variables are followed when the package assigns them,
// the way configuration is often filled in:
//
//	var cfg config
//	cfg.Addr = os.Getenv("REDIS_ADDR")
//	flag.StringVar(&cfg.DSN, "dsn", "postgres://localhost/app", "database")
//	redis.NewClient(&redis.Options{Addr: cfg.Addr})
//
// Fields of nested structs are followed the same way (cfg.Redis.Addr,
// written as cfg.Redis.Addr = ..., cfg.Redis = redisConfig{Addr: ...} or in
// a nested literal assigned to cfg), but not through pointers (p.Addr, or
// cfg.Redis.Addr when Redis is a pointer): another variable may write them.
// Package-level variables are followed whether exported or not: an
// exported one (utils.Env, filled by utils.InitEnvVars from the
// environment) takes the writes of its own package, as other packages
// read it; a package that writes another's variable is not seen. Like
// variables, a
// field resolves only when every write to it agrees (or is the getenv
// idiom); it is unknown when the variable or an enclosing field is assigned
// anything but struct literals, when its address, the field's or an
// enclosing field's is taken (other than by flag.StringVar), or when a
// method with a pointer receiver is called on the variable or any of its
// fields.

// fieldKey names a field of variable v by its path: "Addr", or "Redis.Addr"
// for field Addr of the struct in field Redis.
type fieldKey struct {
	v    *types.Var
	name string
}

// fieldOf returns the followed field that e selects, if e is one.
func (r *Resolver) fieldOf(e ast.Expr) (fieldKey, bool) {
	v, path := r.fieldPath(e)
	if v == nil || len(path) == 0 {
		return fieldKey{}, false
	}
	if _, isStruct := v.Type().Underlying().(*types.Struct); !isStruct {
		return fieldKey{}, false // through a pointer, another variable may write it
	}
	return fieldKey{v, strings.Join(path, ".")}, true
}

// fieldPath splits e into a variable and the fields selected on it, outermost
// first: cfg.Redis.Addr is cfg and [Redis Addr]. It returns a nil variable
// when a selection is not of a field held by value (a method, a promoted
// field, a field reached through a pointer) or e does not start at a
// variable; a bare variable has an empty path.
func (r *Resolver) fieldPath(e ast.Expr) (*types.Var, []string) {
	var path []string
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		selection, ok := r.info.Selections[sel]
		if !ok || selection.Kind() != types.FieldVal || len(selection.Index()) != 1 || selection.Indirect() {
			return nil, nil
		}
		path = append(path, sel.Sel.Name)
		e = sel.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, _ := r.info.Uses[id].(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil {
		return nil, nil
	}
	slices.Reverse(path)
	return v, path
}

// assignField records a write to a followed field; it reports whether e is one.
func (r *Resolver) assignField(e ast.Expr, d def) bool {
	k, ok := r.fieldOf(e)
	if ok {
		r.fieldDefs[k] = append(r.fieldDefs[k], d)
	}
	return ok
}

// pointerMethod records a call of a method with a pointer receiver on a
// struct variable: the method may write any of its fields.
func (r *Resolver) pointerMethod(sel *ast.SelectorExpr, test bool) {
	selection, ok := r.info.Selections[sel]
	if !ok || selection.Kind() != types.MethodVal {
		return
	}
	fn, ok := selection.Obj().(*types.Func)
	if !ok {
		return
	}
	if _, ptr := fn.Signature().Recv().Type().(*types.Pointer); !ptr {
		return
	}
	// On the variable (loaded.load()) or on one of its fields
	// (cfg.Redis.load()): the method may write any field below it.
	if v, _ := r.fieldPath(sel.X); v != nil {
		if _, isStruct := v.Type().Underlying().(*types.Struct); isStruct {
			r.escapeFields(v, "fields of "+v.Name()+" set by method "+fn.Name(), test)
		}
	}
}

// written reports whether the scope sees a write to field k: by
// assignment, to it or to an enclosing field, or in a struct literal
// assigned to its variable.
func (s *scope) written(k fieldKey) bool {
	path := strings.Split(k.name, ".")
	for i := 1; i <= len(path); i++ {
		if len(s.fieldDefsOf(fieldKey{k.v, strings.Join(path[:i], ".")})) > 0 {
			return true
		}
	}
	for _, d := range s.defsOf(k.v) {
		if d.expr == nil {
			continue
		}
		if _, found, _ := s.literalField(d.expr, path); found {
			return true
		}
	}
	return false
}

// literalField finds the value that a struct literal gives the field at
// path: in config{Redis: redisConfig{Addr: "redis:6379"}}, path [Redis Addr]
// is "redis:6379" (keyed or positional, see LiteralFields). found is false
// when the literal leaves the field unset; ok is false when e is not a
// struct literal down to the field, so the field's value cannot be told.
func (s *scope) literalField(e ast.Expr, path []string) (value ast.Expr, found, ok bool) {
	for _, name := range path {
		lit, isLit := ast.Unparen(e).(*ast.CompositeLit)
		if !isLit {
			return nil, false, false
		}
		fields, isStruct := LiteralFields(s.info, lit)
		if !isStruct {
			return nil, false, false
		}
		var next ast.Expr
		for _, f := range fields {
			if f.Var.Name() == name {
				next = f.Expr
			}
		}
		if next == nil {
			return nil, false, true
		}
		e = next
	}
	return e, true, true
}

// field resolves a read of a followed field that the scope sees written.
func (s *scope) field(k fieldKey) Value {
	if val, ok := s.fieldVals[k]; ok {
		return val
	}
	if s.fieldBusy[k] {
		return Hole("field " + k.name)
	}
	s.fieldBusy[k] = true
	val := s.field1(k)
	delete(s.fieldBusy, k)
	s.fieldVals[k] = val
	return val
}

func (s *scope) field1(k fieldKey) Value {
	why := "field " + k.name + " of " + k.v.Name()
	if reason, ok := s.escaped(k.v); ok {
		return Hole(reason)
	}
	path := strings.Split(k.name, ".")
	defs := slices.Clip(s.fieldDefsOf(k)) // appended to below: not the index's array
	// The variable's own assignments (i == 0), then writes to enclosing
	// fields (cfg.Redis for cfg.Redis.Addr): struct literals set the field
	// (or leave it to the other writes); anything else brings fields from
	// elsewhere.
	for i := range path {
		writes := s.defsOf(k.v)
		if i > 0 {
			writes = s.fieldDefsOf(fieldKey{k.v, strings.Join(path[:i], ".")})
		}
		for _, d := range writes {
			if d.val != nil {
				if len(d.val.Parts) == 1 && d.val.Parts[0].Kind == Unknown {
					return *d.val // address taken, updated in place: say so
				}
				return Hole(why)
			}
			if d.index >= 0 {
				return Hole(why)
			}
			e, found, ok := s.literalField(d.expr, path[i:])
			if !ok {
				return Hole(why)
			}
			if found {
				defs = append(defs, def{expr: e, index: -1, test: d.test})
			}
		}
	}
	return s.mergeDefs(why, defs)
}

// updateField records that a followed field is updated in a way that
// cannot be resolved (+=, or its address taken).
func (r *Resolver) updateField(e ast.Expr, why string, test bool) {
	h := Hole(why)
	r.assignField(e, def{val: &h, test: test})
	r.assignTypeField(e, def{val: &h, test: test})
	r.assignURLField(e, def{val: &h, test: test})
}

// isAssignOp reports whether tok assigns a value as a whole.
func isAssignOp(tok token.Token) bool { return tok == token.DEFINE || tok == token.ASSIGN }
