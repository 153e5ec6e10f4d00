package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/value"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Config says how Find works for one analyzer.
type Config struct {
	// Table holds the sinks (built-in entries plus the map's).
	Table *Table
	// NewFact returns a new, empty wrapper fact of the analyzer's own type.
	// Nil disables wrapper facts: only direct sinks are found.
	NewFact func() Fact
	// Settled, when set, says that a use whose value still holds
	// parameters of the enclosing function is already decided without them
	// (shareddb: the DSN's host and database are literal, only the password
	// is a parameter). Such a use is reported where it is (Hit.Partial) and,
	// unless ExportFixed is set, not passed on to callers.
	Settled func(Use) bool
	// ExportFixed also summarises uses that do not depend on a parameter
	// (fixed connections), so that callers in other packages are reported.
	// Analyzers set it for shared and contract code, where a client SDK
	// with a built-in target lives, and leave it off for a service's
	// private code, which is reported where it connects.
	ExportFixed bool
	// Consumed, when set, names calls whose connection the analyzer
	// reports as part of another site (the dial whose connection feeds a
	// generated stub): they are neither hits nor passed on to callers, so
	// that one coupling is one finding.
	Consumed func(ast.Node) bool
}

// A Hit is a value that reaches a sink in the analysed package.
type Hit struct {
	Node  ast.Node // the call or composite literal
	Kind  Kind
	Label value.Value
	Value value.Value // free of parameters of the enclosing function
	// Chain runs from the function called at Node down to the sink:
	// ["sql.Open"] for a direct call, ["example.com/shop/pkg/db.Open",
	// "sql.Open"] through a wrapper: wrappers by FuncPath, the sink at the
	// end by Entry.Name. DisplayChain renders it for messages.
	Chain []string
	// Wrapped reports whether the value reached the sink through a wrapper
	// (len(Chain) > 1).
	Wrapped bool
	// MadeIn is the path of the package whose code makes the call when
	// it is not this one: Node is a literal of an imported struct type
	// that sets the fields a method of that package reads (Use.MadeIn).
	MadeIn string
	// Partial reports that Value still holds parameters of the enclosing
	// function, which Config.Settled judged irrelevant, or that Value is a
	// path relative to a client's base URL (Relative), which is not passed
	// on to callers.
	Partial bool
}

// Via renders the chain as is, joined by " -> ".
func (h Hit) Via() string { return strings.Join(h.Chain, " -> ") }

// ViaIn renders the chain for messages in a package of module: "pkg/db.Open -> sql.Open".
func (h Hit) ViaIn(module string) string { return DisplayChain(h.Chain, module) }

// Sink names the entry at the end of the chain.
func (h Hit) Sink() string { return h.Chain[len(h.Chain)-1] }

// maxChain bounds wrapper chains, so that recursion cannot grow them forever.
const maxChain = 8

// maxParts bounds the values carried in facts for the same reason.
const maxParts = 32

// site is a call or composite literal in a function of the package.
type site struct {
	node   ast.Node
	encl   *types.Func // enclosing function declaration; nil at package level
	callee *types.Func // static callee, for calls
	shift  int         // 1 for method expressions T.M(recv, args...)
	direct []Use       // uses from table entries and imported facts, arguments substituted
}

// Find returns the package's hits in source order and, when cfg.NewFact is
// set, exports a wrapper fact for every function whose uses its callers
// should see. Values are resolved with res (one per package: value.Analyzer).
func Find(pass *analysis.Pass, res *value.Resolver, cfg Config) []Hit {
	f := &finder{pass: pass, res: res, cfg: cfg, summaries: make(map[*types.Func]*Summary),
		typeFacts: make(map[*types.TypeName][]Use), handed: make(map[*types.TypeName]*Summary)}
	f.collect()
	f.assignedStructs()
	f.overwritten = f.overwrittenFields()
	f.throughFields()
	f.summarise()
	if f.throughLocalFields() {
		f.summarise()
	}
	hits := f.hits()
	f.export()
	return hits
}

