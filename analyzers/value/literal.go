package value

import (
	"go/ast"
	"go/types"
)

// A LiteralField is one field a struct literal sets and the expression it
// sets it to.
type LiteralField struct {
	Var  *types.Var
	Expr ast.Expr
}

// LiteralFields returns the fields a struct literal sets: the keyed ones
// of Config{Host: h}, or, for a positional literal (client{addr}, which
// Go requires to list every field in order), each field with its
// element. Small clients are often built the second way, and a field it
// sets is as much the client's address as a keyed one. ok is false when
// lit is not of a struct type (or of a pointer to one, as an element of
// []*T{{...}}).
func LiteralFields(info *types.Info, lit *ast.CompositeLit) (fields []LiteralField, ok bool) {
	t := info.TypeOf(lit)
	if t == nil {
		return nil, false
	}
	t = t.Underlying()
	if p, isPtr := t.(*types.Pointer); isPtr {
		t = p.Elem().Underlying()
	}
	st, isStruct := t.(*types.Struct)
	if !isStruct {
		return nil, false
	}
	for i, elt := range lit.Elts {
		if kv, keyed := elt.(*ast.KeyValueExpr); keyed {
			id, _ := kv.Key.(*ast.Ident)
			if id == nil {
				continue
			}
			if f, isVar := info.Uses[id].(*types.Var); isVar {
				fields = append(fields, LiteralField{f, kv.Value})
			}
		} else if i < st.NumFields() {
			fields = append(fields, LiteralField{st.Field(i), elt})
		}
	}
	return fields, true
}

// LiteralFieldsByName is LiteralFields by field name.
func LiteralFieldsByName(info *types.Info, lit *ast.CompositeLit) map[string]ast.Expr {
	fields, _ := LiteralFields(info, lit)
	byName := make(map[string]ast.Expr, len(fields))
	for _, f := range fields {
		byName[f.Var.Name()] = f.Expr
	}
	return byName
}
