package shareddb_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"golang.org/x/tools/go/analysis/analysistest"
)

// realModules prepares the fixture module in testdata/name, whose drivers
// are the real modules: they are fetched through the configured module
// proxy and checked against the fixture's go.sum. cgo is off because only
// the drivers' Go signatures matter: go-sqlite3's C would be compiled for
// nothing.
func realModules(t *testing.T, name string) string {
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("CGO_ENABLED", "0")
	t.Setenv(servicemap.EnvConfig, "")
	dir := filepath.Join(analysistest.TestData(), name)
	testtree.Download(t, dir)
	return dir
}

const password = "s3cr3t" // every fixture DSN carries it

func TestShop(t *testing.T) {
	results := analysistest.Run(t, realModules(t, "shop"), shareddb.Analyzer, "./...")

	var conns []shareddb.Connection
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, password) || strings.Contains(d.URL, password) {
				t.Errorf("diagnostic leaks the password: %s", d.Message)
			}
		}
		conns = append(conns, shareddb.Connections(r.Result)...)
	}
	for _, c := range conns {
		if strings.Contains(c.DSN, password) || strings.Contains(c.Identity, password) {
			t.Errorf("connection leaks the password: %+v", c)
		}
	}

	agg := shareddb.Aggregate(conns, false)
	if len(agg) != 1 || agg[0].Identity != "postgres://legacy-db:5432/shop" ||
		strings.Join(agg[0].Services, ",") != "checkout,orders" || len(agg[0].Sites) != 2 {
		t.Fatalf("Aggregate(strict=false) = %+v, want legacy-db opened by checkout and orders", agg)
	}
	if !strings.Contains(agg[0].Message, "checkout and orders open the same database postgres://legacy-db:5432/shop, which the map does not declare") {
		t.Errorf("aggregate message = %q", agg[0].Message)
	}

	strict := shareddb.Aggregate(conns, true)
	if len(strict) != 2 || strict[1].Identity != "postgres://localhost:5432/app" || !strict[1].Loopback ||
		!strings.Contains(strict[1].Message, "possibly share a database") {
		t.Errorf("Aggregate(strict=true) = %+v, want legacy-db and the loopback database", strict)
	}
}

func TestStrict(t *testing.T) {
	dir := realModules(t, "strict")
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	analysistest.Run(t, dir, shareddb.Analyzer, "./...")
}

// DSNs from env values in docker-compose (environment and env_file) and
// from a service's config file, with a map that names no env or config
// keys: order opens product's declared database through its config file,
// and auth, order and product share an undeclared one through compose.
func TestRuntimeValues(t *testing.T) {
	results := analysistest.Run(t, realModules(t, "runtime"), shareddb.Analyzer, "./...")
	var conns []shareddb.Connection
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, password) {
				t.Errorf("diagnostic leaks the password: %s", d.Message)
			}
		}
		conns = append(conns, shareddb.Connections(r.Result)...)
	}
	agg := shareddb.Aggregate(conns, false)
	if len(agg) != 1 || agg[0].Identity != "postgres://postgres:5432/simple_shop" || strings.Join(agg[0].Services, ",") != "auth,order,product" {
		t.Fatalf("Aggregate = %+v, want simple_shop opened by auth, order and product", agg)
	}
}

// DSNs that only the services' config files hold, read through real
// loaders (go-zero's conf.MustLoad, kratos' config, viper), each service
// with its own database beside another's. Under -strict, its own stays
// silent only when it is bound.
func TestLoaders(t *testing.T) {
	dir := realModules(t, "loaders")
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	results := analysistest.Run(t, dir, shareddb.Analyzer, "./...")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, password) {
				t.Errorf("diagnostic leaks the password: %s", d.Message)
			}
		}
	}
}
