package syncclient

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// stubFact marks a generated client constructor — gRPC's
// NewXxxClient(cc grpc.ClientConnInterface) XxxClient, twirp's
// NewXxxProtobufClient/NewXxxJSONClient(baseURL, client) — with the full
// name of the service its client calls. It is exported by the package that
// holds the generated code, which is the only place older generated code
// names its service (in the grpc.ServiceDesc literal); a call to the
// constructor anywhere in the repository is then a call to that service.
//
// Stubs are recognised by shape, not by file names: the constructor's
// signature and the constants or service descriptor generated with it.
type stubFact struct {
	Protocol string // protoGRPC or protoTwirp
	Service  string // full service name: shop.orders.v1.OrderService
	AddrArg  int    // argument that carries the base URL (twirp), or -1
}

func (*stubFact) AFact() {}

func (f *stubFact) String() string {
	return "syncclient " + f.Protocol + " stub " + f.Service
}

const (
	grpcPath  = "google.golang.org/grpc"
	twirpPath = "github.com/twitchtv/twirp"
)

// exportStubFacts exports a stubFact for every generated client constructor
// declared in the package.
func exportStubFacts(pass *analysis.Pass) {
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv != nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if f := grpcStub(pass, fn); f != nil {
				pass.ExportObjectFact(fn, f)
			} else if f := twirpStub(fn); f != nil {
				pass.ExportObjectFact(fn, f)
			}
		}
	}
}

// grpcStub recognises NewXxxClient(cc grpc.ClientConnInterface) XxxClient
// and finds Xxx's full service name in the generated constants
// (Xxx_Method_FullMethodName = "/pkg.Xxx/Method") or, when pass holds the
// generated package's syntax, the service descriptor (Xxx_ServiceDesc, or
// _Xxx_serviceDesc in older code).
func grpcStub(pass *analysis.Pass, fn *types.Func) *stubFact {
	name, ok := strings.CutPrefix(fn.Name(), "New")
	if !ok || !strings.HasSuffix(name, "Client") {
		return nil
	}
	svc := strings.TrimSuffix(name, "Client")
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return nil
	}
	if !isNamed(sig.Params().At(0).Type(), grpcPath, "ClientConnInterface") && !isNamed(sig.Params().At(0).Type(), grpcPath, "ClientConn") {
		return nil
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	if !ok || res.Obj().Name() != name || !types.IsInterface(res) {
		return nil
	}
	full := fullMethodService(fn.Pkg(), svc)
	if full == "" && pass != nil {
		full = serviceDescName(pass, svc)
	}
	if full == "" {
		return nil
	}
	return &stubFact{Protocol: protoGRPC, Service: full, AddrArg: -1}
}

// fullMethodService reads the service name from the Xxx_*_FullMethodName
// constants of protoc-gen-go-grpc 1.3 and later.
func fullMethodService(pkg *types.Package, svc string) string {
	scope := pkg.Scope()
	for _, n := range scope.Names() {
		if !strings.HasPrefix(n, svc+"_") || !strings.HasSuffix(n, "_FullMethodName") {
			continue
		}
		if s := constString(scope.Lookup(n)); strings.HasPrefix(s, "/") {
			if full, _, ok := strings.Cut(s[1:], "/"); ok {
				return full
			}
		}
	}
	return ""
}

// serviceDescName reads ServiceName from the package's grpc.ServiceDesc
// literal for svc.
func serviceDescName(pass *analysis.Pass, svc string) string {
	want := map[string]bool{svc + "_ServiceDesc": true, "_" + svc + "_serviceDesc": true}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, id := range vs.Names {
					if want[id.Name] {
						if s := literalField(pass, vs.Values[i], "ServiceName"); s != "" {
							return s
						}
					}
				}
			}
		}
	}
	return ""
}

// literalField returns the constant string value of field in a composite literal.
func literalField(pass *analysis.Pass, e ast.Expr, field string) string {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return ""
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
			if tv, ok := pass.TypesInfo.Types[kv.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value)
			}
		}
	}
	return ""
}

// twirpStub recognises twirp's NewXxxProtobufClient and NewXxxJSONClient
// (baseURL string, client HTTPClient, opts ...twirp.ClientOption) and reads
// the service name from the XxxPathPrefix constant ("/twirp/pkg.Xxx/").
func twirpStub(fn *types.Func) *stubFact {
	name, ok := strings.CutPrefix(fn.Name(), "New")
	if !ok {
		return nil
	}
	svc, ok := strings.CutSuffix(name, "ProtobufClient")
	if !ok {
		if svc, ok = strings.CutSuffix(name, "JSONClient"); !ok {
			return nil
		}
	}
	sig := fn.Signature()
	if sig.Params().Len() != 3 || !sig.Variadic() || !isString(sig.Params().At(0).Type()) {
		return nil
	}
	opts, ok := sig.Params().At(2).Type().(*types.Slice)
	if !ok || !isNamed(opts.Elem(), twirpPath, "ClientOption") {
		return nil
	}
	prefix := constString(fn.Pkg().Scope().Lookup(svc + "PathPrefix"))
	full := strings.Trim(prefix[strings.LastIndex(strings.TrimSuffix(prefix, "/"), "/")+1:], "/")
	if full == "" {
		return nil
	}
	return &stubFact{Protocol: protoTwirp, Service: full, AddrArg: 0}
}

// stubOf returns what the call site knows about fn as a generated client
// constructor: the fact its package exported, or, for generated code
// outside the repository (an API module required at a version, which is
// not analysed for facts), what its types and constants say.
func stubOf(pass *analysis.Pass, fn *types.Func) *stubFact {
	var f stubFact
	if pass.ImportObjectFact(fn, &f) {
		return &f
	}
	if fn.Pkg() == pass.Pkg || fn.Signature().Recv() != nil {
		return nil // this package's stubs have their fact already
	}
	if s := grpcStub(nil, fn); s != nil {
		return s
	}
	return twirpStub(fn)
}

func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// isNamedOrAlias reports whether t is the named type or the alias pkg.name.
// Frameworks export internal types through aliases (type Option =
// client.Option): the alias is what their users write, the internal type
// what it stands for.
func isNamedOrAlias(t types.Type, pkg, name string) bool {
	if a, ok := t.(*types.Alias); ok {
		if obj := a.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == pkg && obj.Name() == name {
			return true
		}
	}
	return isNamed(t, pkg, name)
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func constString(obj types.Object) string {
	c, ok := obj.(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return ""
	}
	return constant.StringVal(c.Val())
}
