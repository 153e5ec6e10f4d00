package engine

import (
	"go/ast"
	"go/token"
)

// What importers never see of a package checked without bodies is not
// checked at all: the less go/types declares, the less a cold run
// allocates, and the types of every dependency stay live until their
// importers are done. On a go-zero repository (973 dependencies) the
// signatures of functions were 40% of the live heap at its peak, most of
// it the scopes that hold their parameters.

func dropBodies(f *ast.File) {
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Body != nil {
				decl.Body = &ast.BlockStmt{Lbrace: decl.Body.Lbrace, Rbrace: decl.Body.Rbrace}
			}
		case *ast.GenDecl:
			if decl.Tok == token.VAR {
				for _, spec := range decl.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						dropElements(v)
					}
				}
			}
		}
	}
}

// dropElements empties the composite literal that initialises a
// package-level variable (through &, if taken): its type is the literal's
// type, whatever the elements, and the elements of a dependency's tables
// (generated protobuf descriptors, Unicode tables, route lists) cost as
// much to check as the rest of its declarations. An array of inferred
// length ([...]T{...}) keeps them: they are its type.
func dropElements(e ast.Expr) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return
	}
	if at, ok := lit.Type.(*ast.ArrayType); ok {
		if _, inferred := at.Len.(*ast.Ellipsis); inferred {
			return
		}
	}
	lit.Elts = nil
}

// pruneFiles prunes the files of a dependency; tests make it prune too
// much, to see a dependency that pruning breaks checked whole again.
var pruneFiles = pruneDependency

// pruneDependency removes from the files of a package outside the
// repository what its importers cannot reach, before it is type-checked
// without bodies:
//
//   - blank variables (var _ io.Reader = (*T)(nil)): assertions for the
//     package's own build;
//   - unexported functions, methods, variables and types that nothing else
//     left in the files names, and every method of a type so removed. With
//     bodies gone, an unexported name is reachable only through a
//     declaration that names it: an exported function's signature, a
//     variable's initialiser, a field, an interface (an unexported method
//     that makes a type satisfy its package's interface, as protobuf's oneof
//     wrappers do, is kept because the interface names it). Another
//     package's interface cannot name them: an unexported method satisfies
//     only interfaces of its own package;
//   - the names of parameters and results of functions, methods and
//     function types: importers match signatures by types alone.
//
// Only this package's own files decide, so what is kept does not depend on
// which importers a run type-checks, and the export data cached from it
// serves them all. Implementation types (a gRPC transport, a driver's
// connection) are most of a dependency's methods: on a go-zero repository
// a quarter of its dependencies' methods went, on a gRPC one half.
//
// Function literals keep their parameters' names: go/types may check
// their bodies.
func pruneDependency(files []*ast.File) {
	for _, f := range files {
		dropBlankVars(f)
		unnameSignatures(f)
	}
	droppedTypes := map[string]bool{}
	for dropUnnamed(files, droppedTypes) {
		// What a removed declaration named may be named by nothing now.
	}
}

// dropBlankVars removes the package-level variables named _.
func dropBlankVars(f *ast.File) {
	filterSpecs(f, token.VAR, func(spec ast.Spec) bool {
		for _, name := range spec.(*ast.ValueSpec).Names {
			if name.Name != "_" {
				return true
			}
		}
		return false
	})
}

