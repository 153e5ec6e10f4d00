package syncclient

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// go-micro. protoc-gen-micro generates, for each service, a client
//
//	func NewGreeterService(name string, c client.Client) GreeterService
//
// whose methods send requests to name: the name the callee registered
// under in go-micro's registry (mdns, consul, etcd, ...). The generated
// shape has not changed since go-micro v1; the module moved. v5 is tested
// on the real module (testdata/micro), v1 on the accuracy corpus
// (x893675/caas-micro).
var microClientPaths = map[string]bool{
	"go-micro.dev/v5/client":              true,
	"go-micro.dev/v4/client":              true,
	"github.com/asim/go-micro/v3/client":  true,
	"github.com/micro/go-micro/v2/client": true,
	"github.com/micro/go-micro/client":    true,
}

// microCalls finds calls to go-micro's generated client constructors.
func (c *checker) microCalls() []call {
	var calls []call
	for _, s := range c.res.Sites() {
		ce, ok := s.Node.(*ast.CallExpr)
		if !ok || len(ce.Args) != 2 {
			continue
		}
		if fn := typeutil.StaticCallee(c.pass.TypesInfo, ce); fn != nil && isMicroClient(fn) {
			calls = append(calls, c.microCall(ce, fn))
		}
	}
	return calls
}

// isMicroClient recognises New<Svc>Service(name string, c client.Client)
// <Svc>Service, where <Svc>Service is an interface declared with it.
func isMicroClient(fn *types.Func) bool {
	name, ok := strings.CutPrefix(fn.Name(), "New")
	sig := fn.Signature()
	if !ok || !strings.HasSuffix(name, "Service") || sig.Recv() != nil || sig.Params().Len() != 2 || sig.Results().Len() != 1 || sig.Variadic() {
		return false
	}
	if !isString(sig.Params().At(0).Type()) || !isMicroClientType(sig.Params().At(1).Type()) {
		return false
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	return ok && res.Obj().Name() == name && res.Obj().Pkg() == fn.Pkg() && types.IsInterface(res)
}

func isMicroClientType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && microClientPaths[n.Obj().Pkg().Path()] && n.Obj().Name() == "Client"
}

// microCall attributes a go-micro client to the service whose contract
// holds it, else by the registry name it is given (the map's hosts).
func (c *checker) microCall(ce *ast.CallExpr, fn *types.Func) call {
	name := c.res.Resolve(ce.Args[0])
	to := c.contractOwner(fn)
	var from provenance
	if to == "" {
		to = c.serviceOf(name, serviceOfAddress, &from)
	}
	return call{node: ce, proto: protoMicro, target: display(name), to: to, via: []string{c.display(fn)}, from: from}
}