type finder struct {
	pass      *analysis.Pass
	res       *value.Resolver
	cfg       Config
	sites     []*site
	summaries map[*types.Func]*Summary // local functions
	structs   []structLit              // literals of this package's struct types
	// unset are uses in methods whose fields no literal of the package
	// sets, the fields' holes saying why: reported where they are, so
	// that -strict lists them rather than nothing.
	unset []siteUse
	// typeFacts holds the uses of imported struct types that have a
	// wrapper fact, for their literals here (nil: the type has none).
	typeFacts map[*types.TypeName][]Use
	// handed holds the uses, for the package's exported struct types,
	// that read exported fields no literal here sets: exported as the
	// types' facts, to be followed at importers' literals.
	handed map[*types.TypeName]*Summary
	// overwritten holds the fields of the package's struct types that
	// code writes outside literals, whose literal values are therefore
	// unknown (see overwrittenFields), with their first write.
	overwritten map[string]token.Pos
}

type siteUse struct {
	site *site
	use  Use
}

// structLit is a composite literal of a struct type declared in the
// package, or of an imported one with a wrapper fact; or a variable of
// such a type whose fields the package assigns one by one (assigned).
type structLit struct {
	lit      *ast.CompositeLit // nil for an assigned variable
	assigned *assignedVar
	typ      string // "pkgpath.Type"
	encl     *types.Func
	imported bool
}

// node is where the uses of the literal or variable that read the
// fields read says are reported.
func (sl structLit) node(read func(field string) bool) ast.Node {
	if sl.lit == nil {
		return sl.assigned.node(read)
	}
	return sl.lit
}

// collect goes through the package's calls and literals once, recording
// every one that matches a table entry, an imported wrapper fact or a local
// function. The resolver's index lists them: no walk of its own.
func (f *finder) collect() {
	for _, s := range f.res.Sites() {
		switch n := s.Node.(type) {
		case *ast.CallExpr:
			f.call(n, s.Func)
		case *ast.CompositeLit:
			f.literal(n, s.Func)
		}
	}
}

func (f *finder) call(call *ast.CallExpr, encl *types.Func) {
	info := f.pass.TypesInfo
	callee := typeutil.StaticCallee(info, call)
	if callee == nil {
		f.interfaceCall(call, encl)
		return
	}
	s := &site{node: call, encl: encl, callee: callee}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if selection, ok := info.Selections[sel]; ok && selection.Kind() == types.MethodExpr {
			s.shift = 1
		}
	}
	for _, e := range f.cfg.Table.Calls(callee) {
		label := value.Lit(e.Label)
		if e.LabelArg != NoArg {
			label = f.arg(s, e.LabelArg)
		}
		s.direct = append(s.direct, f.entryUses(s, callee, e, label)...)
	}
	if f.cfg.NewFact != nil && callee.Pkg() != nil && callee.Pkg() != f.pass.Pkg {
		fact := f.cfg.NewFact()
		if f.pass.ImportObjectFact(callee.Origin(), fact) {
			name := FuncPath(callee)
			for _, u := range fact.SinkSummary().Uses {
				for _, v := range f.substValues(s, callee, u.Value) {
					s.direct = append(s.direct, Use{
						Kind:   u.Kind,
						Label:  u.Label.SubstFields(f.args(s)),
						Value:  v,
						Chain:  append([]string{name}, u.Chain...),
						MadeIn: u.MadeIn,
					})
				}
			}
		}
	}
	if len(s.direct) > 0 || callee.Pkg() == f.pass.Pkg {
		f.sites = append(f.sites, s)
	}
}

// interfaceCall records a call of an interface method that a table entry
// names (sarama's ConsumerGroup.Consume, watermill's Publisher.Publish):
// the library's API is the interface, whatever implements it. Such a
// callee has no facts and no local summary.
func (f *finder) interfaceCall(call *ast.CallExpr, encl *types.Func) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	selection, ok := f.pass.TypesInfo.Selections[sel]
	if !ok || selection.Kind() != types.MethodVal || !types.IsInterface(selection.Recv()) {
		return
	}
	method, ok := selection.Obj().(*types.Func)
	if !ok {
		return
	}
	s := &site{node: call, encl: encl, callee: method}
	for _, e := range f.cfg.Table.Calls(method) {
		label := value.Lit(e.Label)
		if e.LabelArg != NoArg {
			label = f.arg(s, e.LabelArg)
		}
		s.direct = append(s.direct, f.entryUses(s, method, e, label)...)
	}
	if len(s.direct) > 0 {
		f.sites = append(f.sites, s)
	}
}

