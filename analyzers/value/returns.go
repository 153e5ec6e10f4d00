package value

import (
	"go/ast"
	"go/types"
)

// A return summary is what a function returns, resolved in the function
// with its parameters as Param parts, so that a call site can substitute
// its arguments. Summaries are computed on demand, once per function and
// result, and only for results that can carry an address: strings (named
// string types too) and net/url URLs.

type resultKey struct {
	fn     *types.Func
	result int
}

// Returns returns the summary of result number result of fn (0 for a
// function with one result): what every return statement of fn yields for
// it, with fn's parameters as Param parts. It is unknown when the returns
// disagree (save for the getenv idiom, see the package documentation), when
// fn is declared neither in this package nor, through a fact, in another
// package of the repository, or when the result is not a string or URL.
// Like an expression, a function of a production file is summarised
// without the writes of the package's test files.
func (r *Resolver) Returns(fn *types.Func, result int) Value {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index()
	return r.scopeOf(fn.Pos()).returns(fn, result)
}

func (s *scope) returns(fn *types.Func, result int) Value {
	fn = fn.Origin()
	results := fn.Signature().Results()
	if result < 0 || result >= results.Len() || !summarisable(results.At(result).Type()) {
		return Hole("call to " + funcName(fn))
	}
	decl := s.funcs[fn]
	if decl == nil || decl.Body == nil {
		return s.importedReturns(fn, result)
	}
	key := resultKey{fn, result}
	if v, ok := s.rets[key]; ok {
		return v
	}
	if s.retBusy[key] {
		return Hole("recursive call to " + funcName(fn))
	}
	s.retBusy[key] = true
	v, ok := s.firstSetSummary(fn, decl)
	if !ok {
		v = s.summarise(fn, decl, result)
	}
	delete(s.retBusy, key)
	s.rets[key] = v
	return v
}

// summarisable reports whether a result of type t can carry an address:
// a string or a net/url URL (or a pointer to one).
func summarisable(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "net/url" && named.Obj().Name() == "URL"
}

// summarise resolves every return statement of decl for the result and
// merges what they yield. Returns inside function literals belong to the
// literals and are skipped.
func (s *scope) summarise(fn *types.Func, decl *ast.FuncDecl, result int) Value {
	sig := fn.Signature()
	var vals []Value
	eachReturn(decl, func(ret *ast.ReturnStmt) {
		if v, ok := s.returned(ret, sig, result); ok {
			vals = append(vals, v)
		}
	})
	return merge(funcName(fn), vals)
}

// eachReturn calls f for each return statement of decl, save those of the
// function literals in it, which belong to the literals.
func eachReturn(decl *ast.FuncDecl, f func(*ast.ReturnStmt)) {
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			f(n)
		}
		return true
	})
}

// returned resolves what one return statement yields for the result. It
// reports false for returns that yield nothing to connect to: a zero
// result next to a non-nil error (return "", err), and a nil URL.
func (s *scope) returned(ret *ast.ReturnStmt, sig *types.Signature, result int) (Value, bool) {
	results := sig.Results()
	switch len(ret.Results) {
	case 0: // a bare return of named results
		named := results.At(result)
		if named.Name() == "" || named.Name() == "_" {
			return Hole("bare return"), true
		}
		return s.variable(named), true
	case results.Len():
		e := ret.Results[result]
		if s.isNil(e) {
			return Value{}, false
		}
		if last := results.Len() - 1; last != result && isError(results.At(last).Type()) && !s.isNil(ret.Results[last]) && s.isZeroString(e) {
			return Value{}, false
		}
		return s.resolve(e), true
	case 1: // return f() where f returns as many results
		if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
			return s.call(call, result), true
		}
	}
	return Hole("return"), true
}

func (r *Resolver) isNil(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	return ok && tv.IsNil()
}

func (r *Resolver) isZeroString(e ast.Expr) bool {
	s, ok := r.constText(e)
	return ok && s == ""
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// merge combines what the return statements of fn yield: one value when
// they agree, an environment variable with a default for the getenv idiom
// (one return reads the variable, the other yields the default), unknown
// otherwise.
func merge(fn string, vals []Value) Value {
	var distinct []Value
	for _, v := range vals {
		if !containsValue(distinct, v) {
			distinct = append(distinct, v)
		}
	}
	if len(distinct) == 0 {
		return Hole("call to " + fn + " (no result)")
	}
	if v, ok := agree(distinct); ok {
		return v
	}
	if v, ok := joinedPath(distinct); ok {
		return v
	}
	return Hole("call to " + fn + " (returns differ)")
}

// joinedPath reads the URL-joining idiom: a path parameter returned as it
// is when it is absolute, else after a base (if strings.HasPrefix(path,
// "http") { return path }; return c.BaseURL + path). Callers pass the
// relative paths of their service's API: the joined form is the call.
func joinedPath(distinct []Value) (Value, bool) {
	if len(distinct) != 2 {
		return Value{}, false
	}
	for i, bare := range distinct {
		joined := distinct[1-i]
		if len(bare.Parts) != 1 || bare.Parts[0].Kind != Param || len(joined.Parts) < 2 {
			continue
		}
		last := joined.Parts[len(joined.Parts)-1]
		if last.Kind == Param && last.Index == bare.Parts[0].Index {
			return joined, true
		}
	}
	return Value{}, false
}

// agree reduces the distinct values a variable is assigned or a function
// returns to one: the only one, or an environment variable together with
// the default that stands in when it is empty.
func agree(distinct []Value) (Value, bool) {
	switch len(distinct) {
	case 1:
		return distinct[0], true
	case 2:
		if v, ok := envDefault(distinct[0], distinct[1]); ok {
			return v, true
		}
		if v, ok := envDefault(distinct[1], distinct[0]); ok {
			return v, true
		}
	}
	return Value{}, false
}

func containsValue(vs []Value, v Value) bool {
	for _, w := range vs {
		if w.Equal(v) {
			return true
		}
	}
	return false
}

// envDefault reads env, an environment variable without a default, and
// def, known text or a parameter, as the variable with def as its default.
// Which branch tests what is not checked: a function that yields either
// the variable or def is described by exactly that.
func envDefault(env, def Value) (Value, bool) {
	if len(env.Parts) != 1 {
		return Value{}, false
	}
	p := env.Parts[0]
	if (p.Kind != Env && p.Kind != EnvParam) || p.Text != "" || p.DefaultParam != 0 {
		return Value{}, false
	}
	if s, ok := def.Text(); ok {
		p.Text = s
		return Of(p), true
	}
	if len(def.Parts) == 1 && def.Parts[0].Kind == Param {
		p.DefaultParam = def.Parts[0].Index + 1
		return Of(p), true
	}
	return Value{}, false
}

// callReturns resolves a call to a function of the repository through the
// function's return summary, with the call's arguments in place of its
// parameters. It reports false when the summary says nothing.
func (s *scope) callReturns(call *ast.CallExpr, fn *types.Func, result int) (Value, bool) {
	v := s.returns(fn, max(result, 0))
	if v.Opaque() {
		return Value{}, false
	}
	shift := 0
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := s.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			shift = 1 // T.M(recv, args...)
		}
	}
	return v.SubstFields(func(i int) Value {
		if j := i + shift; j < len(call.Args) {
			return s.resolve(call.Args[j])
		}
		return Missing()
	}, func(i int, path string) Value {
		if j := i + shift; j < len(call.Args) {
			return s.argField(call.Args[j], path)
		}
		return Missing()
	}), true
}
