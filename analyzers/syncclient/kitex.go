package syncclient

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Kitex (github.com/cloudwego/kitex). The kitex tool generates, for each
// IDL service, a client package with
//
//	func NewClient(destService string, opts ...client.Option) (Client, error)
//	func MustNewClient(destService string, opts ...client.Option) Client
//
// where client.Option is an alias of an internal type
// (type Option = client.Option, from kitex/internal/client). The client
// dials the addresses of client.WithHostPorts, or asks the registry of
// client.WithResolver (kitex-contrib's consul, etcd, nacos, ...) for the
// instances registered under destService.
const (
	kitexPath         = "github.com/cloudwego/kitex/client"
	kitexInternalPath = "github.com/cloudwego/kitex/internal/client"
)

// isKitexClient recognises Kitex's generated NewClient and MustNewClient
// (destService string, opts ...client.Option).
func isKitexClient(fn *types.Func) bool {
	if fn.Name() != "NewClient" && fn.Name() != "MustNewClient" || fn.Pkg() == nil || fn.Pkg().Path() == kitexPath {
		return false
	}
	sig := fn.Signature()
	if sig.Recv() != nil || sig.Params().Len() != 2 || !sig.Variadic() || !isString(sig.Params().At(0).Type()) {
		return false
	}
	opts, ok := sig.Params().At(1).Type().(*types.Slice)
	return ok && isKitexOption(opts.Elem())
}

// isKitexOption reports whether t is client.Option, an alias of an
// internal type.
func isKitexOption(t types.Type) bool {
	return isNamedOrAlias(t, kitexPath, "Option") || isNamed(t, kitexInternalPath, "Option")
}

// kitexCall attributes a Kitex client: by the contract that holds it, else
// by the addresses of its client.WithHostPorts options, else by its
// destService: the name the callee registered under when a resolver finds
// it, and by convention the callee's name anyway (a discovery name the map
// lists as a host). A client.WithResolver option is named in the chain.
func (c *checker) kitexCall(ce *ast.CallExpr, fn *types.Func) call {
	to := c.contractOwner(fn)
	via := []string{c.display(fn)}
	var hosts []string
	var from provenance
	for _, opt := range c.kitexOptions(ce) {
		switch callee := typeutil.StaticCallee(c.pass.TypesInfo, opt); {
		case isFunc(callee, kitexPath, "WithHostPorts"):
			for _, hp := range opt.Args {
				v := c.res.Resolve(hp)
				hosts = append(hosts, display(v))
				if to == "" {
					to = c.serviceOf(v, serviceOfAddress, &from)
				}
			}
		case isFunc(callee, kitexPath, "WithResolver") && len(opt.Args) == 1:
			if r := c.resolverConstructor(opt.Args[0]); r != nil {
				via = append(via, c.display(r))
			}
		}
	}
	dest := c.res.Resolve(ce.Args[0])
	if to == "" {
		to = c.serviceOf(dest, serviceOfAddress, &from)
	}
	target := strings.Join(hosts, ",")
	if target == "" {
		target = display(dest)
	}
	return call{node: ce, proto: protoKitex, target: target, to: to, via: via, from: from}
}

// kitexOptions returns the option calls passed to a Kitex client: written
// in the call, or collected in the slice passed with opts... (its
// []client.Option{...} literal and the append calls that grow it).
func (c *checker) kitexOptions(ce *ast.CallExpr) []*ast.CallExpr {
	var opts []*ast.CallExpr
	args := ce.Args[1:]
	if ce.Ellipsis.IsValid() && len(args) > 0 {
		if v := c.varOf(args[len(args)-1]); v != nil {
			args = append(args[:len(args)-1:len(args)-1], c.sliceElems(v)...)
		}
	}
	for _, arg := range args {
		if opt, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
			opts = append(opts, opt)
		}
	}
	return opts
}

// sliceElems returns the elements assigned to the slice variable v in this
// package: those of composite literals and of append calls.
func (c *checker) sliceElems(v *types.Var) []ast.Expr {
	var elems []ast.Expr
	for _, as := range c.res.Assignments() {
		if len(as.Lhs) != 1 || len(as.Rhs) != 1 || c.varOf(as.Lhs[0]) != v {
			continue
		}
		switch rhs := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.CompositeLit:
			elems = append(elems, rhs.Elts...)
		case *ast.CallExpr:
			if id, ok := ast.Unparen(rhs.Fun).(*ast.Ident); ok && id.Name == "append" && len(rhs.Args) > 1 && !rhs.Ellipsis.IsValid() {
				if _, builtin := c.pass.TypesInfo.Uses[id].(*types.Builtin); builtin {
					elems = append(elems, rhs.Args[1:]...)
				}
			}
		}
	}
	return elems
}

// resolverConstructor returns the function that built the resolver e
// (consul.NewConsulResolver, etcd.NewEtcdResolver), or nil.
func (c *checker) resolverConstructor(e ast.Expr) *types.Func {
	ce := c.definingCall(e)
	if ce == nil {
		return nil
	}
	return typeutil.StaticCallee(c.pass.TypesInfo, ce)
}
