package sinks_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

type testFact struct{ sinks.Summary }

func (*testFact) AFact() {}

var table = sinks.NewTable(
	sinks.Call("example.com/sinkstest/lib", "Client.Dial", 0, sinks.URL, ""),
	sinks.Call("example.com/sinkstest/lib", "Connect", 0, sinks.URL, ""),
	sinks.Call("example.com/sinkstest/lib", "Generic", 1, sinks.URL, ""),
	sinks.Call("example.com/sinkstest/lib", "Box.Open", 0, sinks.URL, ""),
	sinks.Literal("example.com/sinkstest/lib", "Options", "redis://{Addr}/{DB}", sinks.URL, ""),
	sinks.Literal("example.com/sinkstest/lib", "Options", "{Addrs}", sinks.URL, ""),
)

// testAnalyzer reports every hit with its chain and value, and exports
// facts for every wrapper (fixed ones too in package wrap, as for shared code).
var testAnalyzer = &analysis.Analyzer{
	Name:      "sinkstest",
	Doc:       "reports sink hits",
	Requires:  []*analysis.Analyzer{value.Analyzer},
	FactTypes: []analysis.Fact{new(testFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[value.Analyzer].(*value.Resolver)
		hits := sinks.Find(pass, res, sinks.Config{
			Table:       table,
			NewFact:     func() sinks.Fact { return new(testFact) },
			ExportFixed: strings.HasSuffix(pass.Pkg.Path(), "/wrap"), // as for shared code
		})
		for _, h := range hits {
			if s, ok := h.Value.Text(); ok && s != "" {
				pass.Reportf(h.Node.Pos(), "hit %s %s=%s", h.Via(), h.Kind, s)
			}
		}
		return nil, nil
	},
}

func TestFind(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "sinkstest"), testAnalyzer, "./...")
}

func TestDisplay(t *testing.T) {
	chain := []string{"example.com/shop/pkg/db.Open", "example.com/other/x.F", "sql.Open"}
	if got, want := sinks.DisplayChain(chain, "example.com/shop"), "pkg/db.Open -> example.com/other/x.F -> sql.Open"; got != want {
		t.Errorf("DisplayChain = %q, want %q", got, want)
	}
}

func TestFromMapAndNames(t *testing.T) {
	entries := sinks.FromMap([]boundaries.Sink{
		{Package: "example.com/shop/pkg/dbx", Function: "Dial", Arg: 1, Kind: "dsn"},
		{Package: "example.com/shop/pkg/http", Function: "Client.Get", Arg: 0, Kind: "url"},
	}, sinks.DSN)
	if len(entries) != 1 || entries[0].Func != "Dial" || entries[0].Arg != 1 || entries[0].LabelArg != sinks.NoArg {
		t.Fatalf("FromMap kept %+v, want only the dsn sink", entries)
	}
	for path, want := range map[string]string{
		"github.com/redis/go-redis/v9": "redis.Options{Addr}",
		"gopkg.in/mgo.v2":              "mgo.Options{Addr}",
		"resty.dev/v3":                 "resty.Options{Addr}",
		"database/sql":                 "sql.Options{Addr}",
	} {
		if got := sinks.Literal(path, "Options", "{Addr}", sinks.DSN, "").Name(); got != want {
			t.Errorf("Name of a literal sink in %s = %q, want %q", path, got, want)
		}
	}
}

func TestForMap(t *testing.T) {
	base := sinks.NewTable(sinks.Call("database/sql", "Open", 1, sinks.DSN, "sql.Open"))
	m := &boundaries.Map{Sinks: []boundaries.Sink{
		{Package: "example.com/shop/pkg/dbx", Function: "Dial", Arg: 1, Kind: "dsn"},
		{Package: "example.com/shop/pkg/http", Function: "Get", Arg: 0, Kind: "url"},
	}}
	funcs := func(tab *sinks.Table) []string {
		var out []string
		for _, e := range tab.Entries() {
			out = append(out, e.Package+"."+e.Func)
		}
		return out
	}
	dsn := base.ForMap(m, sinks.DSN)
	if got, want := strings.Join(funcs(dsn), " "), "database/sql.Open example.com/shop/pkg/dbx.Dial"; got != want {
		t.Errorf("ForMap(m, dsn) entries = %s, want %s", got, want)
	}
	if again := base.ForMap(m, sinks.DSN); again != dsn {
		t.Error("ForMap built the table again for the same map and kinds")
	}
	if all := base.ForMap(m); all == dsn || len(all.Entries()) != 3 {
		t.Errorf("ForMap(m) with no kinds = %v, want all three entries in a table of its own", funcs(all))
	}
	if other := base.ForMap(&boundaries.Map{}, sinks.DSN); other == dsn || len(other.Entries()) != 1 {
		t.Errorf("ForMap of another map = %v, want only the base entry", funcs(other))
	}
	if got := funcs(base); len(got) != 1 {
		t.Errorf("ForMap changed the base table: %v", got)
	}
}

// TestFactGob checks that a wrapper fact survives gob, the encoding go vet
// (unitchecker) uses to pass facts between packages.
func TestFactGob(t *testing.T) {
	in := &testFact{sinks.Summary{Uses: []sinks.Use{{
		Kind:  sinks.DSN,
		Label: value.Lit("postgres"),
		Value: value.Concat(value.Lit("postgres://"), value.Of(value.Part{Kind: value.Param, Key: "host", Index: 1}), value.Lit("/orders")),
		Chain: []string{"example.com/shop/pkg/db.Open", "sql.Open"},
	}}}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(testFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), in.String(); got != want || got == "" {
		t.Errorf("after gob: %q, want %q", got, want)
	}
}
