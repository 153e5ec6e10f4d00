package value

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer provides a *Resolver for the package as its result, so that all
// analyzers of a run share one resolver (and its caches) per package.
// It reports nothing. In packages of the analysed modules it exports a
// ReturnsFact for each exported function whose result resolves, so that
// calls to it from other packages resolve too, a VarFact for each
// exported string variable whose value the package fixes, and a
// WritesFact naming the other packages' variables it writes; elsewhere
// (standard library, dependency modules) it does no work until the
// resolver is used.
var Analyzer = &analysis.Analyzer{
	Name:       "value",
	Doc:        "resolves string-valued expressions statically (a shared result for couplingvet's analyzers)",
	URL:        "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/value",
	Run:        run,
	ResultType: reflect.TypeFor[*Resolver](),
	FactTypes:  []analysis.Fact{new(ReturnsFact), new(VarFact), new(WritesFact), new(FieldFact)},
}

// A Resolver resolves expressions of one package. It indexes the package's
// assignments on first use and caches every variable it resolves, so each
// function body is walked once however many sinks ask. The same walk
// records the package's calls, composite literals and assignment
// statements (Sites, Assignments), so that the analyzers sharing the
// resolver need not walk the package again. A Resolver is safe for
// concurrent use: it is Analyzer's result, and the drivers run the
// analyzers that share it (shareddb, syncclient) in parallel.
//
// Expressions are resolved in the scope of their file (scope.go): the
// writes of the package's _test.go files count only for expressions in
// those files.
type Resolver struct {
	info  *types.Info
	files []*ast.File
	tests []*token.File // the files named *_test.go; none when the names are unknown (New)

	// mu serialises the exported methods: everything below is built
	// lazily and memoized, so even a read may write.
	mu sync.Mutex

	indexed bool
	defs    map[*types.Var][]def     // every assignment to a local or package-level variable
	params  map[*types.Var]paramInfo // parameters of function declarations
	funcs   map[*types.Func]*ast.FuncDecl

	// importFact reads another package's ReturnsFact; nil outside an
	// analysis pass (New), where only this package's functions resolve.
	importFact func(types.Object, analysis.Fact) bool

	// packageFacts lists the package facts of the package's dependencies,
	// for their WritesFacts (vars.go); nil outside an analysis pass.
	// writers, built from them when first needed, maps a variable
	// ("pkgpath.Name") to a dependency that writes it.
	packageFacts func() []analysis.PackageFact
	writers      map[string]string
	pkg          *types.Package // the package analysed, whose own WritesFact packageFacts lists too

	// bindFormat, in a service's package, gives a format that the
	// service's config or deploy files hold its text (see formatText);
	// nil elsewhere.
	bindFormat func(Value) (string, bool)

	// handledAddrs are the &v that a call records as a write to v
	// (flag.StringVar, a function with a store summary): not escapes.
	handledAddrs map[*ast.UnaryExpr]bool

	fieldDefs    map[fieldKey][]def         // writes to fields of struct variables (fields.go)
	fieldsEscape map[*types.Var]escape      // struct variables whose fields anything may write, and why
	confParsed   map[*types.Var][]confParse // struct variables that conf.Parse fills (confparse.go)

	typeFieldDefs map[*types.Var][]def                           // writes to string fields of the package's types (typefields.go, fieldfacts.go)
	fixed         map[*types.Var]Value                           // the exported fields that get a FieldFact (fieldfacts.go), built when first asked
	fixedKeys     map[string]bool                                // their Field keys (FieldKey), built with them
	defaults      map[*types.Var]Value                           // the exported fields of decoded types whose literal gives a default (FieldFact.Default), built with them
	decodes       map[*types.TypeName]bool                       // struct types the package hands a decoder by pointer (fieldfacts.go), built when first asked
	owners        map[*types.Package]map[*types.Var]*types.Named // fields of packages whose FieldFacts are read, by their struct type (fieldfacts.go)
	writtenFields map[*types.Var]bool                            // fields of any type the package writes (decoded.go), built when first asked
	urlFieldDefs  map[urlFieldKey][]def                          // writes to Scheme, Host and Path of URL variables (urls.go)

	// prod resolves expressions of production files, all those of test
	// files; in a package without test files they are the same scope.
	prod, all *scope

	sites   []Site            // calls and composite literals, in source order
	assigns []*ast.AssignStmt // assignment statements, in source order
}

