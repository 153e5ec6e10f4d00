package syncclient

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://orders:8080/v1/orders", "http://orders:8080/v1/orders"},
		{"http://admin:s3cret@orders:8080/v1/orders?token=t#frag", "http://orders:8080/v1/orders"},
		{"user:pw@orders:9090", "orders:9090"},
		{"dns:///orders:9090", "dns:///orders:9090"},
		{"https://a@b@host/p@q", "https://host/p@q"},
		{"", ""},
	} {
		if got := redact(tc.in); got != tc.want {
			t.Errorf("redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	f.Add("http://u:secret@h:1/p?q=secret")
	f.Fuzz(func(t *testing.T, s string) {
		got := redact(s)
		if strings.ContainsAny(got, "?#") {
			t.Errorf("redact(%q) = %q keeps a query or fragment", s, got)
		}
	})
}

func TestDisplay(t *testing.T) {
	v := value.Concat(
		value.Of(value.Part{Kind: value.Env, Key: "ORDERS_URL"}),
		value.Lit("/v1/orders/"),
		value.Of(value.Part{Kind: value.Param, Key: "id"}),
		value.Lit("/"),
		value.Hole("call to f"),
		value.Lit("?token=x"),
	)
	if got, want := display(v), "$ORDERS_URL/v1/orders/{id}/…"; got != want {
		t.Errorf("display = %q, want %q", got, want)
	}
}

func testMap(t *testing.T) *boundaries.Map {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "orders"), 0o755); err != nil {
		t.Fatal(err)
	}
	m, err := boundaries.LoadBytes("couplingvet.yaml", []byte(`version: 1
services:
  orders:
    owns: [orders]
    hosts: [orders, "orders:8080"]
    env: [ORDERS_URL]
`), root)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestServiceOfAddress(t *testing.T) {
	m := testMap(t)
	env := func(k string) value.Value { return value.Of(value.Part{Kind: value.Env, Key: k}) }
	hole := value.Hole("x")
	for _, tc := range []struct {
		name string
		v    value.Value
		want string
	}{
		{"literal URL", value.Lit("http://orders:8080/v1/orders"), "orders"},
		{"host known, path unknown", value.Concat(value.Lit("http://orders:8080/v1/orders/"), hole), "orders"},
		{"host still open", value.Concat(value.Lit("http://orders"), hole), ""},
		{"host unknown", value.Concat(value.Lit("http://"), hole, value.Lit("/v1")), ""},
		{"mapped env key", value.Concat(env("ORDERS_URL"), value.Lit("/v1/orders")), "orders"},
		{"unmapped env key", value.Concat(env("STRIPE_URL"), value.Lit("/v1")), ""},
		{"bare address", value.Lit("orders:8080"), "orders"},
		{"bare address with a hole", value.Concat(value.Lit("orders:"), hole), ""},
		{"third party", value.Lit("https://api.stripe.com/v1"), ""},
		{"empty", value.Value{}, ""},
	} {
		if got := serviceOfAddress(m, tc.v); got != tc.want {
			t.Errorf("%s: serviceOfAddress(%v) = %q, want %q", tc.name, tc.v, got, tc.want)
		}
	}
}

func TestAddressKnown(t *testing.T) {
	param := value.Of(value.Part{Kind: value.Param, Key: "id"})
	for _, tc := range []struct {
		v    value.Value
		want bool
	}{
		{value.Concat(value.Lit("http://orders:8080/v1/orders/"), param), true},
		{value.Concat(value.Of(value.Part{Kind: value.Env, Key: "ORDERS_URL"}), param), true},
		{value.Concat(param, value.Lit("/v1/orders")), false},
		{value.Concat(value.Lit("http://"), param), false},
		{value.Concat(value.Lit("orders:"), param), false},
	} {
		if got := addressKnown(sinks.Use{Kind: sinks.URL, Value: tc.v}); got != tc.want {
			t.Errorf("addressKnown(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestGRPCServiceOfPath(t *testing.T) {
	for in, want := range map[string]string{
		"http://orders:8080/shop.orders.v1.OrderService/GetOrder": "shop.orders.v1.OrderService",
		"$BASE/twirp/shop.inventory.v1.InventoryService/Reserve":  "shop.inventory.v1.InventoryService",
		"http://orders:8080/v1/orders":                            "",
		"GetOrder":                                                "",
	} {
		if got := grpcServiceOfPath(in); got != want {
			t.Errorf("grpcServiceOfPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsScheme(t *testing.T) {
	for s, want := range map[string]bool{
		"http://": true, "dns:///": true, "grpc+tls://": true,
		"https:": false, "h": false, "": false, "http://orders": false, "1http://": false, "/v1": false, "http:x": false, "://": false,
	} {
		if got := isScheme(s); got != want {
			t.Errorf("isScheme(%q) = %v, want %v", s, got, want)
		}
	}
}
