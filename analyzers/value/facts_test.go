package value_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/value"
)

// TestReturnsFactGob checks that a fact survives gob, the encoding go vet
// (unitchecker) uses to pass facts between packages: every part form,
// the getenv summary's EnvParam part with a parameter default included.
func TestReturnsFactGob(t *testing.T) {
	in := &value.ReturnsFact{Results: []value.Return{
		{Index: 0, Value: value.Of(value.Part{Kind: value.EnvParam, Key: "key", Index: 0, DefaultParam: 2})},
		{Index: 1, Value: value.Concat(
			value.Lit("postgres://"),
			value.Of(value.Part{Kind: value.Param, Key: "host", Index: 1}),
			value.Of(value.Part{Kind: value.Env, Key: "PORT", Text: "5432"}),
			value.Hole("call to os.Hostname"),
			value.Of(value.Part{Kind: value.ParamField, Key: "cfg.DB.Name", Index: 2, Text: "/"}),
		)},
	}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(value.ReturnsFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if len(out.Results) != len(in.Results) {
		t.Fatalf("after gob: %d results, want %d", len(out.Results), len(in.Results))
	}
	for i := range in.Results {
		if out.Results[i].Index != in.Results[i].Index || !out.Results[i].Value.Equal(in.Results[i].Value) {
			t.Errorf("result %d after gob: %+v, want %+v", i, out.Results[i], in.Results[i])
		}
	}
}

// TestSubstEnv checks how a call site fills in a getenv summary.
func TestSubstEnv(t *testing.T) {
	getenv := value.Of(value.Part{Kind: value.EnvParam, Key: "key", Index: 0, DefaultParam: 2})
	param := func(i int, name string) value.Value {
		return value.Of(value.Part{Kind: value.Param, Key: name, Index: i})
	}
	for _, tc := range []struct {
		name      string
		key, def  value.Value
		want      string
		wantPat   string
		hasParams bool
	}{
		{"known key and default", value.Lit("ORDERS_URL"), value.Lit("http://orders"), "{env:ORDERS_URL}", "http://orders", false},
		{"known key, unknown default", value.Lit("ORDERS_URL"), value.Hole("x"), "{env:ORDERS_URL}", "*", false},
		{"key from the caller's parameter", param(3, "k"), value.Lit("http://orders"), "{env(param3:k)}", "http://orders", true},
		{"default from the caller's parameter", value.Lit("ORDERS_URL"), param(1, "d"), "{env:ORDERS_URL|default param1}", "*", true},
		{"unknown key", value.Hole("x"), value.Lit("http://orders"), "{unknown:environment variable with a computed key}", "*", false},
		{"empty key", value.Lit(""), value.Lit("http://orders"), "{unknown:environment variable with a computed key}", "*", false},
	} {
		got := getenv.Subst(func(i int) value.Value {
			switch i {
			case 0:
				return tc.key
			case 1:
				return tc.def
			}
			return value.Hole("missing argument")
		})
		if got.String() != tc.want || got.Pattern("*") != tc.wantPat || got.HasParams() != tc.hasParams {
			t.Errorf("%s: got %s (pattern %q, params %v), want %s (pattern %q, params %v)",
				tc.name, got, got.Pattern("*"), got.HasParams(), tc.want, tc.wantPat, tc.hasParams)
		}
	}
}

// TestSubstFields checks how a call site fills in the fields of a struct
// parameter that a summary reads, and what it says without them.
func TestSubstFields(t *testing.T) {
	open := value.Concat( // url.URL{Scheme: "postgres", Host: cfg.Host, Path: cfg.Name}
		value.Lit("postgres://"),
		value.Of(value.Part{Kind: value.ParamField, Key: "cfg.Host", Index: 1}),
		value.Of(value.Part{Kind: value.ParamField, Key: "cfg.Name", Index: 1, Text: "/"}),
	)
	if !open.HasParams() {
		t.Errorf("%s: HasParams is false", open)
	}
	if got, want := open.Origin(), "field Host of parameter cfg, field Name of parameter cfg"; got != want {
		t.Errorf("origin %q, want %q", got, want)
	}
	arg := func(int) value.Value { return value.Hole("whole argument") }
	for _, tc := range []struct {
		name   string
		fields map[string]value.Value
		want   string
	}{
		{"known fields", map[string]value.Value{"Host": value.Lit("orders-db"), "Name": value.Lit("orders")}, "postgres://orders-db/orders"},
		{"path already slashed", map[string]value.Value{"Host": value.Lit("orders-db"), "Name": value.Lit("/orders")}, "postgres://orders-db/orders"},
		{"env host", map[string]value.Value{"Host": value.Of(value.Part{Kind: value.Env, Key: "DB_HOST"}), "Name": value.Lit("orders")}, "postgres://{env:DB_HOST}/orders"},
		{"caller's parameter", map[string]value.Value{"Host": value.Of(value.Part{Kind: value.Param, Key: "h", Index: 0}), "Name": value.Lit("orders")}, "postgres://{param0:h}/orders"},
	} {
		got := open.SubstFields(arg, func(i int, path string) value.Value {
			if i != 1 {
				return value.Hole("wrong parameter")
			}
			return tc.fields[path]
		})
		if got.String() != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if got, want := open.Subst(arg).String(), "postgres://{unknown:field Host of parameter cfg}{unknown:field Name of parameter cfg}"; got != want {
		t.Errorf("Subst without fields: got %s, want %s", got, want)
	}
}

// TestVarFactsGob checks that the facts on package-level variables survive
// gob, as ReturnsFact does.
func TestVarFactsGob(t *testing.T) {
	in := &value.VarFact{Value: value.Concat(value.Of(value.Part{Kind: value.Env, Key: "ORDERS_URL", Text: "http://orders:8080"}), value.Lit("/v1"))}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	out := new(value.VarFact)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		t.Fatal(err)
	}
	if !out.Value.Equal(in.Value) {
		t.Errorf("after gob: %s, want %s", out.Value, in.Value)
	}
	writes := &value.WritesFact{Vars: []string{"example.com/shop/pkg/config.OrdersURL"}}
	buf.Reset()
	if err := gob.NewEncoder(&buf).Encode(writes); err != nil {
		t.Fatal(err)
	}
	gotWrites := new(value.WritesFact)
	if err := gob.NewDecoder(&buf).Decode(gotWrites); err != nil {
		t.Fatal(err)
	}
	if gotWrites.String() != writes.String() {
		t.Errorf("after gob: %s, want %s", gotWrites, writes)
	}
}
