package syncclient

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/finding"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer reports synchronous calls from one service to another.
var Analyzer = &analysis.Analyzer{
	Name:       "syncclient",
	Doc:        "report synchronous HTTP and gRPC calls from one service to another (temporal coupling)",
	URL:        "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/syncclient",
	Requires:   []*analysis.Analyzer{value.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{new(wrapperFact), new(stubFact), new(connParamFact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result says what became of every synchronous call found in a service's
// code (nil for other packages): nothing a service calls is dropped
// without a word.
type Result struct {
	Calls []Outcome // in source order
	// Allowed are the calls an allow rule or a directive accepted, with
	// their reasons, for the service graph and service cycles.
	Allowed []finding.Accepted
}

// An Outcome is what became of one call.
type Outcome struct {
	Pos    token.Pos // where it is reported
	Sink   token.Pos // the library call, when it is not at Pos (http.NewRequest sent by Do); else NoPos
	To     string    // the service called, or the external system
	Target string
	Fate   Fate
	Why    []string // for FateUnattributed: what stopped attribution, when known
	Via    []string // wrappers between the call site and the library, outermost first
}

// Fate is what became of a call.
type Fate string

const (
	FateReported     Fate = "reported"     // a finding
	FateAllowed      Fate = "allowed"      // an allow rule, a directive or the check's severity accepted it
	FateSelf         Fate = "self"         // the service calls itself
	FateSameCall     Fate = "same call"    // the dial of a stub reported in the same package, or a request relative to a client's base URL
	FateExternal     Fate = "external"     // an external system the map declares
	FateUnattributed Fate = "unattributed" // no service of the map; listed under -strict
)

// wrapperFact summarises a function of the repository that makes a
// synchronous call, so that calls to it in other packages are reported
// with the wrapper chain: a shared httpclient.Get(url) (the URL is its
// parameter 0), a client SDK that dials a hard-coded default address (a
// fixed use, exported by shared and contract packages only). See
// sinks.Summary for the payload and its String form.
type wrapperFact struct{ sinks.Summary }

func (*wrapperFact) AFact() {}

// AcceptedFindings returns what allow rules and directives accepted in the
// package (nil for a nil result).
func (r *Result) AcceptedFindings() []finding.Accepted {
	if r == nil {
		return nil
	}
	return r.Allowed
}

func run(pass *analysis.Pass) (any, error) {
	view, err := servicemap.For(pass)
	if err != nil || view == nil {
		return (*Result)(nil), err
	}
	res := pass.ResultOf[value.Analyzer].(*value.Resolver)
	exportStubFacts(pass)
	// Shared and contract code is where client SDKs with a built-in
	// address live: their calls are passed on to callers, who are reported.
	// A service's own code is reported where it calls, as soon as the
	// address is known, whatever its parameters add to the path.
	publishes := view.Owner.Role == boundaries.Shared || view.Owner.Role == boundaries.Contract
	cfg := sinks.Config{
		Table:       builtinTable.ForMap(view.Map, kinds...),
		NewFact:     func() sinks.Fact { return new(wrapperFact) },
		ExportFixed: publishes,
	}
	if !publishes {
		cfg.Settled = addressKnown
	}
	// Stubs first: the dials whose connections they consume are part of
	// the stub's call, neither reported again nor passed on to callers.
	c := &checker{pass: pass, view: view, res: res, module: pass.Module.Path}
	c.index()
	calls := c.stubCalls()
	c.consumeConnParams()
	cfg.Consumed = c.isConsumed
	hits := sinks.Find(pass, res, cfg)
	calls = append(calls, c.zrpcCalls(calls, hits)...)
	calls = append(calls, c.microCalls()...)
	calls = append(calls, c.sinkCalls(hits)...)

	r := finding.NewReporter(pass, view, finding.SyncClient)
	result := c.report(r, calls)
	r.Finish()
	if accepted := r.Accepted(); len(accepted) > 0 {
		if result == nil { // calls handed over by shared or wiring code
			result = &Result{}
		}
		result.Allowed = accepted
	}
	return result, nil
}

// A call is one synchronous call found in the package.
type call struct {
	node   ast.Node // where it is reported
	sink   ast.Node // the library call, when node is another (the Do that sends a request)
	proto  string   // protoHTTP, protoGRPC, ...
	method string   // HTTP method, when known
	target string   // redacted URL or address, or gRPC service or method
	to     string   // the service called; "" when the map cannot tell
	via    []string // wrappers between the call site and the library, outermost first
	// service is set when the call names the gRPC service it calls (a
	// generated stub, go-kit's grpctransport.NewClient): it is made on a
	// connection dialled elsewhere, and that dial is the same coupling.
	service bool
	// relative is set for a request whose URL is only a path (resty's
	// R().Get("/v1/orders") after SetBaseURL): the client's base URL is the
	// coupling, reported where it is set.
	relative bool
	// from says where deploy or config files gave the address its value,
	// or why they could not.
	from provenance
	// madeBy is the service whose code makes the call when the package
	// only sets its address: a literal of an options struct of that
	// service (frontend.ConfigOptions{DriverHostPort: "driver:8082"})
	// whose field a method of the service dials. "" otherwise.
	madeBy string
}

// unknownTarget is how a target of which nothing is known displays.
const unknownTarget = "…"

// describe renders the call for messages: "http GET http://orders:8080/v1/orders via httpclient.Get".
func (c call) describe() string {
	s := c.proto
	if c.method != "" {
		s += " " + c.method
	}
	if c.target != unknownTarget {
		s += " " + c.target
	}
	if len(c.via) > 0 {
		s += " via " + strings.Join(c.via, " -> ")
	}
	if c.target == unknownTarget {
		// The callee is known from the stub or contract alone: say so
		// rather than show a lone "…".
		s += ", address not known statically"
	}
	if len(c.from.sources) > 0 {
		s += ", address from " + strings.Join(c.from.sources, ", ")
	}
	return s
}

type checker struct {
	pass   *analysis.Pass
	view   *servicemap.View
	res    *value.Resolver
	module string // module path, which wrapper names are shown relative to

	sentBy   map[ast.Node]ast.Node // http.NewRequest call -> the (*http.Client).Do call that sends it
	consumed map[ast.Node]bool     // dial calls whose connection feeds a reported stub
	// connParams lists, for functions of the package, the parameters
	// whose connection feeds an attributed stub (see connParamFact).
	connParams map[*types.Func][]int
	defs       map[*types.Var][]*ast.CallExpr
}

// index records, for variables assigned from a call, the calls that
// assign them, and which requests are sent by Do in the same package.
func (c *checker) index() {
	c.defs = make(map[*types.Var][]*ast.CallExpr)
	c.sentBy = make(map[ast.Node]ast.Node)
	c.consumed = make(map[ast.Node]bool)
	c.connParams = make(map[*types.Func][]int)
	for _, as := range c.res.Assignments() {
		if len(as.Rhs) == 1 {
			if rhs, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
				for _, lhs := range as.Lhs {
					if v := c.varOf(lhs); v != nil {
						c.defs[v] = append(c.defs[v], rhs)
					}
				}
			}
		}
	}
	for _, s := range c.res.Sites() {
		if do, ok := s.Node.(*ast.CallExpr); ok && isMethod(typeutil.StaticCallee(c.pass.TypesInfo, do), "net/http", "Client", "Do") && len(do.Args) == 1 {
			if req := c.definingCall(do.Args[0]); req != nil {
				c.sentBy[req] = do
			}
		}
	}
}

// definingCall returns the one call whose result the variable e holds, or
// nil. As in package value, production code does not see what test files
// assign, and a use in a test file does not take over a call of production
// code (the request it builds, the connection it dials), which is reported
// as it is without the tests.
func (c *checker) definingCall(e ast.Expr) *ast.CallExpr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return call // pb.NewOrderServiceClient(dial(addr))
	}
	v := c.varOf(e)
	if v == nil {
		return nil
	}
	inTest := c.res.InTestFile(e.Pos())
	var def *ast.CallExpr
	for _, call := range c.defs[v] {
		if !inTest && c.res.InTestFile(call.Pos()) {
			continue // a test's assignment: not in the production binary
		}
		if def != nil {
			return nil // assigned several calls
		}
		def = call
	}
	if def == nil || inTest && !c.res.InTestFile(def.Pos()) {
		return nil
	}
	return def
}

// isConsumed says whether n is a consumed dial or lies inside one: the
// sink of kratos' grpc.DialInsecure(ctx, grpc.WithEndpoint(...)) is the
// option call in the dial's arguments.
func (c *checker) isConsumed(n ast.Node) bool {
	if c.consumed[n] {
		return true
	}
	for dial := range c.consumed {
		if encloses(dial, n) {
			return true
		}
	}
	return false
}

// encloses reports whether n lies within outer's source range.
func encloses(outer, n ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

func (c *checker) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

// stubCalls finds calls to generated client constructors: gRPC and twirp
// stubs (marked by stubFact) and Kitex clients.
func (c *checker) stubCalls() []call {
	var calls []call
	for _, s := range c.res.Sites() {
		ce, ok := s.Node.(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := typeutil.StaticCallee(c.pass.TypesInfo, ce)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		if stub := stubOf(c.pass, fn.Origin()); stub != nil {
			cl := c.stubCall(ce, fn, stub)
			// A stub of the package's own service's API (its contract's
			// grpc-gateway RegisterXxxHandler building it on a conn) calls
			// nobody here: the dial feeding it is its callers' call.
			if cl.to != "" && cl.to != c.view.From() && stub.Protocol == protoGRPC && len(ce.Args) == 1 && c.reportsHere() {
				c.noteConnParam(s.Func, ce.Args[0])
			}
			calls = append(calls, cl)
			continue
		}
		if isKitexClient(fn) && len(ce.Args) > 0 {
			calls = append(calls, c.kitexCall(ce, fn))
		}
	}
	return calls
}

// stubCall attributes a generated gRPC or twirp client: to the service
// whose contract holds the stub, else to the service that declares the
// gRPC name (repos that copy generated code), else by its base URL.
//
// A stub in the caller's own code or contract is a copy of the callee's
// generated code (src/frontend/genproto holds every service's stubs), not
// a call to itself: there only the gRPC name says who is called.
func (c *checker) stubCall(ce *ast.CallExpr, fn *types.Func, stub *stubFact) call {
	m := c.view.Map
	to := c.contractOwner(fn)
	if to == "" || to == c.view.From() {
		to = m.ServiceOfGRPC(stub.Service)
	}
	var from provenance
	if to == "" && stub.AddrArg >= 0 && stub.AddrArg < len(ce.Args) {
		to = c.serviceOf(c.res.Resolve(ce.Args[stub.AddrArg]), serviceOfAddress, &from)
	}
	if to != "" && to != c.view.From() && stub.Protocol == protoGRPC && len(ce.Args) == 1 && c.reportsHere() {
		// The dial that made the connection is the same coupling. A stub
		// of the service's own API is its client SDK (account.NewClient
		// dials the address it is given): the dial is passed on to the
		// callers, in other services.
		if dial := c.definingCall(ce.Args[0]); dial != nil {
			c.consumed[dial] = true
		}
	}
	return call{node: ce, proto: stub.Protocol, target: stub.Service, to: to, via: []string{c.display(fn)}, service: stub.Protocol == protoGRPC, from: from}
}

// display names a wrapper or stub for messages: "api/orders/v1.NewOrderServiceClient".
func (c *checker) display(fn *types.Func) string {
	return sinks.Display(sinks.FuncPath(fn), c.module)
}

// contractOwner returns the service whose contract declares fn, or "".
func (c *checker) contractOwner(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if o := c.view.Map.OwnerOfPackage(fn.Pkg().Path()); o.Role == boundaries.Contract {
		return o.Service
	}
	return ""
}

// sinkCalls turns the hits of the sink table and of wrapper facts into calls.
func (c *checker) sinkCalls(hits []sinks.Hit) []call {
	var calls []call
	for _, h := range hits {
		if c.isConsumed(h.Node) {
			continue
		}
		if s, ok := h.Value.Text(); ok && s == "" {
			continue // an absent option field
		}
		calls = append(calls, c.sinkCall(h))
	}
	return calls
}

func (c *checker) sinkCall(h sinks.Hit) call {
	m := c.view.Map
	cl := call{node: h.Node}
	for i, name := range h.Chain {
		if i < len(h.Chain)-1 { // the last one is the library itself
			cl.via = append(cl.via, sinks.Display(name, c.module))
		}
	}
	if do, ok := c.sentBy[h.Node]; ok {
		cl.node, cl.sink = do, h.Node
	}
	cl.proto, cl.method = protocol(h)
	cl.relative = sinks.Relative(h.Kind, h.Value)
	if h.MadeIn != "" {
		if o := m.OwnerOfPackage(h.MadeIn); o.Role == boundaries.Private || o.Role == boundaries.Contract {
			cl.madeBy = o.Service
		}
	}
	switch {
	case h.Kind == GRPCService:
		svc := display(h.Value)
		cl.target = svc
		if method, ok := h.Label.Text(); ok && method != "" {
			cl.target = "/" + svc + "/" + method
		}
		cl.to = serviceOfGRPCValue(m, h.Value)
		cl.service = true
	case h.Kind == Discovery:
		cl.target = display(h.Value)
		attr := serviceOfDiscoveryName
		if cl.proto == protoDapr {
			attr = serviceOfAppIDValue
		}
		cl.to = c.serviceOf(h.Value, attr, &cl.from)
	default:
		if app, ok := daprInvokeApp(h.Value); ok {
			// The host is the caller's own sidecar; the path names the callee.
			cl.to = serviceOfAppID(m, app)
		} else {
			cl.to = c.serviceOf(h.Value, serviceOfAddress, &cl.from)
		}
		cl.target = displayFlags(h.Value, len(cl.from.sources) > 0)
		if cl.proto == protoConnect {
			svc := grpcServiceOfPath(cl.target)
			if cl.to == "" {
				cl.to = m.ServiceOfGRPC(svc)
			}
			if svc != "" {
				cl.target = svc
			}
		}
	}
	if ce, ok := h.Node.(*ast.CallExpr); ok && cl.to == "" && h.Wrapped && !cl.relative {
		cl.to = c.contractOwner(typeutil.StaticCallee(c.pass.TypesInfo, ce))
	}
	return cl
}

// serviceOfGRPCValue attributes a value naming a full gRPC service.
func serviceOfGRPCValue(m *boundaries.Map, v value.Value) string {
	if s, ok := v.Text(); ok {
		return m.ServiceOfGRPC(s)
	}
	return ""
}

// protocol reads a hit's protocol and HTTP method from its label: a table
// label ("http GET", "grpc", "connect") or, for sinks that take the method
// as an argument (http.NewRequest), the method itself.
func protocol(h sinks.Hit) (proto, method string) {
	label, known := h.Label.Text()
	switch {
	case h.Kind == GRPCService:
		return protoGRPC, ""
	case h.Kind == Discovery:
		return label, "" // the registry
	case label == protoHTTP, label == protoGRPC, label == protoConnect, label == protoTwirp:
		return label, ""
	case strings.HasPrefix(label, protoHTTP+" "):
		return protoHTTP, strings.TrimPrefix(label, protoHTTP+" ")
	case h.Kind == sinks.URL && known && label != "":
		return protoHTTP, strings.ToUpper(label)
	case h.Kind == sinks.URL:
		return protoHTTP, ""
	}
	return protoGRPC, "" // addresses and targets from the map's sinks
}

// report reports the calls in source order, once per site and target.
// reportsHere says whether the package's calls are reported where they
// are: a service's code and contracts. Shared code is reported at its
// callers, wiring never. Only where a stub is reported may it consume the
// dial that feeds it: a shared grpc-gateway RegisterXxxHandlerFromEndpoint
// dials the endpoint it is given for a stub it builds, and that dial is
// what its callers are reported for.
func (c *checker) reportsHere() bool {
	r := c.view.Owner.Role
	return r == boundaries.Private || r == boundaries.Contract
}

func (c *checker) report(r *finding.Reporter, calls []call) *Result {
	from := c.view.From()
	if !c.reportsHere() {
		if c.view.Owner.Role != boundaries.Shared {
			c.reportHandedOver(r, calls)
		}
		return nil
	}
	sort.SliceStable(calls, func(i, j int) bool { return calls[i].node.Pos() < calls[j].node.Pos() })
	type key struct {
		pos        ast.Node
		to, target string
	}
	seen := make(map[key]bool)
	// One finding per site and callee: a client SDK's constructor carries
	// the endpoints of all its methods (authenticate, authorize), one
	// coupling however many there are.
	type edge struct {
		pos ast.Node
		to  string
	}
	reported := make(map[edge]bool)
	served := servedInPackage(calls)
	// A site whose call is attributed: its other values are alternatives
	// the client does not use (a zrpc configuration's Target and Etcd.Key
	// beside the Endpoints its file sets), not calls of their own.
	attributed := make(map[ast.Node]bool)
	for _, cl := range calls {
		if cl.to != "" {
			attributed[cl.node] = true
		}
	}
	result := new(Result)
	for _, cl := range calls {
		k := key{cl.node, cl.to, cl.target}
		if seen[k] {
			continue
		}
		seen[k] = true
		// A literal of another service's options struct: that
		// service's code makes the call, with the address set here.
		from := from
		if cl.madeBy != "" && cl.madeBy != from {
			from = cl.madeBy
			cl.via = append(cl.via, c.setBy())
		}
		o := Outcome{Pos: cl.node.Pos(), To: cl.to, Target: cl.target, Via: cl.via}
		if cl.sink != nil {
			o.Sink = cl.sink.Pos()
		}
		switch {
		case cl.to == from:
			o.Fate = FateSelf
		case cl.isDial() && served[cl.to], cl.relative:
			o.Fate = FateSameCall
		case reported[edge{cl.node, cl.to}]:
			o.Fate = FateReported
		case cl.to != "":
			o.Fate = FateAllowed
			if r.Report(cl.node, finding.Finding{Check: finding.SyncClient, From: from, To: cl.to, Target: cl.target, Message: message(from, cl)}) {
				o.Fate = FateReported
				reported[edge{cl.node, cl.to}] = true
			}
		case cl.from.external != "":
			o.Fate, o.To = FateExternal, cl.from.external
		case attributed[cl.node]:
			o.Fate = FateSameCall
		default:
			o.Fate, o.Why = FateUnattributed, cl.from.why
			if c.view.Strict {
				r.Report(cl.node, finding.Finding{Check: finding.SyncClient, From: from, Target: cl.target, Message: strictMessage(from, cl)})
			}
		}
		result.Calls = append(result.Calls, o)
	}
	// The dials whose connections feed reported stubs are those calls.
	for dial := range c.consumed {
		result.Calls = append(result.Calls, Outcome{Pos: dial.Pos(), Fate: FateSameCall})
	}
	sort.SliceStable(result.Calls, func(i, j int) bool { return result.Calls[i].Pos < result.Calls[j].Pos })
	return result
}

// reportHandedOver reports, in a composition root (a wiring entry, or a
// main no service owns), a client built for service B and handed to a
// function of service A: A calls B, though A's code never names B. It is
// reported where the root hands the client over. A dial handed to a
// constructor that builds the stub itself is reported in A already.
//
// A root that sets the address in a literal of A's options struct, which a
// method of A dials (frontend.NewServer(frontend.ConfigOptions{
// DriverHostPort: "driver:8082"})), is A calling B too: reported at the
// literal.
func (c *checker) reportHandedOver(r *finding.Reporter, calls []call) {
	built := make(map[ast.Node]call)
	seen := make(map[string]bool)
	for _, cl := range calls {
		if cl.to == "" || c.isConsumed(cl.node) {
			continue
		}
		if cl.madeBy == "" {
			built[cl.node] = cl
			continue
		}
		key := fmt.Sprint(cl.node.Pos(), cl.madeBy, cl.to, cl.target)
		if cl.madeBy == cl.to || seen[key] {
			continue
		}
		seen[key] = true
		cl.via = append(cl.via, c.setBy())
		r.Report(cl.node, finding.Finding{Check: finding.SyncClient, From: cl.madeBy, To: cl.to, Target: cl.target, Message: message(cl.madeBy, cl)})
	}
	if len(built) == 0 {
		return
	}
	m := c.view.Map
	for _, s := range c.res.Sites() {
		handOver, ok := s.Node.(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := typeutil.StaticCallee(c.pass.TypesInfo, handOver)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		owner := m.OwnerOfPackage(fn.Pkg().Path())
		if owner.Role != boundaries.Private && owner.Role != boundaries.Contract {
			continue
		}
		for _, arg := range handOver.Args {
			var made ast.Node = c.definingCall(arg)
			if ce, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
				made = ce
			}
			cl, ok := built[made]
			if !ok || cl.to == owner.Service {
				continue
			}
			key := fmt.Sprint(handOver.Pos(), cl.to)
			if seen[key] {
				continue
			}
			seen[key] = true
			cl.via = append(cl.via, "handed to "+c.display(fn)+" by "+sinks.Display(c.view.Package, c.module))
			r.Report(handOver, finding.Finding{Check: finding.SyncClient, From: owner.Service, To: cl.to, Target: cl.target, Message: message(owner.Service, cl)})
		}
	}
}

// setBy ends the via chain of a call whose address the package sets in
// a literal of the calling service's struct type.
func (c *checker) setBy() string {
	return "address set by " + sinks.Display(c.view.Package, c.module)
}

// servedInPackage lists the services that the package's calls name by
// their gRPC service. A gRPC dial to one of them is the connection of
// those calls, wherever the connection is kept in between (a struct
// field, a wire provider): one coupling, reported at the stub, which says
// what is called.
func servedInPackage(calls []call) map[string]bool {
	served := make(map[string]bool)
	for _, cl := range calls {
		if cl.service && cl.to != "" {
			served[cl.to] = true
		}
	}
	return served
}

// isDial says whether the call only opens a gRPC connection.
func (cl call) isDial() bool { return cl.proto == protoGRPC && !cl.service }

func message(from string, cl call) string {
	return fmt.Sprintf("%s calls %s synchronously (%s): temporal coupling — %s fails and slows down when %s does; "+
		"consume %s events or keep a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)",
		from, cl.to, cl.describe(), from, cl.to, possessive(cl.to))
}

func strictMessage(from string, cl call) string {
	why := ""
	if len(cl.from.why) > 0 {
		why = " (" + strings.Join(cl.from.why, "; ") + ")"
	}
	return fmt.Sprintf("%s makes a synchronous call (%s) that no service of the map claims%s: "+
		"if it reaches one of your services, add its host or env key to that service in couplingvet.yaml; "+
		"a third-party API needs nothing (listed because of -strict)", from, cl.describe(), why)
}

var possessive = finding.Possessive

func isFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && fn.Signature().Recv() == nil
}

func isMethod(fn *types.Func, pkg, typ, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg || fn.Name() != name {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && isNamed(recv.Type(), pkg, typ)
}
