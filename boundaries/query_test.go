package boundaries

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestOwnerOfPackage(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	tests := []struct {
		path  string
		role  Role
		svc   string
		entry string
	}{
		{"example.com/shop/services/orders", Private, "orders", "services/orders"},
		{"example.com/shop/services/orders/internal", Private, "orders", "services/orders"},
		{"example.com/shop/services/orders2", Private, "orders2", "services/orders2"}, // segment match: not orders
		{"example.com/shop/services/orders/legacy/db", Private, "billing", "services/orders/legacy"},
		{"example.com/shop/services/geo/proto", Contract, "geo", "services/geo/proto"}, // contract inside its own service
		{"example.com/shop/services/geo/proto/v1", Contract, "geo", "services/geo/proto"},
		{"example.com/shop/services/geo/server", Private, "geo", "services/geo"},
		{"example.com/shop/api/orders", Contract, "orders", "api/orders"}, // contract outside
		{"example.com/shop/api/ordersx", Unowned, "", ""},
		{"example.com/shop/pkg/log", Shared, "", "pkg"},
		{"example.com/shop/internal/platform/x", Shared, "", "internal/platform"},
		{"example.com/shop/cmd/all-in-one", Wiring, "", "cmd/all-in-one"},
		{"example.com/shop/cmd/orders", Private, "orders", "cmd/orders"},
		{"example.com/shop/tools", Unowned, "", ""},
		{"example.com/shop/services/orders_test", Private, "orders", "services/orders"},
		{"example.com/shop/services/orders/internal [example.com/shop/services/orders/internal.test]", Private, "orders", "services/orders"},
		{"example.com/shop/services/orders.test", Private, "orders", "services/orders"},
		{"fmt", Unowned, "", ""},
		{"example.com/shopping/services/orders", Unowned, "", ""},
	}
	for _, tt := range tests {
		got := m.OwnerOfPackage(tt.path)
		if got != (Owner{tt.role, tt.svc, tt.entry}) {
			t.Errorf("OwnerOfPackage(%q) = %+v, want {%v %s %s}", tt.path, got, tt.role, tt.svc, tt.entry)
		}
	}
	if !m.InRepo("example.com/shop/tools") || !m.InRepo("example.com/shop") || m.InRepo("fmt") || m.InRepo("example.com/shopping") {
		t.Error("InRepo misclassifies")
	}
	if got := m.OwnerOfDir(filepath.Join(m.Root, "services", "geo", "proto")); got.Role != Contract || got.Service != "geo" {
		t.Errorf("OwnerOfDir(services/geo/proto) = %+v", got)
	}
	if got := m.OwnerOfDir("services/orders"); got.Service != "orders" {
		t.Errorf("OwnerOfDir(relative) = %+v", got)
	}
	if got := m.OwnerOfDir(filepath.Dir(m.Root)); got.Role != Unowned {
		t.Errorf("OwnerOfDir(outside the repository) = %+v", got)
	}
}

func TestGlobEntries(t *testing.T) {
	fixClock(t, "2026-01-15")
	root := repo(t, map[string]string{
		"go.mod":              "module example.com/g\n",
		"services/a/api/v1/":  "",
		"services/a/proto/x/": "",
		"services/b/":         "",
		"couplingvet.yaml": `version: 1
services:
  a:
    owns: [services/a]
    contracts: ["services/*/api", "services/.../proto"]
  b:
    owns: [services/b/...]
`,
	})
	m, err := Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]Owner{
		"example.com/g/services/a/api/v1":  {Contract, "a", "services/*/api"},
		"example.com/g/services/a/proto/x": {Contract, "a", "services/.../proto"},
		"example.com/g/services/a/apix":    {Private, "a", "services/a"},
		"example.com/g/services/b/c":       {Private, "b", "services/b"},
	} {
		if got := m.OwnerOfPackage(path); got != want {
			t.Errorf("OwnerOfPackage(%s) = %+v, want %+v", path, got, want)
		}
	}
}

