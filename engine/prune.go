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

// pruneDependency removes from the files of a package outside the
// repository what its importers cannot reach, before it is type-checked
// without bodies:
//
//   - unexported functions (not methods: an unexported method can be what
//     makes a type satisfy its package's interface, as protobuf's oneof
//     wrappers do), unless a package-level variable's initialiser names
//     them (var client = newClient(), whose type the variable takes);
//   - the names of parameters and results of functions, methods and
//     function types: importers match signatures by types alone.
//
// Function literals keep their parameters' names: go/types may check
// their bodies.
func pruneDependency(files []*ast.File) {
	dropUnexportedFuncs(files)
	for _, f := range files {
		unnameSignatures(f)
	}
}

// dropUnexportedFuncs removes the unexported functions that no
// package-level variable's initialiser names.
func dropUnexportedFuncs(files []*ast.File) {
	named := map[string]bool{}
	for _, f := range files {
		for _, decl := range f.Decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				ast.Inspect(gd, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						named[id.Name] = true
					}
					return true
				})
			}
		}
	}
	for _, f := range files {
		kept := f.Decls[:0]
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && !fd.Name.IsExported() && !named[fd.Name.Name] {
				continue
			}
			kept = append(kept, decl)
		}
		clear(f.Decls[len(kept):])
		f.Decls = kept
	}
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
