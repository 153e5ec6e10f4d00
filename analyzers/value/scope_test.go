package value_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/value"
	"golang.org/x/tools/go/packages"
)

// TestTestFilesUnseen resolves every show(x) argument of package
// overridden's production file in the package alone and in its test
// variant (with its _test.go files, as go vet analyses it), whose test
// overrides what the production file reads: the answers must be the same.
// Resolved by New, which does not know which files are tests, the variant
// takes the tests' writes for production ones: that shows the fixture
// overrides enough to tell.
func TestTestFilesUnseen(t *testing.T) {
	realModules(t)
	const path = "example.com/valuetest/overridden"
	pkgs := load(t, "./overridden", true)
	var alone, variant *packages.Package
	for _, pkg := range pkgs {
		switch pkg.ID {
		case path:
			alone = pkg
		case path + " [" + path + ".test]":
			variant = pkg
		}
	}
	if alone == nil || variant == nil {
		t.Fatalf("want %s and its test variant, loaded %v", path, pkgs)
	}

	// resolve maps the position of each show(x) argument to its value, in
	// production files and in test files.
	resolve := func(pkg *packages.Package, r *value.Resolver) (prod, test map[string]string) {
		prod, test = make(map[string]string), make(map[string]string)
		for _, arg := range showArguments(pkg.Syntax) {
			pos := pkg.Fset.Position(arg.Pos())
			vals := prod
			if strings.HasSuffix(pos.Filename, "_test.go") {
				vals = test
			}
			vals[pos.String()] = r.Resolve(arg).String()
		}
		return prod, test
	}
	want, _ := resolve(alone, value.NewWithFileSet(alone.Fset, alone.TypesInfo, alone.Syntax))
	if len(want) < 6 {
		t.Fatalf("%d show(x) calls in production files; the test needs them all", len(want))
	}
	scoped := value.NewWithFileSet(variant.Fset, variant.TypesInfo, variant.Syntax)
	got, inTests := resolve(variant, scoped)
	for pos, w := range want {
		if got[pos] != w {
			t.Errorf("%s: resolves to %s with the tests in the package, %s without", pos, got[pos], w)
		}
	}
	// The test sees its own overrides.
	if len(inTests) == 0 {
		t.Fatal("no show(x) call in the test file")
	}
	for pos, v := range inTests {
		if !strings.HasPrefix(v, "{unknown:") {
			t.Errorf("%s: resolves to %s in the test, which overrides it", pos, v)
		}
	}
	for _, arg := range showArguments(variant.Syntax) {
		inTest := strings.HasSuffix(variant.Fset.Position(arg.Pos()).Filename, "_test.go")
		if scoped.InTestFile(arg.Pos()) != inTest {
			t.Errorf("%s: InTestFile is %v", variant.Fset.Position(arg.Pos()), !inTest)
		}
	}
	if blind, _ := resolve(variant, value.New(variant.TypesInfo, variant.Syntax)); maps.Equal(blind, want) {
		t.Errorf("the tests' writes change nothing when counted everywhere: the fixture does not test the scopes")
	}
}
