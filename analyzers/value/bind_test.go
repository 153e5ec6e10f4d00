package value

import (
	"go/ast"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/deploy"
	"github.com/couplingvet/couplingvet/internal/testtree"
)

// TestExpand checks how references to environment variables in a value
// from a file (or an os.ExpandEnv template) become Env parts.
func TestExpand(t *testing.T) {
	tests := map[string]string{
		"http://orders:8080":                  "http://orders:8080",
		"http://${HOST}:8080/v1":              "http://{env:HOST}:8080/v1",
		"${HOST:-orders}:$PORT":               "{env:HOST}:{env:PORT}",
		"postgres://u:p@${DB_HOST-db}/x":      "postgres://u:p@{env:DB_HOST}/x",
		"price: $5":                           "price: $5",
		"$$":                                  "$$",
		"${unterminated":                      "${unterminated",
		"a$":                                  "a$",
		"${BAD NAME}":                         "${BAD NAME}",
		"mongodb://$MONGO_HOST:$MONGO_PORT/x": "mongodb://{env:MONGO_HOST}:{env:MONGO_PORT}/x",
	}
	for in, want := range tests {
		if got := expand(in).String(); got != want {
			t.Errorf("expand(%q) = %s, want %s", in, got, want)
		}
	}
	if p := expand("${HOST:-orders}").Parts[0]; p.Text != "orders" {
		t.Errorf("expand(${HOST:-orders}) default = %q, want orders", p.Text)
	}
}

// TestExpandEnvCall checks os.ExpandEnv in code.
func TestExpandEnvCall(t *testing.T) {
	const src = `package p

import "os"

const tmpl = "postgres://app@${DB_HOST}:5432/orders"

func show(string) {}

func f() {
	show(os.ExpandEnv(tmpl))
	show(os.ExpandEnv("http://" + os.Getenv("X") + "/$PATH_PREFIX"))
}
`
	got := resolveShown(t, src, func(r *Resolver, e ast.Expr) string { return r.Resolve(e).String() })
	want := []string{"postgres://app@{env:DB_HOST}:5432/orders", "http://{env:X}/{env:PATH_PREFIX}"}
	if !slices.Equal(got, want) {
		t.Errorf("os.ExpandEnv resolved to %q, want %q", got, want)
	}
}

// TestBindConfigField checks which key path of a config field's candidates
// a config file answers: the outermost that the file has (c.UserRpc.Etcd.Key
// is UserRpc.Etcd.Key, not the server's own Etcd.Key that the candidate
// anchored at zrpc.RpcClientConf reads), and that a list (go-zero's
// Endpoints) gives one alternative per item.
func TestBindConfigField(t *testing.T) {
	root := testtree.Write(t, t.TempDir(), map[string]string{
		"etc/order.yaml": `Name: order.rpc
Etcd:
  Hosts:
  - etcd:2379
  Key: order.rpc
UserRpc:
  Etcd:
    Key: user.rpc
ProductRpc:
  Endpoints:
  - product:8080
  - product:8081
`,
	})
	r := &runtime{service: "order", configs: deploy.Load(root, deploy.Options{}).ConfigFiles(".")}
	field := func(paths ...string) Part {
		return Part{Kind: ConfigField, Key: "config.Config.X", Text: strings.Join(paths, "\n")}
	}
	tests := []struct {
		part Part
		want []string
	}{
		// c.UserRpc.Etcd.Key: anchored at config.Config, at zrpc.RpcClientConf, at discov.EtcdConf.
		{field("UserRpc.Etcd.Key", "Etcd.Key", "Key"), []string{"user.rpc etc/order.yaml:8"}},
		// c.Etcd.Key: the server's own, through the embedded zrpc.RpcServerConf.
		{field("Etcd.Key", "Key"), []string{"order.rpc etc/order.yaml:5"}},
		{field("ProductRpc.Endpoints", "Endpoints"), []string{"product:8080 etc/order.yaml:11", "product:8081 etc/order.yaml:11"}},
		// A config key (viper.GetString) is one string: a list is no value.
		{Part{Kind: Config, Key: "ProductRpc.Endpoints"}, nil},
		// A field with a default (FieldFact.Default): the file's value
		// where it has one, else the default, from no file.
		{Part{Kind: ConfigField, Key: "config.Config.X", Text: "Name", Default: "orders"}, []string{"order.rpc etc/order.yaml:1"}},
		{Part{Kind: ConfigField, Key: "config.Config.X", Text: "OrdersService", Default: "orders"}, []string{"orders "}},
	}
	for _, tt := range tests {
		if got := boundStrings(r, tt.part); !slices.Equal(got, tt.want) {
			t.Errorf("bind %q (%s) = %q, want %q", tt.part.Text, tt.part.Key, got, tt.want)
		}
	}
}

// TestBindEnvChain checks a first-set chain (Part.Then): each workload
// gives the first of the variables it sets to a non-empty value.
func TestBindEnvChain(t *testing.T) {
	set := func(value string, line int) deploy.Setting {
		return deploy.Setting{Value: value, File: "compose.yaml", Line: line}
	}
	r := &runtime{service: "access", workloads: []deploy.Workload{
		{Name: "access", Env: map[string]deploy.Setting{"ACCESS_DSN": set("", 3), "COMMON_DSN": set("postgres://db/common", 4)}},
		{Name: "access-eu", Env: map[string]deploy.Setting{"ACCESS_DSN": set("postgres://db-eu/access", 9), "COMMON_DSN": set("postgres://db/common", 10)}},
	}}
	tests := []struct {
		part Part
		want []string
	}{
		{Part{Kind: Env, Key: "ACCESS_DSN", Then: "COMMON_DSN"}, []string{"postgres://db/common compose.yaml:4", "postgres://db-eu/access compose.yaml:9"}},
		{Part{Kind: Env, Key: "OTHER_DSN", Then: "COMMON_DSN"}, []string{"postgres://db/common compose.yaml:4,compose.yaml:10"}},
		// A single variable set to "" is that value: the program reads it so.
		{Part{Kind: Env, Key: "ACCESS_DSN"}, []string{" compose.yaml:3", "postgres://db-eu/access compose.yaml:9"}},
	}
	for _, tt := range tests {
		if got := boundStrings(r, tt.part); !slices.Equal(got, tt.want) {
			t.Errorf("bind %s then %s = %q, want %q", tt.part.Key, tt.part.Then, got, tt.want)
		}
	}
}

// boundStrings binds p and renders each alternative as "value sources".
func boundStrings(r *runtime, p Part) []string {
	bound, _ := r.bindPart(p)
	var got []string
	for _, b := range bound {
		got = append(got, b.Value.String()+" "+strings.Join(b.Sources, ","))
	}
	return got
}
