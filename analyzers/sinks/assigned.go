package sinks

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"

	"github.com/couplingvet/couplingvet/analyzers/value"
)

// Options structs are filled in literals, or field by field:
//
//	var opts frontend.ConfigOptions
//	opts.DriverHostPort = *driverAddr
//	frontend.NewServer(opts)
//
// A variable of a followed struct type (one the package declares, or an
// imported one with a wrapper fact), held by value, whose fields the
// package assigns (opts.X = x) is followed like a literal of the type: the
// uses of the type's methods take the variable's field values (as the
// value package resolves them: every write to the field, a literal that
// initialises the variable included) and are reported at the variable's
// first write of a field they read, where the value is chosen. A literal that
// initialises such a variable (opts := frontend.ConfigOptions{Debug: true})
// is followed as part of the variable, not on its own, so that one
// options value is one site.
//
// Variables reached through a pointer (opts := &T{}; opts.X = x) are not
// followed: another variable may write the same struct, as the value
// package rules for fields.

// assignedVar is a variable whose fields the package assigns.
type assignedVar struct {
	ref *ast.Ident // the variable, at its first field write
	// at holds, for each field written, where it is first written: the
	// selector of the assignment, or the literal that initialises the
	// variable. The uses are reported at the first write of a field they
	// read.
	at map[string]ast.Node
}

// node returns where the uses that read fields of the variable are
// reported: the first write of one of them.
func (a *assignedVar) node(read func(field string) bool) ast.Node {
	var first ast.Node
	for name, n := range a.at {
		if read(name) && (first == nil || n.Pos() < first.Pos()) {
			first = n
		}
	}
	return first
}

// assignedStructs adds to f.structs the variables of followed struct
// types whose fields the package assigns, in place of the literals that
// initialise them.
func (f *finder) assignedStructs() {
	vars := map[*types.Var]*structLit{}
	var order []*types.Var
	inits := map[*ast.CompositeLit]*types.Var{}
	for _, as := range f.res.Assignments() {
		if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok {
				if lit, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok {
					if v, ok := f.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
						inits[lit] = v
					}
				}
				continue
			}
			sel, v, sl := f.fieldWrite(lhs)
			if sl == nil {
				continue
			}
			if vars[v] == nil {
				sl.assigned = &assignedVar{ref: sel.X.(*ast.Ident), at: map[string]ast.Node{}}
				vars[v] = sl
				order = append(order, v)
			}
			if at := vars[v].assigned.at; at[sel.Sel.Name] == nil {
				at[sel.Sel.Name] = sel
			}
		}
	}
	if len(vars) == 0 {
		return
	}
	kept := f.structs[:0]
	for _, sl := range f.structs {
		if v, ok := inits[sl.lit]; ok && vars[v] != nil && vars[v].typ == sl.typ {
			for name := range value.LiteralFieldsByName(f.pass.TypesInfo, sl.lit) {
				vars[v].assigned.at[name] = sl.lit
			}
			continue
		}
		kept = append(kept, sl)
	}
	f.structs = kept
	sort.Slice(order, func(i, j int) bool { return vars[order[i]].assigned.ref.Pos() < vars[order[j]].assigned.ref.Pos() })
	for _, v := range order {
		f.structs = append(f.structs, *vars[v])
	}
}

// fieldWrite returns, when lhs assigns a field of a variable of a
// followed struct type held by value (opts.Addr), the selector, the
// variable and a structLit for it without its assignedVar.
func (f *finder) fieldWrite(lhs ast.Expr) (*ast.SelectorExpr, *types.Var, *structLit) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, nil
	}
	selection, ok := f.pass.TypesInfo.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal || len(selection.Index()) != 1 || selection.Indirect() {
		return nil, nil, nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, nil, nil
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil, nil, nil
	}
	sl := &structLit{}
	if named := localStruct(v.Type(), f.pass.Pkg); named != nil {
		sl.typ = typeKey(named.Obj())
	} else if named := f.importedStruct(v.Type()); named != nil {
		sl.typ, sl.imported = typeKey(named.Obj()), true
	} else {
		return nil, nil, nil
	}
	if _, _, isParam := f.res.ParamOf(v); isParam {
		return nil, nil, nil // its caller's value: its fields are the caller's
	}
	// Looked up last: only writes to followed types pay for it.
	sl.encl = f.enclosingFunc(sel.Pos())
	if sl.encl != nil && sl.encl.Signature().Recv() == v {
		return nil, nil, nil
	}
	return sel, v, sl
}

// fieldValues resolves the fields a literal or an assigned variable sets.
func (f *finder) fieldValues(sl structLit) map[string]value.Value {
	if sl.lit != nil {
		fields := map[string]value.Value{}
		for name, e := range value.LiteralFieldsByName(f.pass.TypesInfo, sl.lit) {
			fields[name] = f.res.Resolve(e)
		}
		return fields
	}
	fields := make(map[string]value.Value, len(sl.assigned.at))
	for name := range sl.assigned.at {
		fields[name] = f.res.ArgField(sl.assigned.ref, name)
	}
	return fields
}

// enclosingFunc returns the function declaration whose body holds pos,
// or nil at package level.
func (f *finder) enclosingFunc(pos token.Pos) *types.Func {
	for _, file := range f.pass.Files {
		if pos < file.FileStart || pos > file.FileEnd {
			continue
		}
		i := sort.Search(len(file.Decls), func(i int) bool { return file.Decls[i].End() > pos })
		if i < len(file.Decls) && file.Decls[i].Pos() <= pos {
			if fd, ok := file.Decls[i].(*ast.FuncDecl); ok {
				fn, _ := f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
				return fn
			}
		}
		return nil
	}
	return nil
}

// A literal often gives a field a default that options change later:
//
//	p := &publisher{exchange: "orders"}                       // NewPublisher
//	func Exchange(x string) Option { return func(p *publisher) { p.exchange = x } }
//
// A literal's field value is the one a method reads only if nothing else
// writes the field. A write through a pointer (a functional option, a
// setter, p.exchange = x after the literal) may change it before the
// method runs, so such a field is unknown in every literal of its type:
// no target is better than a default that is not the one used.

// overwrittenFields returns the fields of this package's struct types
// ("pkgpath.Type.field") that production code writes other than in
// literals and through the variables assignedStructs follows, each with
// its first write.
func (f *finder) overwrittenFields() map[string]token.Pos {
	out := map[string]token.Pos{}
	for _, as := range f.res.Assignments() {
		if f.res.InTestFile(as.Pos()) {
			continue
		}
		for _, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			selection, ok := f.pass.TypesInfo.Selections[sel]
			if !ok || selection.Kind() != types.FieldVal {
				continue
			}
			if _, _, followed := f.fieldWrite(lhs); followed != nil {
				continue // a variable followed like a literal: its writes are its value
			}
			owner := fieldOwner(selection)
			if owner == nil || owner.Obj().Pkg() != f.pass.Pkg {
				continue
			}
			key := typeKey(owner.Origin().Obj()) + "." + sel.Sel.Name
			if _, seen := out[key]; !seen {
				out[key] = sel.Pos()
			}
		}
	}
	return out
}

// fieldOwner returns the named struct type that declares the field a
// selection selects, through embedded fields, or nil.
func fieldOwner(selection *types.Selection) *types.Named {
	t := selection.Recv()
	index := selection.Index()
	for i, idx := range index {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		if i == len(index)-1 {
			named, _ := types.Unalias(t).(*types.Named)
			return named
		}
		t = st.Field(idx).Type()
	}
	return nil
}

// shortPos renders a position as file.go:line, for hole reasons.
func shortPos(p token.Position) string {
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