// dropUnnamed removes, once, the unexported declarations no other
// declaration names, and the methods of the types it removes (added to
// droppedTypes); it reports whether it removed any.
func dropUnnamed(files []*ast.File, droppedTypes map[string]bool) bool {
	named := namesMentioned(files)
	unused := func(id *ast.Ident) bool { return !id.IsExported() && !named[id.Name] }
	changed := false
	for _, f := range files {
		filterSpecs(f, token.VAR, func(spec ast.Spec) bool {
			for _, name := range spec.(*ast.ValueSpec).Names {
				if !unused(name) {
					return true
				}
			}
			changed = true
			return false
		})
		filterSpecs(f, token.TYPE, func(spec ast.Spec) bool {
			if name := spec.(*ast.TypeSpec).Name; unused(name) {
				droppedTypes[name.Name] = true
				changed = true
				return false
			}
			return true
		})
	}
	for _, f := range files {
		kept := f.Decls[:0]
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				if unused(fd.Name) || fd.Recv != nil && droppedTypes[receiverTypeName(fd.Recv)] {
					changed = true
					continue
				}
			}
			kept = append(kept, decl)
		}
		clear(f.Decls[len(kept):])
		f.Decls = kept
	}
	return changed
}

// filterSpecs keeps the specs of f's tok declarations that keep accepts,
// and removes the declarations left empty.
func filterSpecs(f *ast.File, tok token.Token, keep func(ast.Spec) bool) {
	decls := f.Decls[:0]
	for _, decl := range f.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == tok {
			specs := gd.Specs[:0]
			for _, spec := range gd.Specs {
				if keep(spec) {
					specs = append(specs, spec)
				}
			}
			clear(gd.Specs[len(specs):])
			gd.Specs = specs
			if len(specs) == 0 {
				continue
			}
		}
		decls = append(decls, decl)
	}
	clear(f.Decls[len(decls):])
	f.Decls = decls
}

// namesMentioned returns every identifier the files' declarations use,
// leaving out the names they declare and the receiver type of each method
// (a type that only its own methods name is unreachable). Homonyms (a
// field named like an unexported function) count: they only keep more.
func namesMentioned(files []*ast.File) map[string]bool {
	named := map[string]bool{}
	mention := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				named[id.Name] = true
			}
			return true
		})
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil {
					mentionReceiver(decl.Recv, mention)
				}
				mention(decl.Type)
				if decl.Body != nil {
					mention(decl.Body)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if spec.TypeParams != nil {
							mention(spec.TypeParams)
						}
						mention(spec.Type)
					case *ast.ValueSpec:
						mention(spec.Type)
						for _, v := range spec.Values {
							mention(v)
						}
					}
				}
			}
		}
	}
	return named
}

// mentionReceiver mentions what a receiver's type names besides its base
// type: the type parameters of a generic receiver.
func mentionReceiver(recv *ast.FieldList, mention func(ast.Node)) {
	for _, field := range recv.List {
		base, params := splitReceiver(field.Type)
		for _, p := range params {
			mention(p)
		}
		if _, ok := base.(*ast.Ident); !ok {
			mention(base)
		}
	}
}

// receiverTypeName returns the name of a method's receiver base type, or
// "" when it is not a plain (possibly generic, possibly pointer) name.
func receiverTypeName(recv *ast.FieldList) string {
	if len(recv.List) != 1 {
		return ""
	}
	base, _ := splitReceiver(recv.List[0].Type)
	if id, ok := base.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// splitReceiver splits a receiver's type (T, *T, T[P], *T[P, Q]) into its
// base type and its type parameters.
func splitReceiver(t ast.Expr) (base ast.Expr, params []ast.Expr) {
	t = ast.Unparen(t)
	if star, ok := t.(*ast.StarExpr); ok {
		t = ast.Unparen(star.X)
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		return x.X, []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		return x.X, x.Indices
	}
	return t, nil
}

// unnameSignatures drops the names of the parameters and results of f's
// functions, methods and function types, but not of function literals.
func unnameSignatures(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			unname(n.Recv)
		case *ast.FuncType:
			unname(n.Params)
			unname(n.Results)
		}
		return true
	})
}

// unname drops the names of a parameter list's fields; a field of several
// names becomes as many unnamed fields of its type.
func unname(list *ast.FieldList) {
	if list == nil {
		return
	}
	var fields []*ast.Field
	for _, field := range list.List {
		for range max(len(field.Names), 1) {
			fields = append(fields, &ast.Field{Type: field.Type})
		}
	}
	list.List = fields
}
