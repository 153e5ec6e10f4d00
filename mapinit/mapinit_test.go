package mapinit

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/boundaries"
)

// write creates files (relative path -> content) below a new temporary
// root and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// infer runs Infer on root, checks that the map it writes loads with
// boundaries (every directory exists, no overlap, no duplicate), and
// returns the loaded map and the YAML.
func infer(t *testing.T, root string) (*boundaries.Map, string) {
	t.Helper()
	m, err := Infer(root)
	if err != nil {
		t.Fatal(err)
	}
	data := m.YAML()
	again, err := Infer(root)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.YAML()) {
		t.Errorf("two runs wrote different maps:\n%s\n---\n%s", data, again.YAML())
	}
	loaded, err := boundaries.LoadBytes("couplingvet.yaml", data, root)
	if err != nil {
		t.Fatalf("the map does not load: %v\n%s", err, data)
	}
	return loaded, string(data)
}

func mainGo(imports ...string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, im := range imports {
		b.WriteString("\t_ \"" + im + "\"\n")
	}
	b.WriteString(")\n\nfunc main() {}\n")
	return b.String()
}

func owns(m *boundaries.Map) map[string][]string {
	out := map[string][]string{}
	for _, s := range m.Services {
		out[s.Name] = slices.Sorted(slices.Values(s.Owns))
	}
	return out
}

func wantOwns(t *testing.T, m *boundaries.Map, want map[string][]string, yaml string) {
	t.Helper()
	got := owns(m)
	if len(got) != len(want) {
		t.Errorf("services %v, want %v\n%s", got, want, yaml)
	}
	for name, dirs := range want {
		if !slices.Equal(got[name], dirs) {
			t.Errorf("service %s owns %v, want %v\n%s", name, got[name], dirs, yaml)
		}
	}
}

func TestGoWorkModules(t *testing.T) {
	root := write(t, map[string]string{
		"go.work":           "go 1.22\n\nuse (\n\t./orders\n\t./billing\n\t./common\n)\n",
		"orders/go.mod":     "module example.com/orders\n\ngo 1.22\n",
		"orders/main.go":    mainGo("example.com/common/log"),
		"billing/go.mod":    "module example.com/billing\n\ngo 1.22\n",
		"billing/main.go":   mainGo("example.com/common/log"),
		"common/go.mod":     "module example.com/common\n\ngo 1.22\n",
		"common/log/log.go": "package log\n",
		"tools/go.mod":      "module example.com/tools\n\ngo 1.22\n",
		"tools/gen/main.go": mainGo(),
	})
	m, yaml := infer(t, root)
	wantOwns(t, m, map[string][]string{"orders": {"orders"}, "billing": {"billing"}}, yaml)
	if !slices.Equal(m.Shared, []string{"common"}) {
		t.Errorf("shared %v, want [common]\n%s", m.Shared, yaml)
	}
	if !strings.Contains(yaml, "# from go.work module ./orders") {
		t.Errorf("the guess does not say it came from go.work:\n%s", yaml)
	}
}

func TestModulesWithoutWorkspace(t *testing.T) {
	root := write(t, map[string]string{
		"auth/go.mod":          "module example.com/auth\n\ngo 1.22\n",
		"auth/cmd/main.go":     mainGo(),
		"product/go.mod":       "module example.com/product\n\ngo 1.22\n",
		"product/cmd/main.go":  mainGo(),
		"product/pkg/db/db.go": "package db\n",
	})
	m, yaml := infer(t, root)
	wantOwns(t, m, map[string][]string{"auth": {"auth"}, "product": {"product"}}, yaml)
}