// def is one assignment to a variable.
type def struct {
	expr  ast.Expr  // the assigned expression; nil when val is set
	index int       // which result of a multi-value expr (-1: single value)
	val   *Value    // a value decided while indexing (flag.StringVar, unknown)
	store *storeRef // an address passed to a function: what it stores there (stores.go)
	lit   bool      // a field's value in a struct literal (typefields.go)
	test  bool      // made in a _test.go file
}

type paramInfo struct {
	fn    *types.Func
	index int
}

// New returns a resolver for the package whose syntax is files. It does
// not know the files' names, so it takes them all for production files:
// every write counts everywhere. Analyzer's resolvers are made by
// NewWithFileSet.
func New(info *types.Info, files []*ast.File) *Resolver {
	return &Resolver{info: info, files: files}
}

// NewWithFileSet returns a resolver for the package whose syntax is files,
// positioned in fset: files named *_test.go are test files, whose writes
// production code does not see (see the package documentation).
func NewWithFileSet(fset *token.FileSet, info *types.Info, files []*ast.File) *Resolver {
	r := New(info, files)
	for _, f := range files {
		if tf := fset.File(f.Package); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
			r.tests = append(r.tests, tf)
		}
	}
	return r
}

// Info returns the type information the resolver works on.
func (r *Resolver) Info() *types.Info { return r.info }

// FuncDecl returns the declaration of fn in this package, or nil.
func (r *Resolver) FuncDecl(fn *types.Func) *ast.FuncDecl {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.funcs[fn]
}

// A Site is a call or a composite literal of the package.
type Site struct {
	Node ast.Expr    // *ast.CallExpr or *ast.CompositeLit
	Func *types.Func // the function declaration it is in; nil at package level
}

// Sites returns the package's calls and composite literals, those inside
// function literals included, in the order ast.Inspect visits them. The
// slice is shared: callers must not modify it.
func (r *Resolver) Sites() []Site {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.sites
}

// Assignments returns the package's assignment statements (=, := and
// op=) in source order. The slice is shared: callers must not modify it.
func (r *Resolver) Assignments() []*ast.AssignStmt {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.assigns
}

// ParamOf reports which function declared v as its parameter, and its index.
func (r *Resolver) ParamOf(v *types.Var) (fn *types.Func, index int, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	p, ok := r.params[v]
	return p.fn, p.index, ok
}

// Resolve returns the value of the string (or integer) expression e.
// Anything it cannot follow becomes an Unknown part.
func (r *Resolver) Resolve(e ast.Expr) Value {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.scopeOf(e.Pos()).resolve(e)
}

func (s *scope) resolve(e ast.Expr) Value {
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil {
		return constValue(tv.Value)
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return s.resolve(e.X)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return Concat(s.resolve(e.X), s.resolve(e.Y))
		}
	case *ast.Ident:
		return s.ident(e)
	case *ast.StarExpr:
		// *p where p := flag.String(...): the pointer stands for the flag.
		return s.resolve(e.X)
	case *ast.CallExpr:
		return s.call(e, -1)
	case *ast.IndexExpr:
		return s.index1(e)
	case *ast.SelectorExpr:
		return s.selector(e)
	case *ast.UnaryExpr:
		if e.Op == token.AND { // &url.URL{...}
			return s.resolve(e.X)
		}
	case *ast.CompositeLit:
		return s.literal(e)
	}
	return Hole(short(e))
}

func constValue(v constant.Value) Value {
	switch v.Kind() {
	case constant.String:
		return Lit(constant.StringVal(v))
	case constant.Int, constant.Float, constant.Bool:
		return Lit(v.ExactString())
	}
	return Hole("constant")
}

