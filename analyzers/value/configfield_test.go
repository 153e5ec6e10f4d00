package value

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

// TestConfigFieldPaths checks the key paths a config field may have in a
// file: anchored at the document root through the struct type that holds
// the field's type, with embedded fields flattened and tag names beside
// field names, one candidate per selection in the chain.
func TestConfigFieldPaths(t *testing.T) {
	const src = `package p

type Bootstrap struct {
	Data *Data ` + "`json:\"data,omitempty\"`" + `
}
type Data struct {
	Database *Data_Database ` + "`json:\"database,omitempty\"`" + `
}
type Data_Database struct {
	Source string ` + "`json:\"source,omitempty\"`" + `
}
type Server struct{ ListenOn string; Etcd Etcd }
type Etcd struct{ Key string }
type Config struct {
	Server
	Mysql struct{ DataSource string }
	Redis Redis ` + "`yaml:\"cache_redis\"`" + `
}
type Redis struct{ Host string }
type Shared struct{ URL string }
type H1 struct{ A Shared }
type H2 struct{ B Shared }

func show(string) {}

func f(d *Data, c Config, h H1) {
	show(d.Database.Source)
	show(c.Mysql.DataSource)
	show(c.Etcd.Key)
	show(c.Redis.Host)
	show(h.A.URL)
}
`
	want := []string{
		"Data.Database.Source",
		"Mysql.DataSource",
		"Etcd.Key",
		"Redis|cache_redis.Host",
		"A.URL",
	}
	got := resolveShown(t, src, func(r *Resolver, e ast.Expr) string {
		// Resolve the field as another package would see it: the
		// struct types are not followed to literals here.
		s := r.scopeOf(e.Pos())
		v, ok := s.configField(e.(*ast.SelectorExpr))
		if !ok {
			return "not a config field"
		}
		paths := ConfigFieldPaths(v.Parts[0])
		var lines []string
		for _, p := range paths {
			segs := make([]string, len(p))
			for i, names := range p {
				segs[i] = strings.Join(names, "|")
			}
			lines = append(lines, strings.Join(segs, "."))
		}
		return lines[len(lines)-1]
	})
	if !slices.Equal(got, want) {
		t.Errorf("innermost candidate paths:\n got %q\nwant %q", got, want)
	}
}

// resolveShown type-checks src and applies f to the argument of each
// call to show, in order.
func resolveShown(t *testing.T, src string, f func(*Resolver, ast.Expr) string) []string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	r := New(info, []*ast.File{file})
	r.index()
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "show" {
				out = append(out, f(r, call.Args[0]))
			}
		}
		return true
	})
	return out
}

// TestDecoderFilled checks which fields of the package's own struct types
// are looked up in config files: exported ones that nothing in the package
// writes, in package main or tagged with a config key. A field a literal,
// an assignment or an address sets stays a Field part, followed to those
// writes.
func TestDecoderFilled(t *testing.T) {
	const tagged = "`yaml:\"payments_url\"`"
	for _, c := range []struct {
		name, src, want string
	}{
		{"main, untagged, decoded", `package main
type Config struct{ PaymentsURL string }
func decode(any) {}
func show(string) {}
func main() { var c Config; decode(&c); show(c.PaymentsURL) }`, "configfield"},
		{"library, tagged, decoded", `package p
type Config struct{ PaymentsURL string ` + tagged + ` }
func decode(any) {}
func show(string) {}
func f() { var c Config; decode(&c); show(c.PaymentsURL) }`, "configfield"},
		{"library, untagged: importers may set it", `package p
type Config struct{ PaymentsURL string }
func show(string) {}
func f(c Config) { show(c.PaymentsURL) }`, "field"},
		{"main, set by a literal", `package main
type Client struct{ BaseURL string }
func show(string) {}
func newClient(u string) *Client { return &Client{BaseURL: u} }
func (c *Client) get() { show(c.BaseURL) }
func main() { newClient("http://x").get() }`, "field"},
		{"main, set by an unkeyed literal", `package main
type Client struct{ BaseURL string }
func show(string) {}
func (c Client) get() { show(c.BaseURL) }
func main() { Client{"http://x"}.get() }`, "field"},
		{"main, assigned through a pointer", `package main
type Client struct{ BaseURL string }
func show(string) {}
func (c *Client) set(u string) { c.BaseURL = u }
func (c *Client) get() { show(c.BaseURL) }
func main() { c := new(Client); c.set("http://x"); c.get() }`, "field"},
		{"main, unexported", `package main
type config struct{ paymentsURL string }
func decode(any) {}
func show(string) {}
func main() { var c config; decode(&c); show(c.paymentsURL) }`, "field"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := resolveShown(t, c.src, func(r *Resolver, e ast.Expr) string {
				sel := e.(*ast.SelectorExpr)
				s := r.scopeOf(e.Pos())
				field := r.info.Selections[sel].Obj().(*types.Var)
				if s.decoderFilled(field, r.info.Selections[sel]) {
					return "configfield"
				}
				return "field"
			})
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
}