// cmd/<svc> lines up with internal/<svc> whatever the separators; a
// library under internal (internal/pkg) is not a service, and a main that
// imports several services is wiring.
func TestCmdAndInternal(t *testing.T) {
	root := write(t, map[string]string{
		"go.mod":                           "module example.com/shop\n\ngo 1.22\n",
		"cmd/raid-lobby/main.go":           mainGo("example.com/shop/internal/raid_lobby", "example.com/shop/internal/pkg/log"),
		"cmd/item/main.go":                 mainGo("example.com/shop/internal/item", "example.com/shop/internal/pkg/log"),
		"cmd/proxy/main.go":                mainGo(),
		"cmd/all/main.go":                  mainGo("example.com/shop/internal/item", "example.com/shop/internal/raid_lobby"),
		"internal/raid_lobby/lobby.go":     "package raid_lobby\n",
		"internal/item/item.go":            "package item\n",
		"internal/pkg/log/log.go":          "package log\n",
		"internal/item/store/store.go":     "package store\n",
		"internal/raid_lobby/api/types.go": "package api\n",
	})
	m, yaml := infer(t, root)
	wantOwns(t, m, map[string][]string{
		"raid-lobby": {"cmd/raid-lobby", "internal/raid_lobby"},
		"item":       {"cmd/item", "internal/item"},
		"proxy":      {"cmd/proxy"},
	}, yaml)
	if !slices.Equal(m.Wiring, []string{"cmd/all"}) {
		t.Errorf("wiring %v, want [cmd/all]\n%s", m.Wiring, yaml)
	}
	if !slices.Equal(m.Shared, []string{"internal/pkg"}) {
		t.Errorf("shared %v, want [internal/pkg]\n%s", m.Shared, yaml)
	}
}

// services/* is the layout; cmd/<svc> joins its service and a main that
// imports several services is wiring.
func TestServicesContainer(t *testing.T) {
	root := write(t, map[string]string{
		"go.mod":                      "module example.com/shop\n\ngo 1.22\n",
		"services/orders/orders.go":   "package orders\n",
		"services/billing/billing.go": "package billing\n\nimport _ \"example.com/shop/pkg/money\"\n",
		"services/orders/store/db.go": "package store\n\nimport _ \"example.com/shop/pkg/money\"\n",
		"cmd/orders-service/main.go":  mainGo("example.com/shop/services/orders"),
		"cmd/monolith/main.go":        mainGo("example.com/shop/services/orders", "example.com/shop/services/billing"),
		"pkg/money/money.go":          "package money\n",
		"tools/seed/main.go":          mainGo(),
	})
	m, yaml := infer(t, root)
	wantOwns(t, m, map[string][]string{
		"orders":  {"cmd/orders-service", "services/orders"},
		"billing": {"services/billing"},
	}, yaml)
	if !slices.Equal(m.Wiring, []string{"cmd/monolith"}) {
		t.Errorf("wiring %v, want [cmd/monolith]\n%s", m.Wiring, yaml)
	}
	if !slices.Equal(m.Shared, []string{"pkg"}) {
		t.Errorf("shared %v, want [pkg]\n%s", m.Shared, yaml)
	}
}

// grpcShop copies the real protoc-gen-go-grpc output of the example shop.
func grpcShop(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	for _, name := range []string{"orders_grpc.pb.go", "orders.pb.go"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "shop", "api", "orders", "v1", name))
		if err != nil {
			t.Fatal(err)
		}
		files["api/orders/v1/"+name] = string(data)
	}
	return files
}

