package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"golang.org/x/tools/go/analysis"
)

// FieldFact is the fact value.Analyzer exports for an exported string
// field of an exported struct type whose own package fixes its value: the
// value its production files write to that field of every value of the
// type. It is the configuration a package builds by hand and others read,
// the commonest loader of all:
//
//	// internal/config
//	func Load() *Config {
//		return &Config{AuthURL: getEnv("AUTH_SERVICE_URL", "http://localhost:6001")}
//	}
//
//	// cmd/server
//	cfg := config.Load()
//	users := service.NewUserService(cfg.AuthURL)  // env AUTH_SERVICE_URL, default http://localhost:6001
//
// Every write must agree (or be the getenv idiom) and not depend on a
// function's parameters, as for a VarFact. Only a type that its package
// makes for others gets facts: a function of the package returns it (a
// loader, a constructor) and none takes it as a parameter, which would
// make it an options struct that callers fill (sqldb.Open(sqldb.Config{
// Host: ...})); a package that writes the field itself, in a literal or
// an assignment, or that hands a value of the type to a decoder by pointer
// (cfg := config.Default(); yaml.Unmarshal(data, cfg)), does not read the
// fact (writes in other packages are not seen, as for a VarFact). A type that a decoder may fill gets no facts
// either: one whose fields carry config tags (json, yaml, env, ...), or
// whose values the package passes by pointer to a call, takes the address
// of (other than a literal's, &Config{...}) or makes with new:
// viper.Unmarshal(cfg) after cfg := &Config{Port: "8080"} keeps the file's
// values, of which the literal is only the default. The types a made type
// holds in its fields (Config{Database: DatabaseConfig{...}}) are made with
// it. A value with unknown parts makes no fact.
//
// A method of such a type that builds its result from these fields
// (func (d DatabaseConfig) DSN() string, a fmt.Sprintf of d.Host, d.Port
// and d.DBName) gets a ReturnsFact that keeps the Field parts; a package
// that calls it replaces them by the fields' FieldFacts (withFieldFacts).
//
// A type that a decoder may fill still gets a fact for a field its
// literal sets to known text, marked Default: the value the field keeps
// when no config file or environment variable sets it (the go-micro
// idiom: var cfg = &Config{OrdersService: "orders"}, then
// config.Scan(cfg) from the environment). The importer reads the field
// as a config field with that default (ConfigField's Default).
type FieldFact struct {
	Value   Value
	Default bool
}

// AFact marks FieldFact as an analysis fact.
func (*FieldFact) AFact() {}

// String renders the fact for analysistest, with credentials redacted.
func (f *FieldFact) String() string {
	if f.Default {
		return "field default " + dsn.Redact(f.Value.String())
	}
	return "field value " + dsn.Redact(f.Value.String())
}

// exportedField reports whether f is an exported string field declared in
// the package's files: one a FieldFact may describe.
func (r *Resolver) exportedField(f *types.Var) bool {
	if !f.Exported() || !f.IsField() || !isString(f.Type()) {
		return false
	}
	return slices.ContainsFunc(r.files, func(file *ast.File) bool { return file.FileStart <= f.Pos() && f.Pos() <= file.FileEnd })
}

// exportFieldFacts exports a FieldFact for each exported string field of
// the package's exported struct types whose writes fix a value.
func (r *Resolver) exportFieldFacts(pass *analysis.Pass) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for f, v := range r.fixedFields() {
		pass.ExportObjectFact(f, &FieldFact{Value: v})
	}
	for f, v := range r.defaults {
		pass.ExportObjectFact(f, &FieldFact{Value: v, Default: true})
	}
}

// fixedFields returns the exported string fields of the package's types
// that get a FieldFact, with their values; computed once.
func (r *Resolver) fixedFields() map[*types.Var]Value {
	if r.fixed != nil {
		return r.fixed
	}
	r.index()
	r.fixed, r.fixedKeys, r.defaults = map[*types.Var]Value{}, map[string]bool{}, map[*types.Var]Value{}
	pkg := r.pkgOf()
	if pkg == nil {
		return r.fixed
	}
	var decoded, made map[*types.TypeName]bool
	var owners map[*types.Var]*types.Named // built for the first exported field written: most packages have none
	for f, defs := range r.typeFieldDefs {
		if !r.exportedField(f) {
			continue
		}
		if owners == nil {
			owners = fieldOwners(pkg)
		}
		named := owners[f]
		if named == nil || !named.Obj().Exported() {
			continue
		}
		if decoded == nil {
			decoded, made = r.decodedTypes(), r.madeTypes()
		}
		if !made[named.Obj()] {
			continue
		}
		defs = r.prod.visible(defs)
		if len(defs) == 0 {
			continue
		}
		// A value with unknown parts would only hide where the field
		// comes from (a config key, say) behind a partial guess.
		v := r.prod.mergeDefs("field "+f.Name(), defs)
		switch {
		case hasDecoderTags(named) || decoded[named.Obj()]:
			if _, ok := v.Text(); ok && worthAFact(v) {
				r.defaults[f] = v
			}
		case worthAFact(v) && !v.HasParams() && !v.Has(Unknown):
			r.fixed[f] = v
			r.fixedKeys[FieldKey(named.Obj(), f.Name())] = true
		}
	}
	return r.fixed
}