func (s *scope) ident(id *ast.Ident) Value {
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok {
		if v, ok = s.info.Defs[id].(*types.Var); !ok {
			return Hole(id.Name)
		}
	}
	if val, ok := s.reassignedParam(v, id.Pos()); ok {
		return val
	}
	if val, ok := s.urlVariable(v); ok {
		return val
	}
	return s.variable(v)
}

// variable resolves v from all the assignments the scope sees: they must agree.
func (s *scope) variable(v *types.Var) Value {
	if val, ok := s.vars[v]; ok {
		return val
	}
	if s.busy[v] {
		return Hole("variable " + v.Name())
	}
	s.busy[v] = true
	val := s.variable1(v)
	delete(s.busy, v)
	s.vars[v] = val
	return val
}

func (s *scope) variable1(v *types.Var) Value {
	defs := s.defsOf(v)
	if p, ok := s.params[v]; ok {
		// A reassigned parameter is not the caller's argument, unless it
		// is only normalised (baseURL = strings.TrimRight(baseURL, "/"))
		// or reassigned in order (reassignedParam, which reads see first).
		if !s.onlyNormalised(v, defs) {
			return Hole("parameter " + v.Name() + " reassigned")
		}
		return Of(Part{Kind: Param, Key: v.Name(), Index: p.index})
	}
	if s.isForeignPackageVar(v) {
		return s.importedVariable(v, defs) // chat.MessagePubTopic: vars.go
	}
	if len(defs) == 0 {
		return Hole("variable " + v.Name())
	}
	return s.mergeDefs("variable "+v.Name(), defs)
}

// mergeDefs resolves the assignments of a variable (or field), named what
// for reasons: they must agree, or be the getenv idiom written inline
//
//	addr := os.Getenv("ORDERS_ADDR")
//	if addr == "" {
//		addr = "orders:9090"
//	}
//
// which resolves to the environment variable with its default.
func (s *scope) mergeDefs(what string, defs []def) Value {
	var distinct []Value
	for _, d := range defs {
		var dv Value
		switch {
		case d.store != nil:
			stored, ok := s.stored(d.store)
			if !ok {
				continue // the function only reads through the pointer
			}
			dv = stored
		case d.val != nil:
			if d.val.Opaque() {
				return *d.val // the variable escapes: say how
			}
			dv = *d.val
		case d.index >= 0:
			call, ok := ast.Unparen(d.expr).(*ast.CallExpr)
			if !ok {
				return Hole(what)
			}
			dv = s.call(call, d.index)
		default:
			dv = s.resolve(d.expr)
		}
		if !containsValue(distinct, dv) {
			distinct = append(distinct, dv)
		}
	}
	if v, ok := agree(distinct); ok {
		return v
	}
	if len(distinct) == 0 {
		return Hole(what + " never assigned")
	}
	return Hole(what + " assigned several values")
}