// literalSink reports whether arg is a struct literal (or its address)
// of a type the table has literal sinks for: those find its fields where
// the literal is (zrpc.MustNewClient(zrpc.RpcClientConf{...})), and a call
// sink reading the same fields would find them twice.
func (f *finder) literalSink(arg ast.Expr) bool {
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	tv, ok := f.pass.TypesInfo.Types[lit]
	return ok && len(f.cfg.Table.Literals(tv.Type)) > 0
}

// entryUses are the uses of call sink e at site s: one per value its
// argument (or the argument's field) carries.
func (f *finder) entryUses(s *site, callee *types.Func, e Entry, label value.Value) []Use {
	var vs []value.Value
	if e.Field != "" {
		call := s.node.(*ast.CallExpr)
		if j := e.Arg + s.shift; e.Arg >= 0 && j < len(call.Args) && !f.res.ArgFieldUnset(call.Args[j], e.Field) && !f.literalSink(call.Args[j]) {
			vs = []value.Value{f.res.ArgField(call.Args[j], e.Field)}
		}
	} else {
		vs = f.argValues(s, callee, e.Arg)
	}
	if e.Qualifier != NoArg {
		q := f.arg(s, e.Qualifier)
		for i, v := range vs {
			vs[i] = value.Concat(q, value.Lit(QualifierSep), v)
		}
	}
	uses := make([]Use, 0, len(vs))
	for _, v := range vs {
		uses = append(uses, Use{Kind: e.Kind, Label: label, Value: v, Chain: []string{e.Name()}})
	}
	return uses
}

// argValues resolves argument i of the call, or every argument from i on
// when i is the variadic parameter of an expanded call, or each element of
// a slice literal passed with "...", or of a slice literal passed as a
// slice parameter (sarama's Consume(ctx, []string{"orders"}, h)).
func (f *finder) argValues(s *site, callee *types.Func, i int) []value.Value {
	call := s.node.(*ast.CallExpr)
	sig := callee.Signature()
	if !sig.Variadic() || i != sig.Params().Len()-1 {
		if j := i + s.shift; i >= 0 && i < sig.Params().Len() && j < len(call.Args) {
			if _, isSlice := sig.Params().At(i).Type().Underlying().(*types.Slice); isSlice {
				return f.elements(call.Args[j])
			}
		}
		return []value.Value{f.arg(s, i)}
	}
	if call.Ellipsis.IsValid() {
		if j := i + s.shift; j < len(call.Args) {
			return f.elements(call.Args[j])
		}
	}
	var vs []value.Value
	for j := i + s.shift; j < len(call.Args); j++ {
		vs = append(vs, f.res.Resolve(call.Args[j]))
	}
	return vs
}

// substValues applies a callee's use value v at call site s. A value
// that is a whole slice parameter (a wrapper's topics []string, or
// topics ...string, handed to a sink that takes each element) is one
// value per element the call passes, as at a sink itself (argValues);
// any other value is v with the call's arguments in place.
func (f *finder) substValues(s *site, callee *types.Func, v value.Value) []value.Value {
	if len(v.Parts) == 1 && v.Parts[0].Kind == value.Param && v.Parts[0].Text == "" {
		params := callee.Signature().Params()
		if i := v.Parts[0].Index; i < params.Len() {
			if _, isSlice := params.At(i).Type().Underlying().(*types.Slice); isSlice {
				return f.argValues(s, callee, i)
			}
		}
	}
	return []value.Value{v.SubstFields(f.args(s))}
}

// arg resolves argument i (receiver excluded) of a call site.
func (f *finder) arg(s *site, i int) value.Value {
	call := s.node.(*ast.CallExpr)
	if j := i + s.shift; i >= 0 && j < len(call.Args) {
		return f.res.Resolve(call.Args[j])
	}
	return value.Missing()
}

// args returns what value.Value.SubstFields needs to apply a callee's
// summary at call site s: its arguments, and fields of struct arguments.
func (f *finder) args(s *site) (func(int) value.Value, func(int, string) value.Value) {
	arg := func(i int) value.Value { return f.arg(s, i) }
	field := func(i int, path string) value.Value {
		call := s.node.(*ast.CallExpr)
		if j := i + s.shift; i >= 0 && j < len(call.Args) {
			return f.res.ArgField(call.Args[j], path)
		}
		return value.Missing()
	}
	return arg, field
}

