package value

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A parameter that its function reassigns is still the caller's argument
// when every reassignment is a statement of the function's body itself,
// not nested in a branch or a loop: each then runs once, in order, so a
// read sees the last one before it, and the parameter itself in its
// right-hand side is the value before it.
//
//	func New(instance string) *Client {
//		instance = "http://" + instance // {param0:instance} before, http://{param0:instance} after
//		return &Client{base: instance + "/v1"}
//	}
//
// A reassignment in a branch (if base == "" { base = def }), in a loop, in
// a function literal, or an address taken, leaves the parameter unknown
// (save for the normalising calls of variable1), and so does a read in a
// function literal, which may run at any time.

// reassignedParam resolves a read at pos of a parameter that its function
// reassigns only in statements of its body; ok is false for any other
// variable, which resolves the usual way.
func (s *scope) reassignedParam(v *types.Var, pos token.Pos) (Value, bool) {
	p, isParam := s.params[v]
	if !isParam {
		return Value{}, false
	}
	defs := s.defsOf(v)
	if len(defs) == 0 || s.onlyNormalised(v, defs) {
		return Value{}, false
	}
	decl := s.funcs[p.fn]
	if decl == nil || decl.Body == nil {
		return Value{}, false
	}
	body := decl.Body
	assigns := topLevelAssigns(body, s.info, v)
	if len(assigns) != len(defs) || inFuncLit(body, pos) {
		return Hole("parameter " + v.Name() + " reassigned"), true
	}
	var last *ast.AssignStmt
	for _, as := range assigns {
		if as.End() <= pos {
			last = as
		}
	}
	if last == nil {
		return Of(Part{Kind: Param, Key: v.Name(), Index: p.index}), true
	}
	return s.resolve(last.Rhs[0]), true
}

// onlyNormalised reports whether every assignment to parameter v only
// normalises it (baseURL = strings.TrimRight(baseURL, "/")).
func (s *scope) onlyNormalised(v *types.Var, defs []def) bool {
	for _, d := range defs {
		if d.val != nil || d.index >= 0 || !s.normalises(d.expr, v) {
			return false
		}
	}
	return true
}

// topLevelAssigns lists the statements of body that assign v alone (v = e).
func topLevelAssigns(body *ast.BlockStmt, info *types.Info, v *types.Var) []*ast.AssignStmt {
	var out []*ast.AssignStmt
	for _, stmt := range body.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); ok && info.Uses[id] == v {
			out = append(out, as)
		}
	}
	return out
}

// inFuncLit reports whether pos lies in a function literal of body.
func inFuncLit(body *ast.BlockStmt, pos token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
			found = true
		}
		return !found
	})
	return found
}
