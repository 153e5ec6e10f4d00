package value

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Command-line flags are Flag parts: the flag's name and the default the
// program runs with when nobody sets it. They are defined by the standard
// library's flag package, by github.com/spf13/pflag, and so by cobra, whose
// cmd.Flags() and cmd.PersistentFlags() are pflag FlagSets:
//
//	addr := flag.String("addr", "orders:8080", "orders address")
//	pflag.StringVarP(&cfg.dsn, "dsn", "d", "postgres://orders-db/orders", "database")
//	cmd.PersistentFlags().StringVar(&ordersURL, "orders-url", "http://orders:8080", "")
//	url, _ := cmd.Flags().GetString("orders-url")
//
// A flag read back by name (GetString) has the default of the package's
// definitions of that name when they agree, none otherwise.

// flagFunc says which arguments of a flag-defining function hold the
// pointer the value is stored in, the flag's name and its default.
type flagFunc struct {
	ptr  int // -1: the function returns the pointer
	name int
	def  int
}

const pflag = "github.com/spf13/pflag"

var flagFuncs = map[string]flagFunc{
	"flag.String":                         {-1, 0, 1},
	"(*flag.FlagSet).String":              {-1, 0, 1},
	"flag.StringVar":                      {0, 1, 2},
	"(*flag.FlagSet).StringVar":           {0, 1, 2},
	pflag + ".String":                     {-1, 0, 1},
	pflag + ".StringP":                    {-1, 0, 2},
	pflag + ".StringVar":                  {0, 1, 2},
	pflag + ".StringVarP":                 {0, 1, 3},
	"(*" + pflag + ".FlagSet).String":     {-1, 0, 1},
	"(*" + pflag + ".FlagSet).StringP":    {-1, 0, 2},
	"(*" + pflag + ".FlagSet).StringVar":  {0, 1, 2},
	"(*" + pflag + ".FlagSet).StringVarP": {0, 1, 3},
}

// flagOf returns the flag function that call calls, if it is one.
func (r *Resolver) flagOf(call *ast.CallExpr) (flagFunc, bool) {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return flagFunc{}, false
	}
	ff, ok := flagFuncs[funcName(fn)]
	return ff, ok && ff.name < len(call.Args) && ff.def < len(call.Args)
}

// flagValue is the Flag part a flag definition makes, from constant
// arguments only: it is also used while indexing, before variables resolve.
func (r *Resolver) flagValue(call *ast.CallExpr, ff flagFunc) Value {
	key, ok := r.constText(call.Args[ff.name])
	if !ok {
		return Hole("flag with a computed name")
	}
	def, _ := r.constText(call.Args[ff.def])
	return Of(Part{Kind: Flag, Key: key, Text: def})
}

// flagVar records flag.StringVar(&v, name, default, usage), and its pflag
// forms, as an assignment to v (a variable or a followed field).
func (r *Resolver) flagVar(call *ast.CallExpr, test bool) {
	ff, ok := r.flagOf(call)
	if !ok || ff.ptr < 0 {
		return
	}
	addr, ok := ast.Unparen(call.Args[ff.ptr]).(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return
	}
	val := r.flagValue(call, ff)
	d := def{val: &val, test: test}
	recorded := r.assignTypeField(addr.X, d)
	if v := r.assignedVar(addr.X); v != nil {
		r.defs[v] = append(r.defs[v], d)
		recorded = true
	} else if r.assignField(addr.X, d) {
		recorded = true
	}
	if recorded {
		r.handledAddrs[addr] = true // not an escaping address: visit sees it next
	}
}

// flagByName resolves (*pflag.FlagSet).GetString(name): the flag, with
// the default that the scope's definitions of that name agree on.
func (s *scope) flagByName(call *ast.CallExpr) Value {
	key, ok := s.constText(call.Args[0])
	if !ok {
		return Hole("flag with a computed name")
	}
	def, agreed := "", true
	seen := false
	for _, site := range s.sites {
		c, ok := site.Node.(*ast.CallExpr)
		if !ok || s.hideTests && s.inTest(c.Pos()) {
			continue
		}
		ff, ok := s.flagOf(c)
		if !ok {
			continue
		}
		if name, ok := s.constText(c.Args[ff.name]); !ok || name != key {
			continue
		}
		d, _ := s.constText(c.Args[ff.def])
		if seen && d != def {
			agreed = false
		}
		def, seen = d, true
	}
	if !agreed {
		def = ""
	}
	return Of(Part{Kind: Flag, Key: key, Text: def})
}