// call resolves a call to a function known to produce a string from its
// arguments. result selects one result of a multi-value call (-1: the only one).
func (s *scope) call(call *ast.CallExpr, result int) Value {
	fn, _ := typeutil.Callee(s.info, call).(*types.Func)
	if fn == nil {
		if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return s.resolve(call.Args[0]) // conversion: string(x), MyString("...")
		}
		return Hole(short(call))
	}
	name := funcName(fn)
	arg := func(i int) Value {
		if i < len(call.Args) {
			return s.resolve(call.Args[i])
		}
		return Missing()
	}
	keyed := func(k Kind, i int) Value {
		a := arg(i)
		key, ok := a.Text()
		if !ok {
			if len(a.Parts) == 1 && a.Parts[0].Kind == Param {
				// os.Getenv(key) in a getenv helper, viper.GetString(key) in a
				// config helper: the caller names the variable or key.
				byParam := EnvParam
				if k == Config {
					byParam = ConfigParam
				}
				return Of(Part{Kind: byParam, Key: a.Parts[0].Key, Index: a.Parts[0].Index})
			}
			return Hole(name + " with a computed key")
		}
		return Of(Part{Kind: k, Key: key})
	}
	switch name {
	case "os.Getenv":
		return keyed(Env, 0)
	case "os.LookupEnv":
		if result <= 0 {
			return keyed(Env, 0)
		}
	case "(*" + pflag + ".FlagSet).GetString":
		if len(call.Args) == 1 {
			return s.flagByName(call)
		}
	case "fmt.Sprintf":
		return s.sprintf(call)
	case "os.ExpandEnv":
		// A template from a config file or a constant: its $VAR and
		// ${VAR} are environment variables.
		return expandText(arg(0))
	case "fmt.Sprint":
		var vs []Value
		for i := range call.Args {
			vs = append(vs, arg(i))
		}
		return Concat(vs...)
	case "net.JoinHostPort":
		return Concat(arg(0), Lit(":"), arg(1))
	case "strings.TrimSpace", "strconv.Itoa", "strings.ToLower",
		"strings.TrimRight", "strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimLeft", "strings.Trim":
		// Identity for our purposes: keys and hosts are already trimmed
		// and lower-case, and generated clients trim a trailing "/".
		return arg(0)
	case "github.com/aws/aws-sdk-go-v2/aws.String", "github.com/aws/aws-sdk-go/aws.String":
		// The AWS SDKs take *string inputs: aws.String(queueURL).
		return arg(0)
	case "strings.Join":
		// strings.Join([]string{user, ":", pass, "@tcp(", host, ")/", db}, ""):
		// a list literal joins like a concatenation; any other list is
		// of a length the code does not say.
		return s.join(call)
	case "github.com/spf13/viper.GetString", "(*github.com/spf13/viper.Viper).GetString",
		// koanf, with the "." delimiter every example and most services
		// pass to koanf.New.
		"(*github.com/knadh/koanf/v2.Koanf).String", "(*github.com/knadh/koanf/v2.Koanf).MustString",
		"(*github.com/knadh/koanf.Koanf).String", "(*github.com/knadh/koanf.Koanf).MustString":
		return keyed(Config, 0)
	case "cmp.Or":
		// cmp.Or(os.Getenv("ORDERS_URL"), "http://orders:8080"): the
		// variable, or else the default; with more variables, the first
		// that is set (firstset.go).
		if call.Ellipsis.IsValid() {
			return Hole(name)
		}
		var args []Value
		for i := range call.Args {
			args = append(args, arg(i))
		}
		if v, ok := firstSetChain(args); ok {
			return v
		}
		if len(args) == 2 {
			return merge(name, args)
		}
		return Hole(name)
	}
	if v, ok := s.urlCall(call, name, result); ok {
		return v
	}
	if ff, ok := s.flagOf(call); ok && ff.ptr < 0 {
		// flag.String("addr", defaultAddr, ...): resolved in full here,
		// unlike StringVar's, which is recorded while indexing.
		key, ok := arg(ff.name).Text()
		if !ok {
			return Hole("flag with a computed name")
		}
		def, _ := arg(ff.def).Text()
		return Of(Part{Kind: Flag, Key: key, Text: def})
	}
	if v, ok := s.callReturns(call, fn, result); ok {
		return v
	}
	return Hole("call to " + name)
}

// join resolves strings.Join of a slice literal with a known separator.
func (s *scope) join(call *ast.CallExpr) Value {
	if len(call.Args) != 2 {
		return Hole("strings.Join")
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	sep, known := s.resolve(call.Args[1]).Text()
	if !ok || !known || slices.ContainsFunc(lit.Elts, func(e ast.Expr) bool { _, kv := e.(*ast.KeyValueExpr); return kv }) {
		return Hole("strings.Join")
	}
	var vs []Value
	for i, e := range lit.Elts {
		if i > 0 && sep != "" {
			vs = append(vs, Lit(sep))
		}
		vs = append(vs, s.resolve(e))
	}
	return Concat(vs...)
}

// sprintf keeps the known parts of a constant format and turns every
// argument into its resolved value (holes stay holes).
func (s *scope) sprintf(call *ast.CallExpr) Value {
	if len(call.Args) == 0 {
		return Hole("fmt.Sprintf")
	}
	formatVal := s.resolve(call.Args[0])
	format, ok := formatVal.Text()
	if !ok && s.bindFormat != nil {
		format, ok = s.bindFormat(formatVal)
	}
	if !ok {
		return Hole("fmt.Sprintf with a computed format")
	}
	args := call.Args[1:]
	var out Value
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out = out.append(Part{Kind: Text, Text: string(c)})
			continue
		}
		// Skip flags, width and precision up to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return Concat(out, Hole("bad format"))
		}
		verb := format[j]
		i = j
		if verb == '%' {
			out = out.append(Part{Kind: Text, Text: "%"})
			continue
		}
		if len(args) == 0 {
			return Concat(out, Hole("missing Sprintf argument"))
		}
		a := args[0]
		args = args[1:]
		switch verb {
		case 's', 'v', 'd':
			out = Concat(out, s.resolve(a))
		default:
			out = Concat(out, Hole("%"+string(verb)+" verb"))
		}
	}
	return out
}