func (f *finder) literal(lit *ast.CompositeLit, encl *types.Func) {
	tv, ok := f.pass.TypesInfo.Types[lit]
	if !ok {
		return
	}
	if named := localStruct(tv.Type, f.pass.Pkg); named != nil {
		f.structs = append(f.structs, structLit{lit: lit, typ: typeKey(named.Obj()), encl: encl})
	} else if named := f.importedStruct(tv.Type); named != nil {
		f.structs = append(f.structs, structLit{lit: lit, typ: typeKey(named.Obj()), encl: encl, imported: true})
	}
	entries := f.cfg.Table.Literals(tv.Type)
	if len(entries) == 0 {
		return
	}
	s := &site{node: lit, encl: encl}
	for _, e := range entries {
		for _, v := range f.fill(lit, e.Template) {
			s.direct = append(s.direct, Use{Kind: e.Kind, Label: value.Lit(e.Label), Value: v, Chain: []string{e.Name()}})
		}
	}
	f.sites = append(f.sites, s)
}

// fill instantiates a literal sink's template with the literal's fields.
// A slice field yields one value per element; when several fields are
// slices, the i-th value takes each slice's i-th (or last) element.
func (f *finder) fill(lit *ast.CompositeLit, tmpl string) []value.Value {
	fields := templateFields(tmpl)
	values := make(map[string][]value.Value, len(fields))
	set := value.LiteralFieldsByName(f.pass.TypesInfo, lit)
	n := 1
	present := false
	for _, name := range fields {
		vs := []value.Value{{}}
		if e, ok := set[name]; ok {
			vs = f.elements(e)
			present = true
		}
		values[name] = vs
		n = max(n, len(vs))
	}
	if !present {
		return nil // the literal sets none of the fields: it says nothing (yet) about the target
	}
	out := make([]value.Value, 0, n)
	for i := range n {
		var parts []value.Value
		rest := tmpl
		for _, name := range fields {
			before, after, _ := strings.Cut(rest, "{"+name+"}")
			vs := values[name]
			parts = append(parts, value.Lit(before), vs[min(i, len(vs)-1)])
			rest = after
		}
		parts = append(parts, value.Lit(rest))
		out = append(out, value.Concat(parts...))
	}
	return out
}

// elements resolves a value that may be a slice: each element of a slice
// literal (see sliceLiteral), or the value itself.
func (f *finder) elements(e ast.Expr) []value.Value {
	lit, fromCall := f.sliceLiteral(e)
	if lit == nil {
		return []value.Value{f.res.Resolve(e)}
	}
	if len(lit.Elts) == 0 {
		return []value.Value{{}}
	}
	var vs []value.Value
	for _, elt := range lit.Elts {
		v := f.res.Resolve(elt)
		if fromCall && v.HasParams() {
			// The parameters are the called function's, not those of
			// the function that makes the call.
			v = value.Hole("a parameter of the function that returns the slice")
		}
		vs = append(vs, v)
	}
	return vs
}

// sliceLiteral returns the slice literal an expression evaluates to: the
// literal itself, the literal a local variable is assigned once
// (topics := []string{...}), or the literal that is the only return of a
// function of the package (a server's topics() []string), when fromCall
// is set.
func (f *finder) sliceLiteral(e ast.Expr) (lit *ast.CompositeLit, fromCall bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if tv, ok := f.pass.TypesInfo.Types[e]; ok {
			if _, isSlice := tv.Type.Underlying().(*types.Slice); isSlice {
				return e, false
			}
		}
	case *ast.Ident:
		if v, ok := f.pass.TypesInfo.Uses[e].(*types.Var); ok && !v.IsField() {
			if _, _, isParam := f.res.ParamOf(v); !isParam {
				lit, _ := f.sliceLiteral(f.onlyAssignment(v))
				return lit, false
			}
		}
	case *ast.CallExpr:
		if callee := typeutil.StaticCallee(f.pass.TypesInfo, e); callee != nil && callee.Pkg() == f.pass.Pkg {
			if ret := f.onlyReturn(callee); ret != nil {
				if lit, _ := ast.Unparen(ret).(*ast.CompositeLit); lit != nil {
					lit, _ := f.sliceLiteral(lit)
					return lit, lit != nil
				}
			}
		}
	}
	return nil, false
}

