package value

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A store summary is what a function stores through one of its *string
// parameters, in terms of its parameters, the way a return summary is what
// it returns. It makes an address passed to such a function an assignment
// at the call:
//
//	func mustMapEnv(target *string, envKey string) {
//		v := os.Getenv(envKey)
//		if v == "" {
//			panic(envKey + " is not set")
//		}
//		*target = v
//	}
//
//	mustMapEnv(&svc.ordersAddr, "ORDERS_ADDR") // svc.ordersAddr = {env:ORDERS_ADDR}
//
// The function must use the parameter only to store through it (*p = e)
// or read through it (*p), outside function literals: anything else (p
// passed on, kept, reassigned) leaves what it stores unknown, and so the
// variable whose address it is given. A function that only reads through
// the pointer stores nothing, and the call is not an assignment.

// storeRef is an address passed to a function as argument arg of call:
// an assignment of whatever the function stores through that parameter.
type storeRef struct {
	call *ast.CallExpr
	arg  int
}

// storeArgs records every &x passed to a *string parameter of a statically
// known function as an assignment to x (a variable, a followed field, a
// field of a struct type of the package) that resolves lazily (stored).
func (r *Resolver) storeArgs(call *ast.CallExpr, test bool) {
	fn := typeutil.StaticCallee(r.info, call)
	if fn == nil || isMethodExpr(r.info, call) {
		return
	}
	params := fn.Signature().Params()
	for i, a := range call.Args {
		addr, ok := ast.Unparen(a).(*ast.UnaryExpr)
		if !ok || addr.Op != token.AND || i >= params.Len() || r.handledAddrs[addr] || !isStringPtr(params.At(i).Type()) {
			continue
		}
		if fn.Signature().Variadic() && i == params.Len()-1 {
			continue
		}
		d := def{store: &storeRef{call, i}, index: -1, test: test}
		recorded := false
		if v := r.assignedVar(addr.X); v != nil {
			r.defs[v] = append(r.defs[v], d)
			recorded = true
		} else {
			recorded = r.assignField(addr.X, d)
		}
		if r.assignTypeField(addr.X, d) || recorded {
			r.handledAddrs[addr] = true
		}
	}
}

func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// isStringPtr reports whether t is a pointer to a string type.
func isStringPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	b, ok := p.Elem().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// stored resolves a store def: the callee's store summary with the call's
// arguments in place of its parameters. ok is false when the callee
// stores nothing through that parameter.
func (s *scope) stored(ref *storeRef) (v Value, ok bool) {
	fn := typeutil.StaticCallee(s.info, ref.call).Origin()
	sum, writes := s.stores(fn, ref.arg)
	if !writes {
		return Value{}, false
	}
	return sum.SubstFields(func(i int) Value {
		if i < len(ref.call.Args) {
			return s.resolve(ref.call.Args[i])
		}
		return Missing()
	}, func(i int, path string) Value {
		if i < len(ref.call.Args) {
			return s.argField(ref.call.Args[i], path)
		}
		return Missing()
	}), true
}

// stores returns the store summary of parameter param of fn, and whether
// fn stores anything through it. A function of another package is
// summarised by its ReturnsFact; one without a summary stores something
// unknown.
func (s *scope) stores(fn *types.Func, param int) (Value, bool) {
	unknown := Hole("address passed to " + funcName(fn))
	decl := s.funcs[fn]
	if decl == nil || decl.Body == nil {
		if v, ok := s.importedStores(fn, param); ok {
			return v, true
		}
		return unknown, true
	}
	key := resultKey{fn, param}
	if sum, ok := s.storeSums[key]; ok {
		return sum.val, sum.writes
	}
	if s.storeBusy[key] {
		return unknown, true
	}
	s.storeBusy[key] = true
	sum := s.summariseStores(fn, decl, param)
	delete(s.storeBusy, key)
	s.storeSums[key] = sum
	return sum.val, sum.writes
}

type storeSummary struct {
	val    Value
	writes bool
}

// summariseStores merges what decl stores through parameter param, or
// says it is unknown when decl uses the parameter any other way.
func (s *scope) summariseStores(fn *types.Func, decl *ast.FuncDecl, param int) storeSummary {
	p := fn.Signature().Params().At(param)
	unknown := storeSummary{Hole("address passed to " + funcName(fn)), true}
	var stored []Value
	through := map[*ast.Ident]bool{} // uses of p under a *
	escapes := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			escapes = escapes || usesVar(s.info, n, p)
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if star, ok := ast.Unparen(lhs).(*ast.StarExpr); ok && isVar(s.info, star.X, p) {
					if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
						escapes = true
					}
					stored = append(stored, s.resolve(n.Rhs[0]))
				}
			}
		case *ast.UnaryExpr:
			if star, ok := ast.Unparen(n.X).(*ast.StarExpr); ok && n.Op == token.AND && isVar(s.info, star.X, p) {
				escapes = true // &*p
			}
		case *ast.StarExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				through[id] = true
			}
		case *ast.Ident:
			if s.info.Uses[n] == p && !through[n] {
				escapes = true
			}
		}
		return !escapes
	})
	if escapes {
		return unknown
	}
	var distinct []Value
	for _, v := range stored {
		if !containsValue(distinct, v) {
			distinct = append(distinct, v)
		}
	}
	if len(distinct) == 0 {
		return storeSummary{}
	}
	if v, ok := agree(distinct); ok {
		return storeSummary{v, true}
	}
	return storeSummary{Hole(funcName(fn) + " stores different values through " + p.Name()), true}
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// usesVar reports whether n mentions v.
func usesVar(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