// normalises reports whether e is v passed through calls that resolve as
// the identity (strings.TrimRight and friends).
func (r *Resolver) normalises(e ast.Expr, v *types.Var) bool {
	for {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			return r.info.Uses[id] == v
		}
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
			// path = "/" + path: a path given its leading slash.
			if s, ok := r.constText(b.X); ok && s == "/" {
				e = b.Y
				continue
			}
			return false
		}
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return false
		}
		fn, _ := typeutil.Callee(r.info, call).(*types.Func)
		if fn == nil || !identityFuncs[funcName(fn)] {
			return false
		}
		e = call.Args[0]
	}
}

var identityFuncs = map[string]bool{
	"strings.TrimSpace": true, "strings.ToLower": true, "strings.TrimRight": true,
	"strings.TrimSuffix": true, "strings.TrimPrefix": true, "strings.TrimLeft": true, "strings.Trim": true,
}

// literal resolves a net/url.URL literal to its string form.
func (s *scope) literal(lit *ast.CompositeLit) Value {
	tv, ok := s.info.Types[lit]
	if !ok {
		return Hole("literal")
	}
	named, ok := types.Unalias(tv.Type).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "net/url" || named.Obj().Name() != "URL" {
		return Hole("literal")
	}
	fields := map[string]Value{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = s.resolve(kv.Value)
			}
		}
	}
	if _, ok := fields["Scheme"]; !ok {
		if _, hasHost := fields["Host"]; !hasHost {
			if path, ok := fields["Path"]; ok {
				return path // a reference: &url.URL{Path: "/v1/orders"}
			}
		}
		return Hole("url.URL without a scheme")
	}
	return Concat(fields["Scheme"], Lit("://"), fields["Host"], leadingSlash(fields["Path"]))
}

// index1 resolves cfg["Key"] on a map with string keys as a config key
// (and cfg[key], key a parameter, as the key its callers name).
func (s *scope) index1(e *ast.IndexExpr) Value {
	tv, ok := s.info.Types[e.X]
	if !ok {
		return Hole("index")
	}
	if _, isMap := tv.Type.Underlying().(*types.Map); !isMap {
		return Hole("index")
	}
	idx := s.resolve(e.Index)
	key, ok := idx.Text()
	if !ok {
		if len(idx.Parts) == 1 && idx.Parts[0].Kind == Param {
			// cfg[key] in a config helper: the caller names the key.
			return Of(Part{Kind: ConfigParam, Key: idx.Parts[0].Key, Index: idx.Parts[0].Index})
		}
		return Hole("config with a computed key")
	}
	return Of(Part{Kind: Config, Key: key})
}