// onlyAssignment returns the expression assigned to v when the package
// assigns it exactly once (=, := with one value per variable), else nil.
func (f *finder) onlyAssignment(v *types.Var) ast.Expr {
	var only ast.Expr
	n := 0
	for _, as := range f.res.Assignments() {
		for i, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && f.pass.TypesInfo.ObjectOf(id) == v {
				n++
				if len(as.Lhs) == len(as.Rhs) && as.Tok != token.ADD_ASSIGN {
					only = as.Rhs[i]
				}
			}
		}
	}
	if n != 1 {
		return nil
	}
	return only
}

// onlyReturn returns the expression a function of the package with one
// result returns, when its body has exactly one return statement (function
// literals inside it aside), else nil.
func (f *finder) onlyReturn(fn *types.Func) ast.Expr {
	decl := f.res.FuncDecl(fn.Origin())
	if decl == nil || decl.Body == nil || fn.Signature().Results().Len() != 1 {
		return nil
	}
	var rets []*ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	if len(rets) != 1 || len(rets[0].Results) != 1 {
		return nil
	}
	return rets[0].Results[0]
}

// throughFields follows targets kept in struct fields, the shape of most
// client SDKs:
//
//	func NewClient(baseURL string) *Client { return &Client{baseURL: baseURL} }
//	func (c *Client) Get(id string)        { http.Get(c.baseURL + "/v1/orders/" + id) }
//
// A use in a method whose value reads fields of a struct type of this
// package (value.Field parts) becomes a use at every literal of that type,
// with the literal's field values in place: here a use of NewClient's
// parameter 0, chain Client.Get -> http.Get. Fields set outside literals
// (c.baseURL = x) are not followed. A method declared in a _test.go file
// applies only to literals in test files: production code is analysed as
// if the tests were not there (see package value).
func (f *finder) throughFields() {
	var uses []siteUse
	for _, s := range f.sites {
		if s.encl == nil || f.consumed(s) {
			continue // a dial its stub's report covers is not the literals' either
		}
		for _, u := range s.direct {
			if u.Value.Has(value.Field) {
				uses = append(uses, siteUse{s, u})
			}
		}
	}
	f.unset = append(f.unset, uses...)
	f.keepUnset()
	f.followFields(uses, f.typeFacts)
}

// throughLocalFields is throughFields for targets kept in fields that a
// method passes to a local helper rather than to a sink (the client's
// Authenticate building fmt.Sprintf("%s/v1/auth", cln.url) for its do
// method, which calls http.NewRequestWithContext): those uses come from
// the helpers' summaries, known only once they are computed. It reports
// whether it added uses at literals, which the summaries must then take in.
func (f *finder) throughLocalFields() bool {
	var uses []siteUse
	for _, s := range f.sites {
		if s.encl == nil || f.consumed(s) {
			continue
		}
		for _, lu := range f.viaLocal(s) {
			if lu.use.Value.Has(value.Field) {
				uses = append(uses, siteUse{s, lu.use})
			}
		}
	}
	f.handOverUnbuilt(uses)
	n := len(f.sites)
	f.followFields(uses, nil)
	return len(f.sites) > n
}

