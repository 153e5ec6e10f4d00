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
