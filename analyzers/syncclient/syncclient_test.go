package syncclient_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/syncclient"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each scenario is a fixture monorepo (a module with its couplingvet.yaml)
// that requires the real client libraries through the module proxy: one
// module per family, since analysistest type-checks them from source.
// They are fetched first: analysistest loads with GOPROXY=off.
func run(t *testing.T, scenario string) {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), scenario)
	if _, err := os.Stat(filepath.Join(dir, "go.sum")); err == nil {
		testtree.Download(t, dir)
	}
	analysistest.Run(t, dir, syncclient.Analyzer, "./...")
}

// Wrappers come first: they are how most repos make their calls.
func TestWrappers(t *testing.T) { run(t, "wrappers") }

func TestGRPC(t *testing.T) { run(t, "grpc") }

func TestHTTP(t *testing.T) { run(t, "http") }

// Kitex and go-zero fixtures build on the real modules (go.sum checked in)
// and on the real generators' output; each README says how it was made.
func TestKitex(t *testing.T) { run(t, "kitex") }

func TestGoZero(t *testing.T) { run(t, "gozero") }

func TestGoMicro(t *testing.T) { run(t, "micro") }

// Dapr service invocation, by the go-sdk and by the sidecar's HTTP API:
// the app-id names the callee, the host is the caller's own sidecar.
func TestDapr(t *testing.T) { run(t, "dapr") }

// Packages with tests are analysed with them too ("p [p.test]", as go vet
// does): what the tests assign does not change what production code calls.
func TestTests(t *testing.T) { run(t, "tests") }

// With -strict, calls that no service of the map claims are listed (and
// calls to self still are not).
func TestStrict(t *testing.T) {
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	run(t, "strict")
}

// Each service keeps a copy of every API's generated code (real protoc
// output on the real grpc module): the stub's package is the caller's own,
// so its gRPC name says who is called; a dial whose connection feeds a
// stub is part of that one call.
func TestCopiedStubs(t *testing.T) { run(t, "copied") }

// Addresses from env variables that docker-compose, .env and Kubernetes
// manifests set for the service's containers, and from the service's
// config file, with a map that names no env or config keys. Under
// -strict, a call they leave unattributed says why.
func TestRuntimeValues(t *testing.T) {
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	run(t, "runtime")
}

// Each real config loader as services use it (go-zero's conf.MustLoad,
// viper, koanf, kratos' config, yaml.v3, BurntSushi/toml, encoding/json):
// the address is only in the service's own config file. Under -strict, a
// negative (the service itself, an external API) stays silent only when it
// is bound too.
func TestLoaders(t *testing.T) {
	servicemap.Strict = true
	defer func() { servicemap.Strict = false }()
	run(t, "loaders")
}