// followFields turns each use, made in a method at its site and reading
// fields of a struct type of this package, into a use at every literal of
// that type, with the literal's field values in place. imported holds the
// uses of imported struct types (their wrapper facts), followed the same
// way to this package's literals of those types.
func (f *finder) followFields(uses []siteUse, imported map[*types.TypeName][]Use) {
	type fieldUse struct {
		Use
		test bool // the method is in a test file
	}
	byType := map[string][]fieldUse{}
	for _, su := range uses {
		u := f.methodUse(su)
		for _, key := range u.Value.Keys(value.Field) {
			typ := key[:strings.LastIndexByte(key, '.')]
			byType[typ] = append(byType[typ], fieldUse{u, f.res.InTestFile(su.site.node.Pos())})
		}
	}
	for obj, us := range imported {
		for _, u := range us {
			byType[typeKey(obj)] = append(byType[typeKey(obj)], fieldUse{Use: u})
		}
	}
	for _, sl := range f.structs {
		uses := byType[sl.typ]
		if len(uses) == 0 {
			continue
		}
		node := sl.node(func(field string) bool {
			return slices.ContainsFunc(uses, func(fu fieldUse) bool { return slices.Contains(fu.Value.Keys(value.Field), sl.typ+"."+field) })
		})
		if node == nil {
			continue // a variable whose writes are to fields no use reads
		}
		litInTest := f.res.InTestFile(node.Pos())
		fields := f.fieldValues(sl)
		s := &site{node: node, encl: sl.encl}
		for _, fu := range uses {
			if fu.test && !litInTest {
				continue
			}
			u := fu.Use
			if sl.imported {
				if !setsAny(u.Value, sl.typ, fields) {
					continue // the fields are set later (opts.Addr = x), or never: the literal says nothing
				}
				u.MadeIn = sl.typ[:strings.LastIndexByte(sl.typ, '.')]
			}
			u.Value = u.Value.Replace(func(p value.Part) (value.Value, bool) {
				name, ok := strings.CutPrefix(p.Key, sl.typ+".")
				if p.Kind != value.Field || !ok {
					return value.Value{}, false
				}
				if at, ok := f.overwritten[p.Key]; ok && !sl.imported {
					return value.Hole("field " + name + " is also written at " + shortPos(f.pass.Fset.Position(at)) + ": the value a literal gives it may not be the one used"), true
				}
				if v, ok := fields[name]; ok {
					return v, true
				}
				return value.Hole("field " + name + " not set"), true
			})
			if !u.Value.Has(value.Field) {
				s.direct = append(s.direct, u)
			}
		}
		if len(s.direct) > 0 {
			f.sites = append(f.sites, s)
		}
	}
}

// methodUse is a use made in a method, as a literal of the method's
// struct type sees it: the method's own parameters are not those of the
// function that builds the literal (their values are the method's
// callers'), and the chain starts at the method.
func (f *finder) methodUse(su siteUse) Use {
	u := su.use
	method := su.site.encl.Name()
	u.Value = u.Value.Subst(func(int) value.Value { return value.Hole("a parameter of method " + method) })
	u.Chain = append([]string{FuncPath(su.site.encl)}, u.Chain...)
	return u
}

// setsAny reports whether a literal of typ sets one of the fields of typ that v reads.
func setsAny(v value.Value, typ string, fields map[string]value.Value) bool {
	for _, key := range v.Keys(value.Field) {
		if name, ok := strings.CutPrefix(key, typ+"."); ok {
			if _, set := fields[name]; set {
				return true
			}
		}
	}
	return false
}

// keepUnset keeps, of the uses that read fields, those of types that no
// literal of the package builds, with each field a hole that says why:
// another package sets it, or nothing here does. A use that reads only
// exported fields of one exported type is also handed to the packages
// that import this one (handOver), which follow it to their literals.
func (f *finder) keepUnset() {
	built := map[string]bool{}
	for _, sl := range f.structs {
		if !sl.imported {
			built[sl.typ] = true
		}
	}
	kept := f.unset[:0]
	for _, su := range f.unset {
		for _, key := range su.use.Value.Keys(value.Field) {
			if !built[key[:strings.LastIndexByte(key, '.')]] {
				handed := f.handOver(su)
				su.use.Value = su.use.Value.Replace(func(p value.Part) (value.Value, bool) { return unsetField(p, handed) })
				kept = append(kept, su)
				break
			}
		}
	}
	f.unset = kept
}

// handOverUnbuilt hands over, of uses found through local helpers, those
// that read fields no literal of the package sets (keepUnset's, which
// were not listed before): listed with the hole that says so.
func (f *finder) handOverUnbuilt(uses []siteUse) {
	built := map[string]bool{}
	for _, sl := range f.structs {
		if !sl.imported {
			built[sl.typ] = true
		}
	}
	for _, su := range uses {
		keys := su.use.Value.Keys(value.Field)
		if len(keys) == 0 || built[keys[0][:strings.LastIndexByte(keys[0], '.')]] || !f.handOver(su) {
			continue
		}
		su.use.Value = su.use.Value.Replace(func(p value.Part) (value.Value, bool) { return unsetField(p, true) })
		f.unset = append(f.unset, su)
	}
}