// selector resolves a struct field read: a field tagged env:"KEY" (or
// envconfig:"KEY") is that environment variable.
func (s *scope) selector(e *ast.SelectorExpr) Value {
	sel, ok := s.info.Selections[e]
	if !ok {
		if v, ok := s.info.Uses[e.Sel].(*types.Var); ok {
			return s.variable(v) // package-qualified variable
		}
		return Hole(short(e))
	}
	field, ok := sel.Obj().(*types.Var)
	if !ok || sel.Kind() != types.FieldVal {
		return Hole(short(e))
	}
	if k, ok := s.fieldOf(e); ok && s.written(k) {
		return s.field(k) // cfg.Addr = os.Getenv("REDIS_ADDR") in this package
	}
	if v, path := s.fieldPath(e); v != nil {
		if val, ok := s.confField(v, path); ok {
			return val // conf.Parse(prefix, &cfg): confparse.go
		}
	}
	if tag := fieldTag(sel.Recv(), sel.Index()); tag != "" {
		st := reflect.StructTag(tag)
		for _, k := range []string{"env", "envconfig"} {
			if key, _, _ := strings.Cut(st.Get(k), ","); key != "" {
				return Of(Part{Kind: Env, Key: key, Text: st.Get("envDefault")})
			}
		}
	}
	// An unexported field of a struct type of this package whose writes
	// agree, however it is reached (typefields.go).
	if v, ok := s.typeField(field.Origin()); ok {
		return v
	}
	// A field of a struct parameter (cfg.Host in func Open(cfg Config)):
	// the caller's argument says (paramfields.go).
	if v, ok := s.paramField(e); ok {
		return v
	}
	// A field of a struct type of this package (c.baseURL in a method of
	// a client): package sinks follows it to the literals that set it.
	named := structNamed(sel.Recv())
	if named != nil && field.Pkg() != nil && len(sel.Index()) == 1 && s.declaresHere(named.Obj()) {
		// A field only a decoder fills (decoded.go) is looked up in the
		// config files; any other, at the literals that set it.
		if s.decoderFilled(field, sel) {
			if v, ok := s.configField(e); ok {
				return v
			}
		}
		return Of(Part{Kind: Field, Key: FieldKey(named.Obj(), field.Name())})
	}
	// An exported field of another package's struct type that its
	// package fixes (config.Load's literal): the value it writes
	// (FieldFact, fieldfacts.go).
	if v, ok := s.importedField(field.Origin()); ok {
		return v
	}
	// Any other field (of another package's struct, of an anonymous
	// struct) is what a config loader fills: c.Mysql.DataSource, with
	// the default its package's literal gives it, if any.
	def := s.importedDefault(field.Origin())
	if v, ok := s.configField(e); ok {
		if def != "" && len(v.Parts) == 1 {
			v.Parts[0].Default = def
		}
		return v
	}
	if def != "" {
		return Lit(def)
	}
	if named != nil && field.Pkg() != nil && len(sel.Index()) == 1 {
		return Of(Part{Kind: Field, Key: FieldKey(named.Obj(), field.Name())})
	}
	return Hole("field " + field.Name())
}

// FieldKey names a struct field as Field parts do: "pkgpath.Type.field".
func FieldKey(typ *types.TypeName, field string) string {
	if typ.Pkg() == nil {
		return typ.Name() + "." + field
	}
	return typ.Pkg().Path() + "." + typ.Name() + "." + field
}

// structNamed returns the named struct type of t or *t, by its origin.
func structNamed(t types.Type) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named.Origin()
}

// fieldTag returns the tag of the field reached by the selection path index.
func fieldTag(t types.Type, index []int) string {
	tag := ""
	for _, i := range index {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		tag = st.Tag(i)
		t = st.Field(i).Type()
	}
	return tag
}

// funcName names fn as "pkgpath.Func" or "(*pkgpath.Type).Method", with
// generic functions and methods named by their origin.
func funcName(fn *types.Func) string {
	return fn.Origin().FullName()
}

func short(e ast.Node) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return short(e.X) + "." + e.Sel.Name
	case *ast.CallExpr:
		return "call to " + short(e.Fun)
	}
	return "expression"
}

