package syncclient

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"golang.org/x/tools/go/types/typeutil"
)

// go-zero (github.com/zeromicro/go-zero) as goctl writes it. A service
// builds a zrpc client from its configuration and hands it to the client
// package goctl generated for the callee:
//
//	UserRpc: userclient.NewUser(zrpc.MustNewClient(c.UserRpcConf)),
//
// where package userclient holds
//
//	func NewUser(cli zrpc.Client) User
//	func (m *defaultUser) GetUser(...) { user.NewUserClient(m.cli.Conn()).GetUser(...) }
//
// and zrpc.Client is an alias of an internal interface. The configuration
// (zrpc.RpcClientConf: Etcd.Key, Endpoints, Target) usually comes from
// YAML; when it is a struct literal, the sink table finds it. The zrpc
// client and the generated client on it are one call: it is reported once,
// where the generated client is built, attributed by the client package's
// owner, else by the configuration, else by the gRPC service the client
// package calls (the map's grpc:, for a copied client package).
const (
	zrpcPath         = "github.com/zeromicro/go-zero/zrpc"
	zrpcInternalPath = "github.com/zeromicro/go-zero/zrpc/internal"
)

// zrpcCalls finds goctl's generated clients built on a zrpc client, and
// takes the zrpc client's configuration (the hits of the sink table in it)
// as part of that call, or of the generated gRPC stub already found on its
// connection (pb.NewXxxClient(cli.Conn())).
func (c *checker) zrpcCalls(stubs []call, hits []sinks.Hit) []call {
	var calls []call
	for _, s := range c.res.Sites() {
		ce, ok := s.Node.(*ast.CallExpr)
		if !ok || len(ce.Args) != 1 {
			continue
		}
		if fn := typeutil.StaticCallee(c.pass.TypesInfo, ce); fn != nil && isGoctlClient(fn) {
			calls = append(calls, c.goctlCall(ce, fn, hits))
		}
	}
	for _, st := range stubs {
		ce, ok := st.node.(*ast.CallExpr)
		if !ok || st.to == "" || st.proto != protoGRPC || len(ce.Args) != 1 {
			continue
		}
		if cli := zrpcConnOf(c.pass.TypesInfo, ce.Args[0]); cli != nil {
			_, conf := c.zrpcDial(cli)
			c.consume(hits, conf)
		}
	}
	return calls
}

// isGoctlClient recognises goctl's New<Svc>(cli zrpc.Client) <Svc>, where
// <Svc> is an interface declared with it.
func isGoctlClient(fn *types.Func) bool {
	svc, ok := strings.CutPrefix(fn.Name(), "New")
	sig := fn.Signature()
	if !ok || sig.Recv() != nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || !isZrpcClient(sig.Params().At(0).Type()) {
		return false
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	return ok && res.Obj().Name() == svc && res.Obj().Pkg() == fn.Pkg() && types.IsInterface(res)
}

// isZrpcClient reports whether t is zrpc.Client (type Client = internal.Client).
func isZrpcClient(t types.Type) bool {
	return isNamedOrAlias(t, zrpcPath, "Client") || isNamed(t, zrpcInternalPath, "Client")
}

// goctlCall attributes a generated client New<Svc>(cli): to the service
// whose package (contract or code) declares it, else by the configuration
// of the zrpc client cli, else by the full gRPC name of the stub the client
// package wraps.
func (c *checker) goctlCall(ce *ast.CallExpr, fn *types.Func, hits []sinks.Hit) call {
	m := c.view.Map
	dial, conf := c.zrpcDial(ce.Args[0])
	known := c.consume(hits, conf)
	grpcName := goctlService(c, fn)

	// A generated client, not a dial: it is the call a dial in the same
	// package would be the connection of.
	cl := call{node: ce, proto: protoGRPC, via: []string{c.display(fn)}, service: true}
	if dial != nil {
		if d := typeutil.StaticCallee(c.pass.TypesInfo, dial); d != nil {
			cl.via = append(cl.via, c.display(d))
		}
	}
	if o := m.OwnerOfPackage(fn.Pkg().Path()); o.Service != c.view.From() {
		cl.to = o.Service
	}
	// The configuration's values that name a service (its Endpoints, its
	// Target or its etcd Key: a client uses the one that is set).
	for _, h := range known {
		svc := c.serviceOf(h.Value, serviceOfAddress, &cl.from)
		if svc == "" {
			continue
		}
		if cl.target == "" {
			cl.target = display(h.Value)
		}
		if cl.to == "" {
			cl.to = svc
		}
	}
	if cl.to == "" && grpcName != "" {
		cl.to = m.ServiceOfGRPC(grpcName)
	}
	switch {
	case cl.target != "":
	case grpcName != "":
		cl.target = grpcName
	default:
		cl.target = c.display(fn)
	}
	return cl
}

// goctlService returns the full gRPC name of the service that goctl's
// client New<Svc> calls: the stub New<Svc>Client of a package the client
// package imports. "" when there is none.
func goctlService(c *checker, fn *types.Func) string {
	stub := strings.TrimPrefix(fn.Name(), "New") + "Client"
	for _, imp := range fn.Pkg().Imports() {
		if f, ok := imp.Scope().Lookup("New" + stub).(*types.Func); ok {
			if s := stubOf(c.pass, f); s != nil && s.Protocol == protoGRPC {
				return s.Service
			}
		}
	}
	return ""
}

// zrpcDial finds the call that made the zrpc client e (zrpc.MustNewClient,
// NewClient, NewClientWithTarget, or a wrapper), written in place or
// assigned to the variable e, and returns it with the source ranges that
// configure it: the call itself and the RpcClientConf literal assigned to
// the variable passed to it.
func (c *checker) zrpcDial(e ast.Expr) (*ast.CallExpr, []ast.Node) {
	dial := c.definingCall(e)
	if dial == nil {
		return nil, []ast.Node{e}
	}
	conf := []ast.Node{e, dial}
	if len(dial.Args) > 0 {
		if lit := c.definingLiteral(dial.Args[0]); lit != nil {
			conf = append(conf, lit)
		}
	}
	return dial, conf
}

// definingLiteral returns the one composite literal assigned to the
// variable e in this package, or nil.
func (c *checker) definingLiteral(e ast.Expr) *ast.CompositeLit {
	v := c.varOf(e)
	if v == nil {
		return nil
	}
	var lit *ast.CompositeLit
	for _, as := range c.res.Assignments() {
		for i, lhs := range as.Lhs {
			if c.varOf(lhs) != v || len(as.Rhs) != len(as.Lhs) {
				continue
			}
			l, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit)
			if !ok || lit != nil {
				return nil // assigned something else, or twice
			}
			lit = l
		}
	}
	return lit
}

// consume marks the hits inside the given ranges as part of a call found
// elsewhere, and returns those that name an address.
func (c *checker) consume(hits []sinks.Hit, ranges []ast.Node) []sinks.Hit {
	var in []sinks.Hit
	for _, h := range hits {
		if c.consumed[h.Node] || !within(h.Node, ranges) {
			continue
		}
		c.consumed[h.Node] = true
		if s, ok := h.Value.Text(); !ok || s != "" {
			in = append(in, h)
		}
	}
	return in
}

func within(n ast.Node, ranges []ast.Node) bool {
	for _, r := range ranges {
		if encloses(r, n) {
			return true
		}
	}
	return false
}

// zrpcConnOf returns x when e is x.Conn() on a zrpc client, else nil.
func zrpcConnOf(info *types.Info, e ast.Expr) ast.Expr {
	ce, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(ce.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Conn" || !isZrpcClient(info.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}
