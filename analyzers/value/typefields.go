package value

import (
	"go/ast"
	"go/types"
	"slices"
)

// Fields of a struct read through a pointer (svc.ordersAddr in a method
// of *frontendServer, cfg.addr where cfg is a *config) are not a
// variable's: any value of the type may be the one read. They resolve
// from every write the package makes to that field of any value of the
// type, when
//
//   - the field is unexported and declared in the package, so that no
//     other package can write it (nor can reflection-based decoders such
//     as encoding/json or envconfig, which skip unexported fields);
//   - every write the scope sees agrees (or is the getenv idiom), in
//     assignments (svc.addr = x), struct literals (&server{addr: x}),
//     flag.StringVar(&svc.addr, ...) and addresses passed to a function
//     with a store summary (mustMapEnv(&svc.addr, "KEY"), see stores.go);
//   - and what they agree on does not depend on the parameters of the
//     function that writes it (a constructor's New(addr string) writes a
//     different value for each caller: package sinks follows those to the
//     calls of the constructor).
//
// A field written only in struct literals stays a Field part: package
// sinks follows it to each literal and reports the use there, where the
// value is chosen. The zero value, which literals that leave the field
// out and new(T) give it, is not a write, as for variables. An address of the field
// taken any other way, or an update (+=), makes the writes disagree.
// Otherwise the field stays a Field part, which package sinks follows to
// the literals of its type.

func inLiteral(d def) bool { return d.lit }

// localField reports whether f is an unexported string field declared in
// the package's files: only the package can write it.
func (r *Resolver) localField(f *types.Var) bool {
	if f.Exported() || !f.IsField() {
		return false
	}
	if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	for _, file := range r.files {
		if file.FileStart <= f.Pos() && f.Pos() <= file.FileEnd {
			return true
		}
	}
	return false
}

// selectedField returns the field e selects, if it selects one.
func (r *Resolver) selectedField(e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection, ok := r.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal {
		return nil
	}
	f, _ := selection.Obj().(*types.Var)
	if f == nil {
		return nil
	}
	return f.Origin()
}

// assignTypeField records a write to a field of a struct type of the
// package; it reports whether e selects one.
func (r *Resolver) assignTypeField(e ast.Expr, d def) bool {
	f := r.selectedField(e)
	if f == nil {
		return false
	}
	if r.exportedField(f) {
		// Another package may write it too: recorded for its FieldFact
		// (fieldfacts.go), not a write that settles an address.
		r.typeFieldDefs[f] = append(r.typeFieldDefs[f], d)
		return false
	}
	if !r.localField(f) {
		return false
	}
	r.typeFieldDefs[f] = append(r.typeFieldDefs[f], d)
	return true
}

// literalTypeFields records the fields a struct literal sets.
func (r *Resolver) literalTypeFields(lit *ast.CompositeLit, test bool) {
	fields, _ := LiteralFields(r.info, lit)
	for _, lf := range fields {
		if f := lf.Var.Origin(); r.localField(f) || r.exportedField(f) {
			r.typeFieldDefs[f] = append(r.typeFieldDefs[f], def{expr: lf.Expr, index: -1, test: test, lit: true})
		}
	}
}

// typeField resolves field f of whatever value of its type is read, from
// the package's writes to it; ok is false when they do not say.
func (s *scope) typeField(f *types.Var) (Value, bool) {
	if !s.localField(f) {
		return Value{}, false
	}
	if v, ok := s.typeFieldVals[f]; ok {
		return v, !v.Opaque()
	}
	if s.busy[f] {
		return Value{}, false
	}
	s.busy[f] = true
	v := Hole("field " + f.Name())
	if defs := s.visible(s.typeFieldDefs[f]); !slices.ContainsFunc(defs, inLiteral) {
		v = s.mergeDefs("field "+f.Name(), defs)
	}
	delete(s.busy, f)
	if v.HasParams() {
		v = Hole("field " + f.Name() + " written from parameters")
	}
	s.typeFieldVals[f] = v
	return v, !v.Opaque()
}
