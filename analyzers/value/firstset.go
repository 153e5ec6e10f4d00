package value

import (
	"go/ast"
	"go/types"
	"strings"
)

// The first-set idiom picks the first of several environment variables
// that is set, else a default:
//
//	cmp.Or(os.Getenv("ORDERS_DB_URL"), os.Getenv("DB_URL"), "postgres://db/orders")
//	getenv("ORDERS_DB_URL", getenv("DB_URL", "postgres://db/orders"))
//	firstNonEmpty(os.Getenv("ORDERS_DB_URL"), os.Getenv("DB_URL"))
//
// It resolves to one Env part whose Then lists the later variables, so that
// a deploy file setting any of them gives the value. The last form is a
// helper of the repository: its summary is a Param part marked firstSet,
// which a call site replaces by the chain of its variadic arguments.

// firstSet marks a Param part that stands for the first non-empty of the
// arguments from Part.Index on (Part.Text): a first-non-empty helper's
// variadic parameter.
const firstSet = "first set"

// maxFirstSet bounds the arguments a first-set helper's call is read for.
const maxFirstSet = 16

const missingArgument = "missing argument"

// Missing is the value of an argument a call does not pass: what the
// argument functions of Subst and SubstFields return past the last one.
func Missing() Value { return Hole(missingArgument) }

func isMissing(v Value) bool {
	return len(v.Parts) == 1 && v.Parts[0].Kind == Unknown && v.Parts[0].Key == missingArgument
}

// firstSetOf applies a first-set summary p to a call's arguments.
func firstSetOf(p Part, arg func(int) Value) Value {
	var args []Value
	for i := p.Index; i < p.Index+maxFirstSet; i++ {
		a := arg(i)
		if isMissing(a) {
			break
		}
		args = append(args, a)
	}
	if len(args) == 1 {
		return args[0]
	}
	if v, ok := firstSetChain(args); ok {
		return v
	}
	return Hole("first non-empty of values that are not environment variables")
}

// firstSetChain reads vals as the first-set idiom: environment variables
// read in turn, then known text, the default (anything after it is never
// read). Empty text is skipped, as the idiom skips it. It reports false for
// anything else in the list, and for a list without a variable.
func firstSetChain(vals []Value) (Value, bool) {
	var keys []string
	def := ""
	for _, v := range vals {
		if s, ok := v.Text(); ok {
			if s == "" {
				continue
			}
			def = s
			break
		}
		if len(v.Parts) != 1 || v.Parts[0].Kind != Env || v.Parts[0].DefaultParam != 0 {
			return Value{}, false
		}
		p := v.Parts[0]
		keys = append(keys, p.EnvKeys()...)
		if p.Text != "" {
			def = p.Text
			break
		}
	}
	if len(keys) == 0 {
		return Value{}, false
	}
	return Of(Part{Kind: Env, Key: keys[0], Then: strings.Join(keys[1:], ","), Text: def}), true
}

// firstSetSummary recognises a first-non-empty helper and returns its
// summary: a function whose only result is a string, whose last parameter
// is a variadic list of strings, and whose body is
//
//	for _, v := range values {
//		if <a test of v> {
//			return v
//		}
//	}
//	return ""
func (s *scope) firstSetSummary(fn *types.Func, decl *ast.FuncDecl) (Value, bool) {
	sig := fn.Signature()
	if !sig.Variadic() || sig.Results().Len() != 1 || decl.Body == nil || len(decl.Body.List) != 2 {
		return Value{}, false
	}
	last := sig.Params().At(sig.Params().Len() - 1)
	if slice, ok := last.Type().(*types.Slice); !ok || !isString(slice.Elem()) || !isString(sig.Results().At(0).Type()) {
		return Value{}, false
	}
	loop, ok := decl.Body.List[0].(*ast.RangeStmt)
	if !ok || !s.isVar(loop.X, last) || (loop.Key != nil && !isBlank(loop.Key)) {
		return Value{}, false
	}
	elem := s.varOf(loop.Value)
	if elem == nil || !s.returnsIfSet(loop.Body, elem) {
		return Value{}, false
	}
	if ret, ok := decl.Body.List[1].(*ast.ReturnStmt); !ok || len(ret.Results) != 1 || !s.isZeroString(ret.Results[0]) {
		return Value{}, false
	}
	return Of(Part{Kind: Param, Key: last.Name(), Index: sig.Params().Len() - 1, Text: firstSet}), true
}

// returnsIfSet reports whether body is one if statement, without else,
// that tests elem and returns it.
func (s *scope) returnsIfSet(body *ast.BlockStmt, elem *types.Var) bool {
	if len(body.List) != 1 {
		return false
	}
	test, ok := body.List[0].(*ast.IfStmt)
	if !ok || test.Init != nil || test.Else != nil || len(test.Body.List) != 1 || !s.mentions(test.Cond, elem) {
		return false
	}
	ret, ok := test.Body.List[0].(*ast.ReturnStmt)
	return ok && len(ret.Results) == 1 && s.isVar(ret.Results[0], elem)
}

func (s *scope) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && s.info.Uses[id] == v
}

func (s *scope) mentions(e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && s.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
