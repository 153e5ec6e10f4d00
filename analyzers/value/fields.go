package value

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Fields of struct variables are followed when the package assigns them,
// the way configuration is often filled in:
//
//	var cfg config
//	cfg.Addr = os.Getenv("REDIS_ADDR")
//	flag.StringVar(&cfg.DSN, "dsn", "postgres://localhost/app", "database")
//	redis.NewClient(&redis.Options{Addr: cfg.Addr})
//
// Only fields selected directly on a variable (cfg.Addr, not cfg.Redis.Addr
// nor p.Addr through a pointer) of an unexported or local struct variable
// are followed. Like variables, a field resolves only when every write to
// it agrees (or is the getenv idiom); it is unknown when the variable is
// assigned anything but struct literals, when its address or the field's
// is taken (other than by flag.StringVar), or when a method with a pointer
// receiver is called on it.

// fieldKey names field name of variable v.
type fieldKey struct {
	v    *types.Var
	name string
}

// fieldOf returns the followed field that e selects, if e is one.
func (r *Resolver) fieldOf(e ast.Expr) (fieldKey, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return fieldKey{}, false
	}
	selection, ok := r.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal || len(selection.Index()) != 1 {
		return fieldKey{}, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return fieldKey{}, false
	}
	v, _ := r.info.Uses[id].(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil {
		return fieldKey{}, false
	}
	if _, isStruct := v.Type().Underlying().(*types.Struct); !isStruct {
		return fieldKey{}, false // through a pointer, another variable may write it
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() {
		return fieldKey{}, false // other packages may write it
	}
	return fieldKey{v, sel.Sel.Name}, true
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
	if v := r.varOf(sel.X); v != nil {
		if _, isStruct := v.Type().Underlying().(*types.Struct); isStruct {
			r.fieldsEscape[v] = "fields of " + v.Name() + " set by method " + fn.Name()
		}
	}
}

// written reports whether the package writes field k: by assignment, or in
// a struct literal assigned to its variable.
func (r *Resolver) written(k fieldKey) bool {
	if len(r.fieldDefs[k]) > 0 {
		return true
	}
	for _, d := range r.defs[k.v] {
		if d.expr == nil {
			continue
		}
		if lit, ok := ast.Unparen(d.expr).(*ast.CompositeLit); ok {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == k.name {
						return true
					}
				}
			}
		}
	}
	return false
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
	if why, ok := r.fieldsEscape[k.v]; ok {
		return Hole(why)
	}
	defs := r.fieldDefs[k]
	// The variable's own assignments: struct literals set the field (or
	// leave it to the writes above); anything else brings fields from
	// elsewhere.
	for _, d := range r.defs[k.v] {
		if d.val != nil || d.index >= 0 {
			return Hole("field " + k.name + " of " + k.v.Name())
		}
		lit, ok := ast.Unparen(d.expr).(*ast.CompositeLit)
		if !ok {
			return Hole("field " + k.name + " of " + k.v.Name())
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return Hole("field " + k.name + " of " + k.v.Name()) // positional literal
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == k.name {
				defs = append(defs, def{expr: kv.Value, index: -1})
			}
		}
	}
	return r.mergeDefs("field "+k.name+" of "+k.v.Name(), defs)
}

// updateField records that a followed field is updated in a way that
// cannot be resolved (+=, or its address taken).
func (r *Resolver) updateField(e ast.Expr, why string) {
	h := Hole(why)
	r.assignField(e, def{val: &h})
}

// isAssignOp reports whether tok assigns a value as a whole.
func isAssignOp(tok token.Token) bool { return tok == token.DEFINE || tok == token.ASSIGN }