// handOver adds su, a use in a method that reads fields no literal of the
// package sets, to the wrapper fact of their struct type, when the type
// and the fields are exported (so importers can set them) and the method
// is production code. It reports whether it did.
func (f *finder) handOver(su siteUse) bool {
	if f.cfg.NewFact == nil || f.res.InTestFile(su.site.node.Pos()) || f.consumed(su.site) {
		return false
	}
	keys := su.use.Value.Keys(value.Field)
	typ := keys[0][:strings.LastIndexByte(keys[0], '.')]
	for _, key := range keys {
		name, ok := strings.CutPrefix(key, typ+".")
		if !ok || !token.IsExported(name) {
			return false // fields of several types, or one importers cannot set
		}
	}
	obj, _ := f.pass.Pkg.Scope().Lookup(typ[strings.LastIndexByte(typ, '.')+1:]).(*types.TypeName)
	if obj == nil || !obj.Exported() || typeKey(obj) != typ {
		return false
	}
	u := f.methodUse(su)
	if len(u.Value.Parts) > maxParts || len(u.Chain) >= maxChain {
		return false
	}
	sum := f.handed[obj]
	if sum == nil {
		sum = new(Summary)
		f.handed[obj] = sum
	}
	sum.add(u)
	return true
}

// unsetField replaces a Field part that no literal of the package sets by
// a hole saying where its value comes from, for -strict listings. handed
// says that the use was handed to the importers of the package.
func unsetField(p value.Part, handed bool) (value.Value, bool) {
	if p.Kind != value.Field {
		return value.Value{}, false
	}
	short := p.Key[strings.LastIndexByte(p.Key, '/')+1:] // frontend.ConfigOptions.DriverHostPort
	parts := strings.Split(short, ".")
	if handed {
		return value.Hole("field " + short + ": set only by packages that import " + parts[0] +
			", where couplingvet reports the call at their literals of " + parts[1]), true
	}
	if len(parts) == 3 && token.IsExported(parts[1]) && token.IsExported(parts[2]) {
		return value.Hole("field " + short + ": set only by packages that import " + parts[0] +
			", which couplingvet does not follow back; set it in package " + parts[0] + " or list the address in the map"), true
	}
	return value.Hole("field " + short + ": not set in package " + parts[0]), true
}

// importedStruct returns t's named struct type (through a pointer) when
// another package declares it and has given it a wrapper fact: uses of
// its fields that this package's literals fill in.
func (f *finder) importedStruct(t types.Type) *types.Named {
	if f.cfg.NewFact == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() == f.pass.Pkg {
		return nil
	}
	named = named.Origin()
	uses, seen := f.typeFacts[named.Obj()]
	if !seen {
		fact := f.cfg.NewFact()
		if f.pass.ImportObjectFact(named.Obj(), fact) {
			uses = fact.SinkSummary().Uses
		}
		f.typeFacts[named.Obj()] = uses
	}
	if len(uses) == 0 {
		return nil
	}
	return named
}

// localStruct returns t's named struct type (through a pointer) when pkg declares it.
func localStruct(t types.Type, pkg *types.Package) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != pkg {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named.Origin()
}

func typeKey(obj *types.TypeName) string {
	return obj.Pkg().Path() + "." + obj.Name()
}

