package syncclient_test

import (
	"path/filepath"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/syncclient"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Each scenario is a fixture monorepo (a module with its couplingvet.yaml)
// whose stand-in libraries live under testdata/fakes, loaded offline.
func run(t *testing.T, scenario string) {
	t.Helper()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), scenario), syncclient.Analyzer, "./...")
}

// Wrappers come first: they are how most repos make their calls.
func TestWrappers(t *testing.T) { run(t, "wrappers") }

func TestGRPC(t *testing.T) { run(t, "grpc") }

func TestHTTP(t *testing.T) { run(t, "http") }

func TestFrameworks(t *testing.T) { run(t, "frameworks") }

// Kitex and go-zero fixtures build on the real modules (go.sum checked in)
// and on the real generators' output; each README says how it was made.
func TestKitex(t *testing.T) { run(t, "kitex") }

func TestGoZero(t *testing.T) { run(t, "gozero") }

func TestGoMicro(t *testing.T) { run(t, "micro") }

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
