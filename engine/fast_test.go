package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/analyzers/suite"
	"github.com/couplingvet/couplingvet/engine"
)

// TestFastMatchesChecker runs couplingvet's analyzers over the example
// monorepos with both implementations and compares everything the
// downstream code reads: diagnostics, packages, failures and results.
func TestFastMatchesChecker(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		patterns []string
		tests    bool
	}{
		{"../testdata/shop", nil, true},
		{"../testdata/shop", nil, false},
		{"../testdata/shop", []string{"./services/..."}, true},
		{"../testdata/workspace", []string{"work"}, true},
	} {
		t.Run(fmt.Sprint(tc.dir, tc.patterns, tc.tests), func(t *testing.T) {
			dir, _ := filepath.Abs(tc.dir)
			opts := engine.Options{Dir: dir, Patterns: tc.patterns, Tests: tc.tests, Env: offline()}
			want, err := engine.Run(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			got, err := engine.RunFast(context.Background(), opts, suite.Analyzers())
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Diagnostics) == 0 {
				t.Fatal("the reference found nothing: the comparison would prove nothing")
			}
			compareResults(t, got, want)
		})
	}
}

func compareResults(t *testing.T, got, want *engine.Result) {
	t.Helper()
	diags := func(r *engine.Result) []string {
		var out []string
		for _, d := range r.Diagnostics {
			out = append(out, fmt.Sprintf("%s:%d:%d-%d:%d %s %s %s [%s] %s", d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Analyzer, d.Package, d.Category, d.Raw.URL, d.Message))
		}
		return out
	}
	if g, w := diags(got), diags(want); !slices.Equal(g, w) {
		t.Errorf("diagnostics differ:\n got: %q\nwant: %q", g, w)
	}
	pkgs := func(r *engine.Result) []string {
		var out []string
		for _, p := range r.Packages {
			mod := "<nil>"
			if p.Module != nil {
				mod = p.Module.Path + "@" + p.Module.Dir
			}
			out = append(out, fmt.Sprintf("%s %s %s %s %s results=%d failed=%d", p.ID, p.Path, p.Name, p.Dir, mod, len(p.Results), len(p.Failed)))
		}
		return out
	}
	if g, w := pkgs(got), pkgs(want); !slices.Equal(g, w) {
		t.Errorf("packages differ:\n got: %q\nwant: %q", g, w)
	}
	if g, w := fmt.Sprint(got.Failures()), fmt.Sprint(want.Failures()); g != w {
		t.Errorf("failures differ:\n got: %s\nwant: %s", g, w)
	}
	if g, w := fmt.Sprint(got.Modules), fmt.Sprint(want.Modules); g != w {
		t.Errorf("modules differ:\n got: %s\nwant: %s", g, w)
	}
	conns := func(r *engine.Result) []string {
		var out []string
		for _, pr := range r.ResultsOf(shareddb.Analyzer) {
			for _, c := range shareddb.Connections(pr.Value) {
				out = append(out, fmt.Sprintf("%s %+v", pr.Package.ID, c))
			}
		}
		return out
	}
	if g, w := conns(got), conns(want); !slices.Equal(g, w) {
		t.Errorf("shareddb connections differ:\n got: %q\nwant: %q", g, w)
	}
}
