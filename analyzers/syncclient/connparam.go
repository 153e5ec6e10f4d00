package syncclient

import (
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// connParamFact marks a function that builds an attributed generated stub
// on a connection it is given:
//
//	func NewHandler(conn *grpc.ClientConn) *Handler { // Params: [0]
//		return &Handler{orders: orderspb.NewOrderServiceClient(conn)}
//	}
//
// The stub is the call, reported where it is built. A dial whose
// connection is passed to such a parameter — in cmd/checkout/main.go,
// grpc.NewClient(addr) handed to checkout.NewHandler — is part of that
// call and is not reported again, so that one coupling is one finding.
type connParamFact struct {
	Params []int // indices of the parameters (receiver excluded) that carry the connection
}

func (*connParamFact) AFact() {}

func (f *connParamFact) String() string { return "syncclient stub connection" }

// noteConnParam records that the stub call at site s in function encl
// consumes encl's parameter when its argument is one.
func (c *checker) noteConnParam(encl *types.Func, arg ast.Expr) {
	if i := paramIndex(c.pass.TypesInfo, encl, arg); i >= 0 {
		c.addConnParam(encl, i)
	}
}

func (c *checker) addConnParam(fn *types.Func, i int) bool {
	if slices.Contains(c.connParams[fn], i) {
		return false
	}
	c.connParams[fn] = append(c.connParams[fn], i)
	return true
}

// consumeConnParams marks the dials whose connections are passed to stub
// connection parameters as consumed, following functions of this package
// that pass their own parameter on, and exports their facts.
func (c *checker) consumeConnParams() {
	for changed := true; changed; {
		changed = false
		for _, s := range c.res.Sites() {
			ce, ok := s.Node.(*ast.CallExpr)
			if !ok {
				continue
			}
			for _, i := range c.connParamsOf(typeutil.StaticCallee(c.pass.TypesInfo, ce)) {
				if i >= len(ce.Args) {
					continue
				}
				if dial := c.definingCall(ce.Args[i]); dial != nil {
					c.consumed[dial] = true
				} else if j := paramIndex(c.pass.TypesInfo, s.Func, ce.Args[i]); j >= 0 && c.addConnParam(s.Func, j) {
					changed = true
				}
			}
		}
	}
	fns := make([]*types.Func, 0, len(c.connParams))
	for fn := range c.connParams {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		params := slices.Clone(c.connParams[fn])
		slices.Sort(params)
		c.pass.ExportObjectFact(fn, &connParamFact{Params: params})
	}
}

// connParamsOf returns fn's stub connection parameters: this package's
// from the stub calls found, another package's from its fact.
func (c *checker) connParamsOf(fn *types.Func) []int {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.connParams[fn.Origin()]
	}
	var f connParamFact
	if c.pass.ImportObjectFact(fn.Origin(), &f) {
		return f.Params
	}
	return nil
}

// paramIndex returns the index of the parameter of fn that e names, or -1.
func paramIndex(info *types.Info, fn *types.Func, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if fn == nil || !ok {
		return -1
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			return i
		}
	}
	return -1
}
