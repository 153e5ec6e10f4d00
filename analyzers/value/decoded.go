package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
)

// A small service often decodes its config file into a struct type of its
// own main package and reads the fields there:
//
//	type Config struct {
//		PaymentsURL string `json:"payments_url"`
//	}
//	var cfg Config
//	json.NewDecoder(f).Decode(&cfg)
//	http.Get(cfg.PaymentsURL + "/v1/balance")
//
// A field of a struct type of the package is otherwise a Field part, which
// package sinks follows to the literals that set it: here there are none,
// and a decoder is what fills it. So an exported field that nothing in the
// package writes (no assignment, no struct literal, no address taken) is a
// ConfigField part, as the fields of another package's config struct are,
// when the package is main (no other package can write it) or the field's
// tag names a config key (json, yaml, mapstructure, toml, koanf).

// decoderFilled reports whether the field read by sel (a selection on a
// struct type this package declares) is one only a decoder fills.
func (s *scope) decoderFilled(field *types.Var, sel *types.Selection) bool {
	if !field.Exported() {
		return false // decoders skip unexported fields
	}
	if s.pkgName() != "main" && !hasConfigTag(fieldTag(sel.Recv(), sel.Index())) {
		return false
	}
	return !s.fieldWritten(field.Origin())
}

func hasConfigTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, k := range configTags {
		if _, ok := st.Lookup(k); ok {
			return true
		}
	}
	return false
}

func (s *scope) pkgName() string {
	if len(s.files) == 0 {
		return ""
	}
	return s.files[0].Name.Name
}

// fieldWritten reports whether the package writes field of any value of
// its type: assigns it, sets it in a struct literal (keyed, or unkeyed:
// every field), or takes its address.
func (r *Resolver) fieldWritten(field *types.Var) bool {
	if r.writtenFields == nil {
		r.writtenFields = map[*types.Var]bool{}
		for _, f := range r.files {
			ast.Inspect(f, r.recordFieldWrites)
		}
	}
	return r.writtenFields[field]
}

func (r *Resolver) recordFieldWrites(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range n.Lhs {
			r.markField(lhs)
		}
	case *ast.IncDecStmt:
		r.markField(n.X)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			r.markField(n.X)
		}
	case *ast.CompositeLit:
		fields, _ := LiteralFields(r.info, n)
		for _, f := range fields {
			r.writtenFields[f.Var.Origin()] = true
		}
	}
	return true
}

func (r *Resolver) markField(e ast.Expr) {
	if f := r.selectedField(e); f != nil {
		r.writtenFields[f] = true
	}
}
