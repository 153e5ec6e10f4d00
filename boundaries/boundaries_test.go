package boundaries

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// repo writes files (path -> content; a path ending in "/" is a directory)
// under a fresh temporary directory and returns it.
func repo(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// shopDirs is the directory layout the example maps describe.
var shopDirs = map[string]string{
	"go.mod":                    "module example.com/shop\n\ngo 1.26\n",
	"pkg/log/":                  "",
	"internal/platform/":        "",
	"cmd/all-in-one/":           "",
	"cmd/orders/":               "",
	"services/orders/internal/": "",
	"services/orders/legacy/":   "",
	"services/orders2/":         "",
	"services/geo/proto/":       "",
	"services/checkout/":        "",
	"services/payments/":        "",
	"api/orders/":               "",
}

const shopYAML = `version: 1
shared: [pkg, internal/platform]
wiring: [cmd/all-in-one]
services:
  orders:
    owns: [services/orders, cmd/orders]
    contracts: [api/orders]
    hosts: [orders, orders.shop.svc.cluster.local, "orders:8080", "http://gateway:8000/orders"]
    grpc: [shop.orders.v1.OrderService]
    env: [ORDERS_URL, ORDERS_ADDR]
    databases:
      - name: orders-db
        engine: postgres
        dsn: ["postgres://*@orders-db:5432/orders"]
        env: [ORDERS_DATABASE_URL]
        shared_with: [billing]
  billing:
    owns: [services/orders/legacy]
  orders2:
    owns: [services/orders2]
  geo:
    owns: [services/geo]
    contracts: [services/geo/proto]
  checkout:
    owns: [services/checkout]
  payments:
    owns: [services/payments]
    databases:
      - name: payments-cache
        dsn: ["redis://payments-redis:6379/*", "tcp(payments-mysql:3306)/payments"]
allow:
  - {from: checkout, to: payments, check: syncclient, reason: "card authorisation is synchronous by design", expires: 2027-06-30}
  - {from: billing, to: orders-db, check: shareddb, reason: "billing reads orders during the migration"}
  - {from: "*", to: geo, check: "*", target: /shop.geo.v1.Geo/Lookup, reason: "lookups are cached"}
checks: {crossimport: error, shareddb: warn, syncclient: error}
sinks:
  - {package: example.com/shop/pkg/db, function: Open, arg: 1, kind: dsn}
`

const shopTOML = `version = 1
shared = ["pkg", "internal/platform"]
wiring = ["cmd/all-in-one"]

[services.orders]
owns = ["services/orders", "cmd/orders"]
contracts = ["api/orders"]
hosts = ["orders", "orders.shop.svc.cluster.local", "orders:8080", "http://gateway:8000/orders"]
grpc = ["shop.orders.v1.OrderService"]
env = ["ORDERS_URL", "ORDERS_ADDR"]

[[services.orders.databases]]
name = "orders-db"
engine = "postgres"
dsn = ["postgres://*@orders-db:5432/orders"]
env = ["ORDERS_DATABASE_URL"]
shared_with = ["billing"]

[services.billing]
owns = ["services/orders/legacy"]

[services.orders2]
owns = ["services/orders2"]

[services.geo]
owns = ["services/geo"]
contracts = ["services/geo/proto"]

[services.checkout]
owns = ["services/checkout"]

[services.payments]
owns = ["services/payments"]
databases = [
  { name = "payments-cache", dsn = ["redis://payments-redis:6379/*", "tcp(payments-mysql:3306)/payments"] },
]

[[allow]]
from = "checkout"
to = "payments"
check = "syncclient"
reason = "card authorisation is synchronous by design"
expires = 2027-06-30

[[allow]]
from = "billing"
to = "orders-db"
check = "shareddb"
reason = "billing reads orders during the migration"

[[allow]]
from = "*"
to = "geo"
check = "*"
target = "/shop.geo.v1.Geo/Lookup"
reason = "lookups are cached"

[checks]
crossimport = "error"
shareddb = "warn"
syncclient = "error"

[[sinks]]
package = "example.com/shop/pkg/db"
function = "Open"
arg = 1
kind = "dsn"
`

// fixClock sets the clock Load uses for expiry checks.
func fixClock(t testing.TB, day string) {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	old := now
	now = func() time.Time { return d.Add(12 * time.Hour) }
	t.Cleanup(func() { now = old })
}

// loadShop writes the shop repository with the given map file and loads it.
func loadShop(t *testing.T, name, content string) *Map {
	t.Helper()
	fixClock(t, "2026-01-15")
	files := map[string]string{name: content}
	for k, v := range shopDirs {
		files[k] = v
	}
	root := repo(t, files)
	m, err := Load(filepath.Join(root, name))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

func TestLoadYAML(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	if m.Version != 1 || len(m.Services) != 6 {
		t.Fatalf("version %d, %d services", m.Version, len(m.Services))
	}
	var names []string
	for _, s := range m.Services {
		names = append(names, s.Name)
	}
	if got, want := strings.Join(names, ","), "billing,checkout,geo,orders,orders2,payments"; got != want {
		t.Errorf("services = %s, want %s (sorted)", got, want)
	}
	o := m.Service("orders")
	if o == nil || o.Line != 5 || !reflect.DeepEqual(o.Owns, []string{"services/orders", "cmd/orders"}) {
		t.Fatalf("orders = %+v", o)
	}
	if len(o.Databases) != 1 || o.Databases[0].Name != "orders-db" || o.Databases[0].Line != 12 {
		t.Errorf("orders databases = %+v", o.Databases)
	}
	if want := time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC); !m.Allow[0].Expires.Equal(want) {
		t.Errorf("expires = %v, want %v", m.Allow[0].Expires, want)
	}
	if m.Allow[1].Line != 33 {
		t.Errorf("allow[1] line = %d, want 33", m.Allow[1].Line)
	}
	if m.Checks[CheckSharedDB] != SeverityWarn || m.Checks[CheckUnowned] != SeverityOff || m.Checks[CheckCrossImport] != SeverityError {
		t.Errorf("checks = %v", m.Checks)
	}
	if len(m.Sinks) != 1 || m.Sinks[0].Arg != 1 || m.Sinks[0].Kind != "dsn" {
		t.Errorf("sinks = %+v", m.Sinks)
	}
	if len(m.Digest) != 64 || filepath.Base(m.File) != "couplingvet.yaml" || m.Root != filepath.Dir(m.File) {
		t.Errorf("file %s root %s digest %s", m.File, m.Root, m.Digest)
	}
}

func TestLoadCaches(t *testing.T) {
	fixClock(t, "2026-01-15")
	files := map[string]string{"couplingvet.yaml": shopYAML}
	for k, v := range shopDirs {
		files[k] = v
	}
	root := repo(t, files)
	path := filepath.Join(root, "couplingvet.yaml")
	a, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Load(path)
	if a != b {
		t.Error("second Load of an unchanged map did not come from the cache")
	}
	if err := os.WriteFile(path, []byte(strings.Replace(shopYAML, "shareddb: warn", "shareddb: off", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c == a || c.Severity(CheckSharedDB) != SeverityOff {
		t.Error("an edited map was served from the cache")
	}
}

func TestFind(t *testing.T) {
	root := repo(t, map[string]string{"couplingvet.yml": "version: 1\n", "a/b/c/": ""})
	got, err := Find(filepath.Join(root, "a", "b", "c"))
	if err != nil || got != filepath.Join(root, "couplingvet.yml") {
		t.Errorf("Find = %q, %v", got, err)
	}
	none := t.TempDir()
	if got, err := Find(none); err != nil || (got != "" && !strings.HasPrefix(none, filepath.Dir(got))) {
		t.Errorf("Find in an empty tree = %q, %v", got, err)
	}
	two := repo(t, map[string]string{"couplingvet.yaml": "", "couplingvet.toml": "", "x/": ""})
	_, err = Find(filepath.Join(two, "x"))
	if err == nil || !strings.Contains(err.Error(), "couplingvet.yaml") || !strings.Contains(err.Error(), "couplingvet.toml") {
		t.Errorf("two maps: err = %v, want one naming both", err)
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "couplingvet.yaml", Line: 12, Column: 5, Key: "services.orders.owns[1]", Msg: "directory services/order does not exist", Fix: "did you mean services/orders?"}
	want := "couplingvet.yaml:12:5: services.orders.owns[1]: directory services/order does not exist (fix: did you mean services/orders?)"
	if e.Error() != want {
		t.Errorf("got %q\nwant %q", e.Error(), want)
	}
	var es error = Errors{e, e}
	var one *Error
	if !errors.As(es, &one) || one != e {
		t.Error("errors.As does not find *Error in Errors")
	}
	if strings.Count(es.Error(), "\n") != 1 {
		t.Errorf("Errors.Error() = %q, want two lines", es.Error())
	}
}

func TestLoadTOMLEqualsYAML(t *testing.T) {
	y := loadShop(t, "couplingvet.yaml", shopYAML)
	tm := loadShop(t, "couplingvet.toml", shopTOML)
	// Positions and file identity differ by nature; the model must not.
	for _, m := range []*Map{y, tm} {
		m.File, m.Root, m.Digest = "", "", ""
		m.modules, m.entries = nil, nil
		for _, s := range m.Services {
			s.Line = 0
			for i := range s.Databases {
				s.Databases[i].Line = 0
			}
		}
		for i := range m.Allow {
			m.Allow[i].Line = 0
		}
		for i := range m.Sinks {
			m.Sinks[i].Line = 0
		}
	}
	if !reflect.DeepEqual(y, tm) {
		t.Errorf("YAML and TOML maps differ:\nyaml %#v\ntoml %#v", y, tm)
		for i := range y.Services {
			if !reflect.DeepEqual(y.Services[i], tm.Services[i]) {
				t.Errorf("service %d: %+v vs %+v", i, y.Services[i], tm.Services[i])
			}
		}
		for i := range y.Allow {
			if !reflect.DeepEqual(y.Allow[i], tm.Allow[i]) {
				t.Errorf("allow %d: %+v vs %+v", i, y.Allow[i], tm.Allow[i])
			}
		}
	}
}

func TestTOMLPositions(t *testing.T) {
	m := loadShop(t, "couplingvet.toml", shopTOML)
	if s := m.Service("orders"); s.Line != 5 {
		t.Errorf("services.orders line = %d, want 5", s.Line)
	}
	if s := m.Service("payments"); s.Databases[0].Line != 35 {
		t.Errorf("payments database line = %d, want 35", s.Databases[0].Line)
	}
	if m.Service("orders").Databases[0].Line != 12 {
		t.Errorf("orders database line = %d, want 12", m.Service("orders").Databases[0].Line)
	}
	if m.Allow[1].Line != 45 {
		t.Errorf("allow[1] line = %d, want 45", m.Allow[1].Line)
	}
	pos := tomlPositions(shopTOML)
	for _, c := range []struct {
		path []string
		want position
	}{
		{[]string{"services", "orders", "owns", "[1]"}, position{6, 28}},
		{[]string{"services", "orders", "databases", "[0]", "shared_with", "[0]"}, position{17, 16}},
		{[]string{"services", "payments", "databases", "[0]", "dsn", "[1]"}, position{35, 70}},
		{[]string{"allow", "[2]", "target"}, position{55, 1}},
		{[]string{"sinks", "[0]", "kind"}, position{67, 1}},
	} {
		if got := pos[tomlKey(c.path)]; got != c.want {
			t.Errorf("%v at %v, want %v", c.path, got, c.want)
		}
	}
}