// summarise computes the summaries of the package's functions: the direct
// uses that depend on their parameters (or are fixed, under ExportFixed),
// then, to a fixed point, what flows through calls to local functions.
func (f *finder) summarise() {
	if f.cfg.NewFact == nil {
		return
	}
	for _, s := range f.sites {
		if f.consumed(s) {
			continue
		}
		for _, u := range s.direct {
			f.absorb(s.encl, u)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range f.sites {
			if f.consumed(s) {
				continue
			}
			for _, u := range f.viaLocal(s) {
				if f.absorb(s.encl, u.use) {
					changed = true
				}
			}
		}
	}
}

type localUse struct {
	use   Use
	fixed bool // the callee's use did not depend on its parameters
}

// viaLocal applies the summary of a site's local callee to the site.
func (f *finder) viaLocal(s *site) []localUse {
	if s.callee == nil || s.callee.Pkg() != f.pass.Pkg {
		return nil
	}
	sum := f.summaries[s.callee.Origin()]
	if sum == nil {
		return nil
	}
	name := FuncPath(s.callee)
	var out []localUse
	for _, u := range sum.Uses {
		if len(u.Chain) >= maxChain {
			continue
		}
		for _, v := range f.substValues(s, s.callee, u.Value) {
			out = append(out, localUse{
				use: Use{
					Kind:   u.Kind,
					Label:  u.Label.SubstFields(f.args(s)),
					Value:  v,
					Chain:  append([]string{name}, u.Chain...),
					MadeIn: u.MadeIn,
				},
				fixed: !u.Value.HasParams(),
			})
		}
	}
	return out
}

// absorb adds u to the summary of fn when fn's callers should see it.
func (f *finder) absorb(fn *types.Func, u Use) bool {
	if fn == nil || len(u.Value.Parts) == 0 || len(u.Value.Parts) > maxParts || u.Value.Opaque() || u.Value.Has(value.Field) || Relative(u.Kind, u.Value) {
		return false
	}
	if slices.Contains(u.Chain, FuncPath(fn)) {
		return false // recursion: the use is already in fn's summary, less one step
	}
	if !u.Value.HasParams() && !f.cfg.ExportFixed {
		return false
	}
	if u.Value.HasParams() && f.settled(u) && !f.cfg.ExportFixed {
		return false // reported where it is; shared and contract code pass it on like a fixed use
	}
	sum := f.summaries[fn]
	if sum == nil {
		sum = new(Summary)
		f.summaries[fn] = sum
	}
	return sum.add(u)
}

// hits lists what the analyser reports: uses whose value no longer depends
// on a parameter. A fixed use of a local wrapper is not repeated at its
// call sites: it was found where the wrapper connects.
func (f *finder) hits() []Hit {
	var hits []Hit
	add := func(s *site, u Use) {
		if len(u.Value.Parts) == 0 || u.Value.Has(value.Field) {
			return // an empty target, or one in a field: reported where the field is set
		}
		partial := u.Value.HasParams()
		if partial && !f.settled(u) && !Relative(u.Kind, u.Value) {
			return // the callers of the enclosing function see it, through its fact
		}
		hits = append(hits, Hit{Node: s.node, Kind: u.Kind, Label: u.Label, Value: u.Value, Chain: u.Chain, Wrapped: len(u.Chain) > 1, MadeIn: u.MadeIn, Partial: partial})
	}
	for _, su := range f.unset {
		if !f.consumed(su.site) {
			add(su.site, su.use)
		}
	}
	for _, s := range f.sites {
		if f.consumed(s) {
			continue
		}
		for _, u := range s.direct {
			add(s, u)
		}
		for _, lu := range f.viaLocal(s) {
			if !lu.fixed {
				add(s, lu.use)
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Node.Pos() < hits[j].Node.Pos() })
	return hits
}

// Relative reports whether v, the value of a URL sink, is known to be only
// a path ("/v1/orders/{id}", "/v1/orders/" + id): a request that a client
// sends relative to its base URL (resty's R().Get after SetBaseURL). The
// base URL is the connection, found where it is set, so such a use is not
// passed on to the callers of the function that makes it: a client SDK's
// methods are not calls of their own. It is still a Hit where it is made,
// for the analyzer to account for.
func Relative(k Kind, v value.Value) bool {
	if k != URL || len(v.Parts) == 0 {
		return false
	}
	p := v.Parts[0]
	return p.Kind == value.Text && strings.HasPrefix(p.Text, "/") && !strings.HasPrefix(p.Text, "//")
}

func (f *finder) consumed(s *site) bool {
	return f.cfg.Consumed != nil && f.cfg.Consumed(s.node)
}

func (f *finder) settled(u Use) bool {
	return f.cfg.Settled != nil && f.cfg.Settled(u)
}

// export publishes the summaries as the analyzer's wrapper facts.
func (f *finder) export() {
	if f.cfg.NewFact == nil {
		return
	}
	fns := make([]*types.Func, 0, len(f.summaries))
	for fn := range f.summaries {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		fact := f.cfg.NewFact()
		*fact.SinkSummary() = *f.summaries[fn]
		f.pass.ExportObjectFact(fn, fact)
	}
	objs := make([]*types.TypeName, 0, len(f.handed))
	for obj := range f.handed {
		objs = append(objs, obj)
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Pos() < objs[j].Pos() })
	for _, obj := range objs {
		fact := f.cfg.NewFact()
		*fact.SinkSummary() = *f.handed[obj]
		f.pass.ExportObjectFact(obj, fact)
	}
}
