package value_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/value"
)

// A struct literal that leaves a field out gives it its zero value, which
// a client reads as absent; anything else may set it.
func TestArgFieldUnset(t *testing.T) {
	const src = `package p

type EtcdConf struct{ Key string }
type Conf struct {
	Endpoints []string
	Target    string
	Etcd      EtcdConf
}

func use(Conf) {}

func calls(c Conf) {
	use(Conf{Endpoints: []string{"orders:8080"}})
	use(Conf{Etcd: EtcdConf{Key: "orders.rpc"}})
	use(c)
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var args []ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "use" {
				args = append(args, call.Args[0])
			}
		}
		return true
	})
	r := value.NewWithFileSet(fset, info, []*ast.File{f})
	for _, tc := range []struct {
		arg   int
		path  string
		unset bool
	}{
		{0, "Endpoints", false},
		{0, "Target", true},
		{0, "Etcd.Key", true},
		{1, "Endpoints", true},
		{1, "Etcd.Key", false},
		{2, "Target", false}, // a parameter: its callers say
	} {
		if got := r.ArgFieldUnset(args[tc.arg], tc.path); got != tc.unset {
			t.Errorf("use #%d: ArgFieldUnset(%s) = %v, want %v", tc.arg, tc.path, got, tc.unset)
		}
	}
}
