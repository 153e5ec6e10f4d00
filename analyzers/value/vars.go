package value

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"golang.org/x/tools/go/analysis"
)

// VarFact is the fact value.Analyzer exports for an exported package-level
// variable of string type (or of a named type whose underlying type is
// string) whose own package fixes its value: the value the package's
// production files resolve it to from every write they make, the
// initialiser included, when that says something. Writes must agree as
// they must for any variable (the getenv idiom in init, an environment
// variable or else the initialiser, agrees), so a variable that the
// package assigns another value (in init or anywhere), passes to
// flag.StringVar(&V, ...), or whose address escapes gets no fact. A
// package that reads the variable resolves it from the fact, as it
// resolves a constant from its type:
//
//	// chat
//	var MessagePubTopic = "rc.msg.pub"  // fact: value rc.msg.pub
//
//	// forwarder
//	router.AddNoPublisherHandler(name, chat.MessagePubTopic, sub, h)
//
// The fact holds the read after the package's initialisation, which is
// all another package can see: init functions run before any importer's
// code. The value keeps its parts (an initialiser os.Getenv("ORDERS_URL")
// is the environment variable ORDERS_URL), so messages still say where it
// came from. A variable without a fact stays unknown elsewhere.
//
// Other packages may write an exported variable too. A reader sees the
// writes of its own package, which count like writes in the variable's
// package (they must agree with the fact's value), and those of the
// packages it depends on, which make the variable unknown (each package
// lists the variables it writes in a WritesFact). What it cannot see is a
// write in a package that is not one of its dependencies: a main package
// that sets config.OrdersURL from a flag before it calls the package that
// reads it. There the reader resolves the package's own value, which is
// what the program uses when nobody overrides it, as for a flag's default.
type VarFact struct {
	Value Value
}

// AFact marks VarFact as an analysis fact.
func (*VarFact) AFact() {}

// String renders the fact for analysistest and fact listings, with
// credentials redacted: "value rc.msg.pub".
func (f *VarFact) String() string { return "value " + dsn.Redact(f.Value.String()) }

// WritesFact is the package fact value.Analyzer exports for a package of
// the repository that writes variables of other packages that have a
// VarFact (chat.MessagePubTopic = "x", flag.StringVar(&config.Addr, ...)):
// their names, "pkgpath.Name", sorted. A package that depends on it does not
// take such a variable's VarFact for its value.
type WritesFact struct {
	Vars []string
}

// AFact marks WritesFact as an analysis fact.
func (*WritesFact) AFact() {}

// String renders the fact for analysistest: "writes pkgpath.Name, ...".
func (f *WritesFact) String() string { return "writes " + strings.Join(f.Vars, ", ") }

// exportVarFacts exports a VarFact for each exported string variable of
// the package whose value its production files fix, and a WritesFact
// naming the other packages' string variables they write.
func (r *Resolver) exportVarFacts(pass *analysis.Pass) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	for _, f := range r.files {
		if r.inTest(f.Package) {
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					v, _ := r.info.Defs[name].(*types.Var)
					if v == nil || !v.Exported() || !isString(v.Type()) {
						continue
					}
					if val, ok := r.prod.fixedValue(v); ok {
						pass.ExportObjectFact(v, &VarFact{Value: val})
					}
				}
			}
		}
	}
	if writes := r.prod.foreignWrites(); len(writes) > 0 {
		pass.ExportPackageFact(&WritesFact{Vars: writes})
	}
}

// fixedValue returns the value of v, a package-level variable of this
// package, when the scope's writes to it agree on something another
// package can use.
func (s *scope) fixedValue(v *types.Var) (Value, bool) {
	val := s.variable(v)
	if !worthAFact(val) || val.HasParams() {
		return Value{}, false
	}
	return val, true
}

// foreignWrites names the variables of other packages that the scope's
// files write, sorted: those with a VarFact, the only ones readers would
// otherwise resolve.
func (s *scope) foreignWrites() []string {
	var names []string
	for v := range s.defs {
		if s.isForeignPackageVar(v) && len(s.defsOf(v)) > 0 && s.importFact(v, new(VarFact)) {
			names = append(names, varKey(v))
		}
	}
	slices.Sort(names)
	return names
}

// importedVariable resolves v, a package-level variable of another
// package, from its VarFact and defs, this package's writes to it.
func (s *scope) importedVariable(v *types.Var, defs []def) Value {
	what := "variable " + v.Pkg().Name() + "." + v.Name()
	if writer, ok := s.writerOf(v); ok {
		return Hole(what + " (written in package " + writer + ")")
	}
	var fact VarFact
	if s.importFact == nil || !s.importFact(v, &fact) {
		if len(defs) == 0 {
			return Hole("variable " + v.Name())
		}
		return Hole(what + " (its package fixes no value)")
	}
	if len(defs) == 0 {
		return fact.Value
	}
	return s.mergeDefs(what, append(slices.Clip(defs), def{val: &fact.Value}))
}

// writerOf names a dependency of the package that writes v (WritesFact):
// the first by path, when several do, so that reasons are deterministic.
func (r *Resolver) writerOf(v *types.Var) (string, bool) {
	if r.packageFacts == nil {
		return "", false
	}
	if r.writers == nil {
		r.writers = make(map[string]string)
		for _, pf := range r.packageFacts() {
			if wf, ok := pf.Fact.(*WritesFact); ok && pf.Package != r.pkg { // this package's writes are defs
				for _, name := range wf.Vars {
					if w, seen := r.writers[name]; !seen || pf.Package.Path() < w {
						r.writers[name] = pf.Package.Path()
					}
				}
			}
		}
	}
	writer, ok := r.writers[varKey(v)]
	return writer, ok
}

// assignedVar returns the variable that an assignment to e writes: a
// variable of this package (varOf) or, qualified by its package, one of
// another package (chat.MessagePubTopic = "x").
func (r *Resolver) assignedVar(e ast.Expr) *types.Var {
	if v := r.varOf(e); v != nil {
		return v
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if id, ok := sel.X.(*ast.Ident); !ok || !isPackageName(r.info, id) {
		return nil
	}
	v, _ := r.info.Uses[sel.Sel].(*types.Var)
	return v
}

func isPackageName(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.PkgName)
	return ok
}

// isForeignPackageVar reports whether v is a package-level variable that
// another package declares.
func (r *Resolver) isForeignPackageVar(v *types.Var) bool {
	return isPackageVar(v) && !r.declaresHere(v)
}

// isPackageVar reports whether v is declared at package level.
func isPackageVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg().Scope().Lookup(v.Name()) == v
}

// isString reports whether t is a string type, named or not.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// varKey names a package-level variable in WritesFact: "pkgpath.Name".
func varKey(v *types.Var) string { return v.Pkg().Path() + "." + v.Name() }