// The service that calls RegisterOrderServiceServer serves the stub: the
// stub directory is its contract (without the version segment) and the
// ServiceDesc's name is its gRPC name; a client of the stub is not.
func TestRegisterServer(t *testing.T) {
	root := write(t, grpcShop(t, map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.22\n",
		"services/orders/server.go": `package orders

import (
	"google.golang.org/grpc"

	ordersv1 "example.com/shop/api/orders/v1"
)

func Serve(s *grpc.Server) { ordersv1.RegisterOrderServiceServer(s, nil) }
`,
		"services/checkout/client.go": `package checkout

import (
	"google.golang.org/grpc"

	ordersv1 "example.com/shop/api/orders/v1"
)

func Client(c *grpc.ClientConn) ordersv1.OrderServiceClient { return ordersv1.NewOrderServiceClient(c) }
`,
	}))
	m, yaml := infer(t, root)
	orders, checkout := m.Service("orders"), m.Service("checkout")
	if orders == nil || checkout == nil {
		t.Fatalf("services orders and checkout missing:\n%s", yaml)
	}
	if !slices.Equal(orders.Contracts, []string{"api/orders"}) || len(checkout.Contracts) != 0 {
		t.Errorf("contracts orders %v checkout %v, want [api/orders] and none\n%s", orders.Contracts, checkout.Contracts, yaml)
	}
	if !slices.Equal(orders.GRPC, []string{"shop.orders.v1.OrderService"}) {
		t.Errorf("orders grpc %v, want [shop.orders.v1.OrderService]\n%s", orders.GRPC, yaml)
	}
	if !strings.Contains(yaml, "# from RegisterOrderServiceServer in api/orders/v1/orders_grpc.pb.go, called in services/orders/server.go") {
		t.Errorf("the gRPC name does not say where it came from:\n%s", yaml)
	}
}

// Twirp's NewXxxServer and Connect's NewXxxHandler name the service their
// generated code serves (XxxPathPrefix, XxxName): the names their clients
// call, also through a copy of the stub in the caller's own tree.
func TestTwirpAndConnectServers(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.22\n",
		"services/inventory/main.go": `package main

import inventoryv1 "example.com/shop/services/inventory/rpc/inventory"

func main() { _ = inventoryv1.NewInventoryServiceServer(nil) }
`,
		"services/orders/main.go": `package main

import "example.com/shop/services/orders/rpc/ordersv1connect"

func main() { _, _ = ordersv1connect.NewOrderServiceHandler(nil) }
`,
		"services/checkout/main.go": "package main\n\nfunc main() {}\n",
	}
	for from, to := range map[string]string{
		"api/inventory/v1/inventory.twirp.go":             "services/inventory/rpc/inventory/inventory.twirp.go",
		"api/orders/v1/ordersv1connect/orders.connect.go": "services/orders/rpc/ordersv1connect/orders.connect.go",
	} {
		data, err := os.ReadFile(filepath.Join("..", "analyzers", "syncclient", "testdata", "grpc", filepath.FromSlash(from)))
		if err != nil {
			t.Fatal(err)
		}
		files[to] = string(data)
		// The caller's copy of the stub, which it does not serve.
		files["services/checkout/"+strings.SplitN(to, "/", 3)[2]] = string(data)
	}
	m, yaml := infer(t, write(t, files))
	for svc, want := range map[string]string{
		"inventory": "shop.inventory.v1.InventoryService",
		"orders":    "shop.orders.v1.OrderService",
		"checkout":  "",
	} {
		s := m.Service(svc)
		if s == nil {
			t.Fatalf("service %s missing:\n%s", svc, yaml)
		}
		if got := strings.Join(s.GRPC, ","); got != want {
			t.Errorf("%s grpc %q, want %q\n%s", svc, got, want, yaml)
		}
	}
	if !strings.Contains(yaml, "# from NewInventoryServiceServer in services/inventory/rpc/inventory/inventory.twirp.go, called in services/inventory/main.go") {
		t.Errorf("the Twirp name does not say where it came from:\n%s", yaml)
	}
}

// A goctl zrpc client package is its service's contract, also when its
// header names another writer than goctl: New<Svc>(cli zrpc.Client) <Svc>
// is the shape.
func TestGoctlClients(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "analyzers", "syncclient", "testdata", "gozero", "service", "user", "rpc", "userclient", "user.go"))
	if err != nil {
		t.Fatal(err)
	}
	copied := strings.Replace(string(data), "// Code generated by goctl. DO NOT EDIT.\n// goctl 1.9.2", "// Code generated by a script from user.proto. DO NOT EDIT.", 1)
	if copied == string(data) {
		t.Fatal("the goctl header was not replaced")
	}
	root := write(t, map[string]string{
		"go.mod":                                   "module example.com/mall\n\ngo 1.22\n",
		"services/user/rpc/user.go":                "package main\n\nfunc main() {}\n",
		"services/user/rpc/userclient/user.go":     string(data),
		"services/search/rpc/search.go":            "package main\n\nfunc main() {}\n",
		"services/search/rpc/searchclient/user.go": copied,
		"services/order/rpc/order.go":              "package main\n\nfunc main() {}\n",
	})
	m, yaml := infer(t, root)
	for svc, want := range map[string]string{"user": "services/user/rpc/userclient", "search": "services/search/rpc/searchclient"} {
		if s := m.Service(svc); s == nil || !slices.Equal(s.Contracts, []string{want}) {
			t.Errorf("%s: want contract %s\n%s", svc, want, yaml)
		}
	}
}