// summaryWithFixedFields reports whether v, a function's summary, is worth
// a fact once the fields it reads are fixed ones: a method of a made type
// that builds a DSN from its fields (func (d DatabaseConfig) DSN()). The
// Field parts stay in the fact; importers replace them (withFieldFacts).
func (r *Resolver) summaryWithFixedFields(v Value) bool {
	if v.Opaque() || len(v.Parts) > maxFactParts || !v.Has(Field) {
		return false
	}
	r.fixedFields()
	for _, k := range v.Keys(Field) {
		if !r.fixedKeys[k] {
			return false
		}
	}
	return true
}

// withFieldFacts replaces the Field parts of an imported summary of a
// function of pkg by the FieldFacts of their fields, unless this package
// writes the field itself.
func (r *Resolver) withFieldFacts(v Value, pkg *types.Package) Value {
	if !v.Has(Field) {
		return v
	}
	return v.Replace(func(p Part) (Value, bool) {
		if p.Kind != Field {
			return Value{}, false
		}
		f := lookupField(pkg, p.Key)
		var fact FieldFact
		if f == nil || r.fieldWritten(f) || !r.importFact(f, &fact) {
			return Hole("field " + p.Key), true
		}
		return fact.Value, true
	})
}

// lookupField returns the field that key ("pkgpath.Type.field") names in
// pkg, or nil.
func lookupField(pkg *types.Package, key string) *types.Var {
	rest, ok := strings.CutPrefix(key, pkg.Path()+".")
	if !ok {
		return nil
	}
	typ, field, ok := strings.Cut(rest, ".")
	if !ok {
		return nil
	}
	tn, _ := pkg.Scope().Lookup(typ).(*types.TypeName)
	if tn == nil {
		return nil
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == field {
			return st.Field(i)
		}
	}
	return nil
}

// fieldOwners maps each field of pkg's package-level named struct types to
// its type.
func fieldOwners(pkg *types.Package) map[*types.Var]*types.Named {
	out := map[*types.Var]*types.Named{}
	if pkg == nil {
		return out
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if st, ok := named.Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				out[st.Field(i)] = named
			}
		}
	}
	return out
}

// fieldOwner returns the package-level named struct type of f's package
// that declares f, with the package's fields indexed once.
func (r *Resolver) fieldOwner(f *types.Var) *types.Named {
	if r.owners == nil {
		r.owners = map[*types.Package]map[*types.Var]*types.Named{}
	}
	owners, ok := r.owners[f.Pkg()]
	if !ok {
		owners = fieldOwners(f.Pkg())
		r.owners[f.Pkg()] = owners
	}
	return owners[f]
}

// hasDecoderTags reports whether a field of named carries a tag that a
// decoder or an env loader reads.
func hasDecoderTags(named *types.Named) bool {
	st := named.Underlying().(*types.Struct)
	for i := range st.NumFields() {
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range append(slices.Clip(configTags), "env", "envconfig", "conf", "default") {
			if _, ok := tag.Lookup(k); ok {
				return true
			}
		}
	}
	return false
}

