package finding_test

import (
	"go/token"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/finding"
	"golang.org/x/tools/go/analysis"
)

type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

func TestDecodeRoundTrip(t *testing.T) {
	for _, f := range []finding.Finding{
		{Check: finding.CrossImport, From: "checkout", To: "orders", Target: "example.com/shop/services/orders/store", Message: "m"},
		{Check: finding.SyncClient, From: "checkout", To: "orders", Target: "http://orders:8080/v1/orders?x=1&y=2#f", Message: "m"},
		{Check: finding.SharedDB, From: "shared", To: "a, b", Target: "postgres://***@db:5432/x y", Message: "m"},
		{Check: finding.Unowned, Target: "example.com/shop/tools/seed", Message: "m"},
		{Check: finding.Directive, From: "checkout", Message: "m"},
	} {
		d := f.Diagnostic(span{1, 2})
		if d.Category != f.Check || d.Message != f.Message || d.Pos != 1 || d.End != 2 {
			t.Errorf("Diagnostic(%+v) = %+v", f, d)
		}
		got, ok := finding.Decode(d)
		if !ok || got != f {
			t.Errorf("Decode(Diagnostic(%+v)) = %+v, %v", f, got, ok)
		}
	}
}

func TestDecodeForeign(t *testing.T) {
	for _, url := range []string{"", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/printf", "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/crossimport"} {
		if f, ok := finding.Decode(analysis.Diagnostic{URL: url}); ok {
			t.Errorf("Decode(%q) = %+v, want false", url, f)
		}
	}
}

func TestPossessive(t *testing.T) {
	for name, want := range map[string]string{"orders": "orders'", "geo": "geo's", "payments": "payments'", "checkout": "checkout's"} {
		if got := finding.Possessive(name); got != want {
			t.Errorf("Possessive(%q) = %q, want %q", name, got, want)
		}
	}
}
