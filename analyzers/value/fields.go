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
// Only unexported or local struct variables are followed. Like variables, a
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
	if v.Parent() == v.Pkg().Scope() && v.Exported() {
		return fieldKey{}, false // other packages may write it
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
func (r *Resolver) pointerMethod(sel *ast.SelectorExpr) {
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
			r.fieldsEscape[v] = "fields of " + v.Name() + " set by method " + fn.Name()
		}
	}
}

// written reports whether the package writes field k: by assignment, to it
// or to an enclosing field, or in a struct literal assigned to its variable.
func (r *Resolver) written(k fieldKey) bool {
	path := strings.Split(k.name, ".")
	for i := 1; i <= len(path); i++ {
		if len(r.fieldDefs[fieldKey{k.v, strings.Join(path[:i], ".")}]) > 0 {
			return true
		}
	}
	for _, d := range r.defs[k.v] {
		if d.expr == nil {
			continue
		}
		if _, found, _ := literalField(d.expr, path); found {
			return true
		}
	}
	return false
}

// literalField finds the value that a struct literal gives the field at
// path: in config{Redis: redisConfig{Addr: "redis:6379"}}, path [Redis Addr]
// is "redis:6379". found is false when the literal leaves the field unset;
// ok is false when e is not a keyed struct literal down to the field, so
// the field's value cannot be told.
func literalField(e ast.Expr, path []string) (value ast.Expr, found, ok bool) {
	for _, name := range path {
		lit, isLit := ast.Unparen(e).(*ast.CompositeLit)
		if !isLit {
			return nil, false, false
		}
		var next ast.Expr
		for _, elt := range lit.Elts {
			kv, isKV := elt.(*ast.KeyValueExpr)
			if !isKV {
				return nil, false, false // positional literal
			}
			if id, isID := kv.Key.(*ast.Ident); isID && id.Name == name {
				next = kv.Value
			}
		}
		if next == nil {
			return nil, false, true
		}
		e = next
	}
	return e, true, true
}

// field resolves a read of a followed field that the package writes.
func (r *Resolver) field(k fieldKey) Value {
	if val, ok := r.fieldVals[k]; ok {
		return val
	}
	if r.fieldBusy[k] {
		return Hole("field " + k.name)
	}
	r.fieldBusy[k] = true
	val := r.field1(k)
	delete(r.fieldBusy, k)
	r.fieldVals[k] = val
	return val
}

func (r *Resolver) field1(k fieldKey) Value {
	why := "field " + k.name + " of " + k.v.Name()
	if reason, ok := r.fieldsEscape[k.v]; ok {
		return Hole(reason)
	}
	path := strings.Split(k.name, ".")
	defs := r.fieldDefs[k]
	// The variable's own assignments (i == 0), then writes to enclosing
	// fields (cfg.Redis for cfg.Redis.Addr): struct literals set the field
	// (or leave it to the other writes); anything else brings fields from
	// elsewhere.
	for i := range path {
		writes := r.defs[k.v]
		if i > 0 {
			writes = r.fieldDefs[fieldKey{k.v, strings.Join(path[:i], ".")}]
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
			e, found, ok := literalField(d.expr, path[i:])
			if !ok {
				return Hole(why)
			}
			if found {
				defs = append(defs, def{expr: e, index: -1})
			}
		}
	}
	return r.mergeDefs(why, defs)
}

// updateField records that a followed field is updated in a way that
// cannot be resolved (+=, or its address taken).
func (r *Resolver) updateField(e ast.Expr, why string) {
	h := Hole(why)
	r.assignField(e, def{val: &h})
}

// isAssignOp reports whether tok assigns a value as a whole.
func isAssignOp(tok token.Token) bool { return tok == token.DEFINE || tok == token.ASSIGN }