func TestWorkspaceModules(t *testing.T) {
	fixClock(t, "2026-01-15")
	t.Setenv("GOWORK", "")
	root := repo(t, map[string]string{
		"go.work":                   "go 1.26\n\nuse (\n\t./services/orders\n\t./services/billing\n\t./libs\n)\n",
		"services/orders/go.mod":    "module example.com/orders\n\ngo 1.26\n",
		"services/orders/internal/": "",
		"services/billing/go.mod":   "module github.com/acme/billing\n\ngo 1.26\n",
		"services/billing/api/":     "",
		"libs/go.mod":               "module example.com/libs\n\ngo 1.26\n",
		"libs/log/":                 "",
		"tools/go.mod":              "module example.com/tools\n", // not in go.work, but holds a map entry
		"tools/gen/":                "",
		"couplingvet.toml": `version = 1
shared = ["libs"]
wiring = ["tools/gen"]
[services.orders]
owns = ["services/orders"]
[services.billing]
owns = ["services/billing"]
contracts = ["services/billing/api"]
`,
	})
	m, err := Load(filepath.Join(root, "couplingvet.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(m.Modules()); got != 4 {
		t.Errorf("Modules() = %+v, want 4", m.Modules())
	}
	for path, want := range map[string]Owner{
		"example.com/orders/internal":     {Private, "orders", "services/orders"},
		"example.com/orders":              {Private, "orders", "services/orders"},
		"github.com/acme/billing/api":     {Contract, "billing", "services/billing/api"},
		"github.com/acme/billing/cmd/srv": {Private, "billing", "services/billing"},
		"example.com/libs/log":            {Shared, "", "libs"},
		"example.com/tools/gen":           {Wiring, "", "tools/gen"},
		"example.com/other":               {},
	} {
		if got := m.OwnerOfPackage(path); got != want {
			t.Errorf("OwnerOfPackage(%s) = %+v, want %+v", path, got, want)
		}
	}
	if !m.InRepo("example.com/libs") || m.InRepo("example.com/librs") {
		t.Error("InRepo does not follow the workspace")
	}
}

func TestServiceOfHost(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	tests := map[string]string{
		"orders":                             "orders",
		"ORDERS":                             "orders",
		"orders:8080":                        "orders",
		"orders:9090":                        "orders", // bare "orders" is declared: any port
		"http://orders:8080/v1/orders":       "orders",
		"https://user:secret@orders/v1?q=1":  "orders",
		"discovery:///orders":                "orders",
		"dns:///orders:50051":                "orders",
		"orders.shop.svc.cluster.local":      "orders",
		"orders.prod.svc.cluster.local:8080": "orders",
		"orders.prod.svc":                    "orders",
		"orders.shop":                        "orders", // shop is a namespace the map names
		"orders.io":                          "",       // a public domain, not a namespace
		"orders2":                            "",
		"http://gateway:8000/orders/list":    "orders",
		"http://gateway:8000/orders":         "orders",
		"http://gateway:8000/ordersx":        "",
		"http://gateway:9000/orders":         "",
		"api.stripe.com":                     "",
		"":                                   "",
		"http://":                            "",
		"[::1]:8080":                         "",
	}
	for in, want := range tests {
		if got := m.ServiceOfHost(in); got != want {
			t.Errorf("ServiceOfHost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestServiceOfHostPorts(t *testing.T) {
	fixClock(t, "2026-01-15")
	m, err := LoadBytes("couplingvet.yaml", []byte(`version: 1
services:
  a:
    hosts: ["a:8080", "http://web"]
  b:
    hosts: ["a:9090", "https://secure.example:443"]
`), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"a:8080":                         "a",
		"http://a:9090/x":                "b",
		"a":                              "", // no port: neither declaration applies
		"http://web/x":                   "a",
		"web:80":                         "a",
		"https://secure.example/payment": "b",
		"http://secure.example/payment":  "",
	} {
		if got := m.ServiceOfHost(in); got != want {
			t.Errorf("ServiceOfHost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestServiceOfEnvAndGRPC(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	for in, want := range map[string]string{"ORDERS_URL": "orders", "ORDERS_ADDR": "orders", "orders_url": "", "PAYMENTS_URL": ""} {
		if got := m.ServiceOfEnv(in); got != want {
			t.Errorf("ServiceOfEnv(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"shop.orders.v1.OrderService":           "orders",
		"/shop.orders.v1.OrderService/GetOrder": "orders",
		"shop.orders.v1.OrderService/GetOrder":  "orders",
		"shop.orders.v1.OrderServiceV2":         "",
		"shop.orders.v1":                        "",
		"/":                                     "",
	} {
		if got := m.ServiceOfGRPC(in); got != want {
			t.Errorf("ServiceOfGRPC(%q) = %q, want %q", in, got, want)
		}
	}
	if m.Service("orders") == nil || m.Service("nope") != nil {
		t.Error("Service lookup")
	}
}

func TestServiceOfTopic(t *testing.T) {
	maps := map[string]string{
		"couplingvet.yaml": `version: 1
shared: [pkg]
services:
  orders:
    owns: [services/orders]
    topics: [orders.created, "orders.*"]
  payments:
    owns: [services/payments]
    topics: [payments.settled, "orders.refunds.*"]
`,
		"couplingvet.toml": `version = 1
shared = ["pkg"]
[services.orders]
owns = ["services/orders"]
topics = ["orders.created", "orders.*"]
[services.payments]
owns = ["services/payments"]
topics = ["payments.settled", "orders.refunds.*"]
`,
	}
	for file, content := range maps {
		m := loadShop(t, file, content)
		for in, want := range map[string]string{
			"orders.created":        "orders",   // exact
			"orders.cancelled":      "orders",   // orders.*
			"orders.refunds.issued": "payments", // the longer pattern wins
			"payments.settled":      "payments",
			"payments.failed":       "",
			"orders":                "",
			"":                      "",
		} {
			if got := m.ServiceOfTopic(in); got != want {
				t.Errorf("%s: ServiceOfTopic(%q) = %q, want %q", file, in, got, want)
			}
		}
	}
}

func TestDatabaseOfDSN(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	tests := map[string]string{
		"postgres://app:s3cret@orders-db:5432/orders":                 "orders-db",
		"postgres://app:s3cret@orders-db:5432/orders?sslmode=disable": "orders-db",
		"postgres://orders-db:5432/orders":                            "orders-db", // normalised by analyzers/dsn
		"postgresql://orders-db/orders":                               "orders-db", // default port
		"postgres://orders-db:5432/billing":                           "",
		"postgres://orders-db:6543/orders":                            "",
		"mysql://orders-db:5432/orders":                               "",
		"redis://payments-redis:6379/2":                               "payments-cache",
		"redis://:pw@payments-redis:6379/0":                           "payments-cache",
		"rediss://payments-redis/0":                                   "payments-cache",
		"root:pw@tcp(payments-mysql:3306)/payments?parseTime=true":    "payments-cache",
		"mysql://payments-mysql:3306/payments":                        "payments-cache",
		"mysql://payments-mysql/payments":                             "payments-cache",
		"user:p@ss@tcp(payments-mysql:3306)/other":                    "",
		"":          "",
		"not a dsn": "",
	}
	for in, want := range tests {
		_, db := m.DatabaseOfDSN(in)
		got := ""
		if db != nil {
			got = db.Name
		}
		if got != want {
			t.Errorf("DatabaseOfDSN(%q) = %q, want %q", in, got, want)
		}
	}
	svc, db := m.DatabaseOfEnv("ORDERS_DATABASE_URL")
	if svc == nil || svc.Name != "orders" || db.Name != "orders-db" {
		t.Errorf("DatabaseOfEnv = %v, %v", svc, db)
	}
	if svc, db := m.DatabaseOfEnv("orders_database_url"); svc != nil || db != nil {
		t.Error("DatabaseOfEnv is case-insensitive")
	}
}

func TestDSNCredentialsNeverMatter(t *testing.T) {
	// A pattern that spells out credentials still matches other credentials,
	// and glob patterns match against the value without its userinfo.
	for _, c := range []struct {
		pattern, value string
		want           bool
	}{
		{"postgres://admin:pw@db:5432/app", "postgres://other:x@db:5432/app", true},
		{"postgres://db:5432/app", "postgres://u:p@db:5432/app", true},
		{"*@db:5432/app", "postgres://u:p@db:5432/app", false}, // the glob cannot see the userinfo it was meant to skip
		{"postgres://*db*", "postgres://secretdb:pw@other:5432/app", false},
		{"host=orders-db dbname=orders*", "host=orders-db user=u password=p dbname=orders sslmode=disable", true},
		{"host=orders-db dbname=orders", "host=billing-db password=orders-db dbname=orders", false},
	} {
		if got := dsnMatches(c.pattern, c.value, ""); got != c.want {
			t.Errorf("dsnMatches(%q, %q) = %v, want %v", c.pattern, c.value, got, c.want)
		}
	}
}

func TestAllowed(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d.Add(10 * time.Hour) }
	tests := []struct {
		check, from, to, target, now string
		want                         int // index of the rule, -1 for none
	}{
		{"syncclient", "checkout", "payments", "", "2026-01-15", 0},
		{"syncclient", "checkout", "payments", "http://payments/x", "2027-06-30", 0}, // good through its last day
		{"syncclient", "checkout", "payments", "", "2027-07-01", -1},                 // expired
		{"crossimport", "checkout", "payments", "", "2026-01-15", -1},
		{"syncclient", "payments", "checkout", "", "2026-01-15", -1},
		{"shareddb", "billing", "orders-db", "", "2026-01-15", 1},
		{"syncclient", "orders", "geo", "/shop.geo.v1.Geo/Lookup", "2026-01-15", 2}, // wildcard from and check
		{"syncclient", "orders", "geo", "shop.geo.v1.Geo/Lookup", "2026-01-15", 2},
		{"crossimport", "orders", "geo", "/shop.geo.v1.Geo/Lookup", "2026-01-15", 2},
		{"syncclient", "orders", "geo", "/shop.geo.v1.Geo/LookupAll", "2026-01-15", -1}, // prefix at a boundary only
		{"syncclient", "orders", "geo", "/shop.geo.v1.Geo/Put", "2026-01-15", -1},
		{"syncclient", "orders", "geo", "", "2026-01-15", -1}, // a narrowed rule needs a target
	}
	for _, tt := range tests {
		r, ok := m.Allowed(tt.check, tt.from, tt.to, tt.target, day(tt.now))
		got := -1
		if ok {
			for i := range m.Allow {
				if &m.Allow[i] == r {
					got = i
				}
			}
		}
		if got != tt.want {
			t.Errorf("Allowed(%s, %s, %s, %q, %s) = rule %d, want %d", tt.check, tt.from, tt.to, tt.target, tt.now, got, tt.want)
		}
	}
}

func TestSeverity(t *testing.T) {
	m := loadShop(t, "couplingvet.yaml", shopYAML)
	for check, want := range map[string]Severity{CheckCrossImport: SeverityError, CheckSharedDB: SeverityWarn, CheckSyncClient: SeverityError, CheckUnowned: SeverityOff, "other": SeverityOff} {
		if got := m.Severity(check); got != want {
			t.Errorf("Severity(%s) = %s, want %s", check, got, want)
		}
	}
	var none *Map
	if none.Severity(CheckSyncClient) != SeverityError || none.OwnerOfPackage("x").Role != Unowned || none.ServiceOfHost("orders") != "" {
		t.Error("a nil map must answer with defaults")
	}
}

// TestAllowedTargetForms checks the forms people write targets in: a URL
// path for an HTTP call, and a repository directory for an import.
func TestAllowedTargetForms(t *testing.T) {
	fixClock(t, "2026-01-15")
	root := repo(t, map[string]string{
		"go.mod":                     "module example.com/shop\n",
		"services/orders/store/s.go": "package store\n",
		"services/checkout/c.go":     "package checkout\n",
		"couplingvet.yaml": `version: 1
services:
  orders: {owns: [services/orders]}
  checkout: {owns: [services/checkout]}
allow:
  - {from: checkout, to: orders, check: syncclient, target: /v1/quotes, reason: quotes are priced live}
  - {from: checkout, to: orders, check: crossimport, target: services/orders/store, reason: legacy totals}
`,
	})
	m, err := Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		check, target string
		want          bool
	}{
		{"syncclient", "http://orders:8080/v1/quotes/42", true},
		{"syncclient", "http://orders:8080/v1/quotes?id=1", true},
		{"syncclient", "$ORDERS_URL/v1/quotes", true},
		{"syncclient", "http://orders:8080/v1/quotesx", false},
		{"syncclient", "http://orders:8080/v1/orders", false},
		{"syncclient", "http://orders:8080", false},
		{"crossimport", "example.com/shop/services/orders/store", true},
		{"crossimport", "example.com/shop/services/orders/store/sub", true},
		{"crossimport", "example.com/shop/services/orders/storage", false},
		{"crossimport", "example.org/other/services/orders/store", false},
	} {
		if _, got := m.Allowed(tt.check, "checkout", "orders", tt.target, now); got != tt.want {
			t.Errorf("Allowed(%s, %q) = %v, want %v", tt.check, tt.target, got, tt.want)
		}
	}
}

func TestIsRepoPackage(t *testing.T) {
	fixClock(t, "2026-01-15")
	t.Setenv("GOWORK", "")
	root := repo(t, map[string]string{
		"common/go.mod":          "module example.com/common\n\ngo 1.26\n",
		"common/httpclient/":     "",
		"services/orders/go.mod": "module example.com/orders\n\ngo 1.26\n",
		"services/orders/vendor/example.com/common/httpclient/": "",
		"couplingvet.yaml": `version: 1
shared: [common]
services:
  orders:
    owns: [services/orders]
`,
	})
	m, err := Load(filepath.Join(root, "couplingvet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "repo")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, dir string
		want      bool
	}{
		{"example.com/common/httpclient", filepath.Join(root, "common", "httpclient"), true},
		{"example.com/common/httpclient", filepath.Join(link, "common", "httpclient"), true}, // through a link
		{"example.com/common/httpclient", filepath.Join(root, "services", "orders", "vendor", "example.com", "common", "httpclient"), false},
		{"example.com/common/httpclient", filepath.Join(t.TempDir(), "mod", "example.com", "common@v1.2.0", "httpclient"), false}, // the module cache
		{"example.com/orders", filepath.Join(root, "services", "orders"), true},
		{"example.com/other", filepath.Join(root, "common", "httpclient"), false},
	} {
		if got := m.IsRepoPackage(tt.path, tt.dir); got != tt.want {
			t.Errorf("IsRepoPackage(%s, %s) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}