// A package of a service named like a public API (spec, client, sdk, ...,
// or below its pkg/) that another service imports is that service's
// contract; one nobody else imports, and a package named otherwise, are
// not.
func TestPublicPackages(t *testing.T) {
	root := write(t, map[string]string{
		"go.mod":                     "module example.com/shop\n\ngo 1.22\n",
		"cmd/orders/main.go":         "package main\n\nfunc main() {}\n",
		"cmd/orders/spec/spec.go":    "package spec\n\ntype Order struct{ ID string }\n",
		"cmd/orders/store/store.go":  "package store\n",
		"cmd/cart/main.go":           mainGo("example.com/shop/cmd/orders/spec", "example.com/shop/cmd/orders/store"),
		"cmd/cart/spec/spec.go":      "package spec\n",
		"cmd/users/main.go":          "package main\n\nfunc main() {}\n",
		"cmd/users/client/client.go": "package client\n",
		"cmd/billing/main.go":        mainGo("example.com/shop/cmd/users/client"),
		"cmd/reviews/main.go":        mainGo("example.com/shop/cmd/rating/pkg/model"),
		"cmd/rating/main.go":         "package main\n\nfunc main() {}\n",
		"cmd/rating/pkg/model/m.go":  "package model\n",
		"cmd/rating/internal/r.go":   "package internal\n",
	})
	m, yaml := infer(t, root)
	for svc, want := range map[string][]string{"orders": {"cmd/orders/spec"}, "users": {"cmd/users/client"}, "rating": {"cmd/rating/pkg/model"}, "cart": nil, "billing": nil, "reviews": nil} {
		if s := m.Service(svc); s == nil || !slices.Equal(s.Contracts, want) {
			t.Errorf("%s: want contracts %v\n%s", svc, want, yaml)
		}
	}
	if !strings.Contains(yaml, "# named like a public API, imported by cart") {
		t.Errorf("the contract does not say where it came from:\n%s", yaml)
	}
}

// A test harness that starts services in-process (it imports their code)
// is wiring, not shared code, also below a shared directory that only its
// tests' importers would reveal; test support that starts no service stays
// shared.
func TestTestHarnessIsWiring(t *testing.T) {
	root := write(t, map[string]string{
		"go.mod":                       "module example.com/shop\n\ngo 1.22\n",
		"services/auth/main.go":        mainGo("example.com/shop/pkg/logger"),
		"services/auth/build/build.go": "package build\n",
		"services/sales/main.go":       mainGo("example.com/shop/pkg/logger"),
		"services/sales/api_test.go":   "package main\n\nimport _ \"example.com/shop/pkg/apitest\"\n",
		"pkg/logger/logger.go":         "package logger\n",
		"pkg/apitest/apitest.go":       "package apitest\n\nimport _ \"example.com/shop/services/auth/build\"\n",
		"pkg/dbtest/dbtest.go":         "package dbtest\n\nimport _ \"example.com/shop/pkg/logger\"\n",
	})
	m, yaml := infer(t, root)
	if !slices.Equal(m.Wiring, []string{"pkg/apitest"}) || !slices.Equal(m.Shared, []string{"pkg"}) {
		t.Errorf("wiring %v shared %v, want [pkg/apitest] and [pkg]\n%s", m.Wiring, m.Shared, yaml)
	}
}