// index records, once, every assignment of the package's variables and the
// parameters of its function declarations.
func (r *Resolver) index() {
	if r.indexed {
		return
	}
	r.indexed = true
	r.defs = make(map[*types.Var][]def)
	r.params = make(map[*types.Var]paramInfo)
	r.funcs = make(map[*types.Func]*ast.FuncDecl)
	r.handledAddrs = make(map[*ast.UnaryExpr]bool)
	r.typeFieldDefs = make(map[*types.Var][]def)
	r.urlFieldDefs = make(map[urlFieldKey][]def)
	r.fieldDefs = make(map[fieldKey][]def)
	r.fieldsEscape = make(map[*types.Var]escape)
	r.confParsed = make(map[*types.Var][]confParse)
	r.prod = newScope(r, len(r.tests) > 0)
	r.all = r.prod
	if len(r.tests) > 0 {
		r.all = newScope(r, false)
	}
	for _, f := range r.files {
		test := r.inTest(f.Package)
		for _, decl := range f.Decls {
			var encl *types.Func // the function declaration the sites are in
			if fd, ok := decl.(*ast.FuncDecl); ok {
				encl, _ = r.info.Defs[fd.Name].(*types.Func)
			}
			ast.Inspect(decl, func(n ast.Node) bool { return r.visit(n, encl, test) })
		}
	}
}

// visit records one node of a declaration in file of the package; test
// says whether the file is a _test.go file.
func (r *Resolver) visit(n ast.Node, encl *types.Func, test bool) bool {
	switch n := n.(type) {
	case *ast.FuncDecl:
		fn, _ := r.info.Defs[n.Name].(*types.Func)
		if fn == nil {
			break
		}
		r.funcs[fn] = n
		sig := fn.Signature()
		for i := range sig.Params().Len() {
			r.params[sig.Params().At(i)] = paramInfo{fn, i}
		}
		if recv := sig.Recv(); recv != nil {
			r.escapeFields(recv, "fields of receiver "+recv.Name(), test)
		}
	case *ast.FuncType:
		// The caller fills a struct parameter's fields.
		if n.Params != nil {
			for _, field := range n.Params.List {
				for _, name := range field.Names {
					if v, ok := r.info.Defs[name].(*types.Var); ok {
						r.escapeFields(v, "fields of parameter "+v.Name(), test)
					}
				}
			}
		}
	case *ast.AssignStmt:
		r.assigns = append(r.assigns, n)
		r.assign(n.Lhs, n.Rhs, n.Tok, test)
	case *ast.ValueSpec:
		if len(n.Values) > 0 {
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			r.assign(lhs, n.Values, token.DEFINE, test)
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			r.unknown(e, "range variable", test)
		}
	case *ast.IncDecStmt:
		r.unknown(n.X, "incremented", test)
	case *ast.UnaryExpr:
		if n.Op == token.AND && !r.handledAddrs[n] {
			r.unknown(n.X, "address taken", test)
			r.updateField(n.X, "address taken", test)
		}
	case *ast.SelectorExpr:
		r.pointerMethod(n, test)
	case *ast.CallExpr:
		r.sites = append(r.sites, Site{n, encl})
		r.flagVar(n, test)
		r.storeArgs(n, test)
		r.recordConfParse(n, test)
	case *ast.CompositeLit:
		r.sites = append(r.sites, Site{n, encl})
		r.literalTypeFields(n, test)
	}
	return true
}

func (r *Resolver) assign(lhs, rhs []ast.Expr, tok token.Token, test bool) {
	if !isAssignOp(tok) {
		for _, e := range lhs {
			r.unknown(e, "updated with "+tok.String(), test)
			r.updateField(e, "updated with "+tok.String(), test)
		}
		return
	}
	for i, e := range lhs {
		var d def
		switch {
		case len(lhs) == len(rhs):
			d = def{expr: rhs[i], index: -1, test: test}
		case len(rhs) == 1:
			d = def{expr: rhs[0], index: i, test: test}
		default:
			continue
		}
		if v := r.assignedVar(e); v != nil {
			r.defs[v] = append(r.defs[v], d)
		} else {
			r.assignField(e, d)
			r.assignTypeField(e, d)
			r.assignURLField(e, d)
		}
	}
}

func (r *Resolver) constText(e ast.Expr) (string, bool) {
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

func (r *Resolver) unknown(e ast.Expr, why string, test bool) {
	if v := r.assignedVar(e); v != nil {
		h := Hole(why)
		r.defs[v] = append(r.defs[v], def{val: &h, test: test})
	}
}

// varOf returns the variable an identifier denotes, or nil (blank
// identifiers, fields, anything else).
func (r *Resolver) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if v, ok := r.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := r.info.Uses[id].(*types.Var)
	return v
}