// decodedTypes returns the package's struct types that a call may fill:
// a value passed by pointer to a call, an address taken (other than of a
// literal), or new(T), in production files.
func (r *Resolver) decodedTypes() map[*types.TypeName]bool {
	out := map[*types.TypeName]bool{}
	mark := func(t types.Type) {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() == r.pkgOf() {
			out[named.Obj()] = true
		}
	}
	for _, f := range r.files {
		if r.inTest(f.Package) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.UnaryExpr:
				if _, lit := ast.Unparen(n.X).(*ast.CompositeLit); n.Op == token.AND && !lit {
					if tv, ok := r.info.Types[n.X]; ok {
						mark(tv.Type)
					}
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "new" && len(n.Args) == 1 {
					if tv, ok := r.info.Types[n.Args[0]]; ok {
						mark(tv.Type)
					}
				}
				for _, arg := range n.Args {
					if tv, ok := r.info.Types[arg]; ok {
						if _, ptr := tv.Type.(*types.Pointer); ptr {
							mark(tv.Type)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// madeTypes returns the package's types that it makes for others: some
// function of its production files returns one (T or *T), or a struct
// type it holds in a field, and none takes one as a parameter.
func (r *Resolver) madeTypes() map[*types.TypeName]bool {
	returned, taken := map[*types.TypeName]bool{}, map[*types.TypeName]bool{}
	named := func(t types.Type) *types.TypeName {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() == r.pkgOf() {
			return n.Obj()
		}
		return nil
	}
	for _, f := range r.files {
		if r.inTest(f.Package) {
			continue
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := r.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			sig := fn.Signature()
			for i := range sig.Results().Len() {
				if tn := named(sig.Results().At(i).Type()); tn != nil {
					returned[tn] = true
				}
			}
			for i := range sig.Params().Len() {
				if tn := named(sig.Params().At(i).Type()); tn != nil {
					taken[tn] = true
				}
			}
		}
	}
	// The struct types a made type holds in its fields are made with it
	// (Config{Auth: AuthConfig{...}}).
	queue := slices.Collect(maps.Keys(returned))
	for len(queue) > 0 {
		tn := queue[0]
		queue = queue[1:]
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if held := named(st.Field(i).Type()); held != nil && !returned[held] {
				returned[held] = true
				queue = append(queue, held)
			}
		}
	}
	for tn := range taken {
		delete(returned, tn)
	}
	return returned
}

// pkgOf returns the package the resolver's files declare, or nil.
func (r *Resolver) pkgOf() *types.Package {
	if r.pkg != nil {
		return r.pkg
	}
	for _, f := range r.files {
		if obj := r.info.Defs[f.Name]; obj != nil {
			return obj.Pkg()
		}
	}
	return nil
}

// importedField resolves f, an exported field of another package's struct
// type, from its FieldFact.
func (s *scope) importedField(f *types.Var) (Value, bool) {
	if s.importFact == nil || f.Pkg() == nil || f.Pkg() == s.pkg || strings.HasPrefix(f.Name(), "_") {
		return Value{}, false
	}
	if s.fieldWritten(f) {
		return Value{}, false // the package fills it too: not only what the fact says
	}
	var fact FieldFact
	if !s.importFact(f, &fact) {
		return Value{}, false
	}
	if fact.Default {
		return Value{}, false // importedDefault
	}
	if owner := s.fieldOwner(f); owner == nil || s.decodesInto(owner.Obj()) {
		// cfg := config.Default(); yaml.Unmarshal(data, cfg): the
		// literal was only the default the file overrides.
		return Value{}, false
	}
	return fact.Value, true
}

// importedDefault returns the default a FieldFact gives field f of a type
// a decoder fills, or "".
func (s *scope) importedDefault(f *types.Var) string {
	if s.importFact == nil || f.Pkg() == nil || f.Pkg() == s.pkg || s.fieldWritten(f) {
		return ""
	}
	var fact FieldFact
	if !s.importFact(f, &fact) || !fact.Default {
		return ""
	}
	text, _ := fact.Value.Text()
	return text
}

// decoderName matches the functions that fill a struct through a pointer
// from a file, the environment or flags: json/yaml Unmarshal, Decode,
// envconfig.Process, env.Parse, cleanenv's ReadConfig and ReadEnv,
// go-zero's conf.Load and MustLoad, koanf and viper Unmarshal.
func decoderName(name string) bool {
	for _, p := range []string{"Unmarshal", "Decode", "ReadConfig", "ReadEnv", "MustLoad"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	switch name {
	case "Process", "Parse", "Load", "LoadConfig":
		return true
	}
	return false
}

// markDecoded marks t's named struct type, and those it holds in its
// fields, as decoded: a decoder fills them all.
func markDecoded(decoded map[*types.TypeName]bool, t types.Type) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || decoded[named.Obj()] {
		return
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return
	}
	decoded[named.Obj()] = true
	for i := range st.NumFields() {
		markDecoded(decoded, st.Field(i).Type())
	}
}

// decodesInto reports whether the package passes a value of type tn, by
// pointer, to a decoder (decoderName).
func (r *Resolver) decodesInto(tn *types.TypeName) bool {
	if r.decodes == nil {
		r.decodes = map[*types.TypeName]bool{}
		for _, f := range r.files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fun := ast.Unparen(call.Fun).(type) {
				case *ast.SelectorExpr:
					name = fun.Sel.Name
				case *ast.Ident:
					name = fun.Name
				}
				if !decoderName(name) {
					return true
				}
				for _, arg := range call.Args {
					if tv, ok := r.info.Types[arg]; ok {
						if p, ok := tv.Type.(*types.Pointer); ok {
							markDecoded(r.decodes, p.Elem())
						}
					}
				}
				return true
			})
		}
	}
	return r.decodes[tn]
}