const composeShop = `services:
  orders:
    build: ./services/orders
    ports: ["18080:8080"]
    environment:
      ORDERS_DATABASE_URL: postgres://app:secret@orders-db:5432/orders
  checkout:
    build:
      context: .
      dockerfile: services/checkout/Dockerfile
    environment:
      ORDERS_URL: http://orders:8080/v1
      CACHE_ADDR: cache:6379
  reports:
    image: example/reports:1.0
    environment:
      CACHE_ADDR: cache:6379
      ORDERS_URL: http://orders:8080/v1
  orders-db:
    image: postgres:16-alpine
  cache:
    image: redis:7
`

func shopServices(extra map[string]string) map[string]string {
	files := map[string]string{
		"go.mod":                      "module example.com/shop\n\ngo 1.22\n",
		"services/orders/orders.go":   "package orders\n",
		"services/checkout/c.go":      "package checkout\n",
		"services/reports/reports.go": "package reports\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

// A workload that runs another language's code kept in the repository is
// a service too: its build directory, or the one directory named like it,
// that holds a project file and no Go code. The env keys Go services reach
// it by are its. A directory with Go code, a name two directories share
// and a workload nothing addresses make no service.
func TestOtherLanguageServices(t *testing.T) {
	root := write(t, shopServices(map[string]string{
		"docker-compose.yml": `services:
  checkout:
    build: ./services/checkout
    environment:
      PAYMENTS_URL: http://payments:3000
      FRAUD_ADDR: fraud-service:50051
      MAILER_URL: http://mailer:8025
  payments:
    build: ./node/payments
  fraud-service:
    build:
      context: .
      dockerfile: deploy/fraud/Dockerfile
  mailer:
    image: example/mailer:2
  frontend:
    build: ./web
`,
		"node/payments/package.json":     "{}\n",
		"python/fraud/pyproject.toml":    "[project]\nname = \"fraud\"\n",
		"deploy/fraud/Dockerfile":        "FROM python:3.12\n",
		"tools/mailer/package.json":      "{}\n", // two directories named mailer:
		"legacy/mailer/pom.xml":          "<project/>\n",
		"web/package.json":               "{}\n",
		"web/embed.go":                   "package web\n", // Go code: not another language's service
		"services/reports/package.json":  "{}\n",
		"batch/cleanup/requirements.txt": "requests\n",
	}))
	m, yaml := infer(t, root)
	wantOwns(t, m, map[string][]string{
		"orders":   {"services/orders"},
		"checkout": {"services/checkout"},
		"reports":  {"services/reports"},
		"payments": {"node/payments"},
		"fraud":    {"python/fraud"},
	}, yaml)
	if s := m.Service("payments"); s == nil || !slices.Equal(s.Hosts, []string{"payments"}) || !slices.Equal(s.Env, []string{"PAYMENTS_URL"}) {
		t.Errorf("payments: want hosts [payments] and env [PAYMENTS_URL]\n%s", yaml)
	}
	if s := m.Service("fraud"); s == nil || !slices.Contains(s.Hosts, "fraud-service") || !slices.Equal(s.Env, []string{"FRAUD_ADDR"}) {
		t.Errorf("fraud: want host fraud-service and env [FRAUD_ADDR]\n%s", yaml)
	}
	if !strings.Contains(yaml, "# from docker-compose.yml: compose service payments runs the package.json project in node/payments (not Go)") {
		t.Errorf("the service does not say where it came from:\n%s", yaml)
	}
}

// Compose gives hosts (service name, name:port) by build context,
// Dockerfile directory or image name; env keys other services set to a
// service's address; databases by image, owned by the one service that
// points at them, and no one's when several do.
func TestCompose(t *testing.T) {
	root := write(t, shopServices(map[string]string{"docker-compose.yml": composeShop}))
	m, yaml := infer(t, root)
	orders, checkout, reports := m.Service("orders"), m.Service("checkout"), m.Service("reports")
	if !slices.Equal(orders.Hosts, []string{"orders", "orders:8080"}) {
		t.Errorf("orders hosts %v, want [orders orders:8080]\n%s", orders.Hosts, yaml)
	}
	if !slices.Equal(checkout.Hosts, []string{"checkout"}) || !slices.Equal(reports.Hosts, []string{"reports"}) {
		t.Errorf("checkout hosts %v, reports hosts %v\n%s", checkout.Hosts, reports.Hosts, yaml)
	}
	if !slices.Equal(orders.Env, []string{"ORDERS_URL"}) {
		t.Errorf("orders env %v, want [ORDERS_URL]\n%s", orders.Env, yaml)
	}
	if len(orders.Databases) != 1 {
		t.Fatalf("orders databases %v, want orders-db\n%s", orders.Databases, yaml)
	}
	db := orders.Databases[0]
	if db.Name != "orders-db" || db.Engine != "postgres" || !slices.Equal(db.Env, []string{"ORDERS_DATABASE_URL"}) {
		t.Errorf("orders database %+v\n%s", db, yaml)
	}
	if s, d := m.DatabaseOfDSN("postgres://u:p@orders-db:5432/orders"); s != orders || d == nil {
		t.Errorf("the DSN of orders-db is not orders' database\n%s", yaml)
	}
	if strings.Contains(yaml, "secret") {
		t.Errorf("the map shows a credential:\n%s", yaml)
	}
	if s, _ := m.DatabaseOfDSN("redis://cache:6379"); s != nil {
		t.Errorf("the cache several services use is given to %s\n%s", s.Name, yaml)
	}
	if !strings.Contains(yaml, "database cache") || !strings.Contains(yaml, "is used by checkout, reports: given to none of them") {
		t.Errorf("the map does not say why the cache has no owner:\n%s", yaml)
	}
}

// An env key every service's workload sets to its own database (DB_HOST:
// orders-db in one, checkout-db in the next) names a setting, not a
// database: giving it to the first database would make every service's
// connection that database's. Each database is still its service's, by
// its host.
func TestPerWorkloadDatabaseKey(t *testing.T) {
	compose := `services:
  orders:
    build: ./services/orders
    environment:
      DB_HOST: orders-db
      DB_NAME: orders
  checkout:
    build: ./services/checkout
    environment:
      DB_HOST: checkout-db
      DB_NAME: checkout
      ORDERS_DB_URL: postgres://app:secret@orders-db:5432/orders
  orders-db:
    image: postgres:16-alpine
  checkout-db:
    image: postgres:16-alpine
`
	root := write(t, shopServices(map[string]string{"docker-compose.yml": compose}))
	m, yaml := infer(t, root)
	if s, d := m.DatabaseOfEnv("DB_HOST"); d != nil {
		t.Errorf("DB_HOST is given to %s's %s\n%s", s.Name, d.Name, yaml)
	}
	if !strings.Contains(yaml, "env key DB_HOST points at a different database in each workload: left out") {
		t.Errorf("the map does not say why DB_HOST is left out:\n%s", yaml)
	}
	if s, _ := m.DatabaseOfDSN("postgres://u:p@checkout-db:5432/checkout"); s == nil || s.Name != "checkout" {
		t.Errorf("checkout-db is not checkout's\n%s", yaml)
	}
}

const kubeOrders = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders}
  template:
    metadata:
      labels: {app: orders}
    spec:
      containers:
        - name: orders
          image: registry.example.com/shop/orders:1.2
---
apiVersion: v1
kind: Service
metadata:
  name: orders-api
  namespace: shop
spec:
  selector: {app: orders}
  ports:
    - port: 9090
`

// A Kubernetes Service that selects the workload running a service's code
// gives its hosts, namespaced ones included.
func TestKubernetesService(t *testing.T) {
	root := write(t, shopServices(map[string]string{"deploy/k8s/orders.yaml": kubeOrders}))
	m, yaml := infer(t, root)
	hosts := m.Service("orders").Hosts
	for _, want := range []string{"orders-api", "orders-api:9090", "orders-api.shop.svc.cluster.local", "orders-api.shop.svc.cluster.local:9090"} {
		if !slices.Contains(hosts, want) {
			t.Errorf("orders hosts %v lack %s\n%s", hosts, want, yaml)
		}
	}
	if !strings.Contains(yaml, "# from deploy/k8s/orders.yaml: workload orders") {
		t.Errorf("the hosts do not say where they came from:\n%s", yaml)
	}
}

// An init container of a database image is a client (waiting for the
// schema), not a database: it shares its pod's hosts, which a database
// would take from the service, and a Job's has none at all, which made a
// database without dsn or env, a map that does not load. Only the server
// that a Service addresses is a database.
func TestInitContainerIsNoDatabase(t *testing.T) {
	waitFor := `      initContainers:
        - name: wait-for-schema
          image: mysql:8.4
          args: ["until mysql -h mysql -e 'SELECT 1'; do sleep 2; done"]
`
	migrate := `apiVersion: batch/v1
kind: Job
metadata:
  name: orders-migrate
spec:
  template:
    spec:
` + waitFor + `      containers:
        - name: migrate
          image: registry.example.com/shop/orders:1.2
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  selector:
    matchLabels: {app: mysql}
  template:
    metadata:
      labels: {app: mysql}
    spec:
      containers:
        - name: mysql
          image: mysql:8.4
---
apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  selector: {app: mysql}
  ports:
    - port: 3306
`
	orders := strings.Replace(kubeOrders, "      containers:\n        - name: orders\n", waitFor+`      containers:
        - name: orders
          env:
            - {name: DB_HOST, value: mysql}
`, 1)
	root := write(t, shopServices(map[string]string{"deploy/k8s/orders.yaml": orders, "deploy/k8s/db.yaml": migrate}))
	m, yaml := infer(t, root)
	var dbs []string
	for _, s := range m.Services {
		for _, db := range s.Databases {
			dbs = append(dbs, s.Name+":"+db.Name)
		}
	}
	if !slices.Equal(dbs, []string{"orders:mysql"}) {
		t.Errorf("databases %v, want [orders:mysql]\n%s", dbs, yaml)
	}
	if !slices.Contains(m.Service("orders").Hosts, "orders-api") {
		t.Errorf("orders lost its host orders-api to its init container\n%s", yaml)
	}
}

func TestImageEngine(t *testing.T) {
	for image, want := range map[string]string{
		"postgres:16-alpine":     "postgres",
		"bitnami/postgresql:15":  "postgres",
		"mysql":                  "mysql",
		"mariadb:11@sha256:0123": "mysql",
		"mongo:latest":           "mongodb",
		"redis:7":                "redis",
		"mcr.microsoft.com/mssql/server:2022-latest": "sqlserver",
		"localhost:5000/redis":                       "redis",
		"example/orders:1.0":                         "",
		"prom/prometheus":                            "",
	} {
		if got := imageEngine(image); got != want {
			t.Errorf("imageEngine(%q) = %q, want %q", image, got, want)
		}
	}
}

func TestMentionedHost(t *testing.T) {
	hosts := []guess{{value: "orders"}, {value: "mongodb"}}
	for value, want := range map[string]string{
		"http://orders:8080/v1":          "orders",
		"orders:9090":                    "orders",
		"orders":                         "orders",
		"user:pw@tcp(orders:3306)/x":     "orders",
		"http://orders-api:8080":         "",
		"mongodb://localhost:27017":      "",
		"mongodb://mongodb:27017/app":    "mongodb",
		"http://ordersvc/":               "",
		"postgres://u:p@host/orders":     "",
		"discovery:///orders":            "orders",
		"https://api.example.com/orders": "",
	} {
		if got := mentionedHost(value, hosts); got != want {
			t.Errorf("mentionedHost(%q) = %q, want %q", value, got, want)
		}
	}
}
