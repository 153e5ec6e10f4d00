package value_test

import (
	"strings"
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/internal/testtree"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// showAnalyzer reports the resolved value of the argument of every call to
// a function named show, so that fixtures state expectations with // want.
var showAnalyzer = &analysis.Analyzer{
	Name:     "show",
	Doc:      "reports resolved values of show(x) arguments",
	Requires: []*analysis.Analyzer{value.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[value.Analyzer].(*value.Resolver)
		for _, arg := range showArguments(pass.Files) {
			v := res.Resolve(arg)
			msg := v.String() + " origin=" + v.Origin()
			if p := v.Pattern("*"); !v.Known() && !strings.Contains(p, "*") {
				msg += " pattern=" + p
			}
			pass.Reportf(arg.Pos(), "%s", msg)
		}
		return nil, nil
	},
}

// realModules prepares testdata/valuetest, which imports the real viper:
// its modules are fetched through the configured module proxy and checked
// against the fixture's go.sum.
func realModules(t *testing.T) {
	t.Setenv("GOFLAGS", "-mod=readonly")
	testtree.Download(t, analysistest.TestData()+"/valuetest")
}

// TestResolve checks resolved values in package a and, through the facts
// of package config (analysed as a dependency), in package svc.
func TestResolve(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./a", "./svc")
}

// TestFlags checks flags defined with package flag, pflag and cobra.
func TestFlags(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./flags")
}

// TestResolveWithTests checks that the production files of package
// overridden resolve the same in its test variant ("overridden
// [overridden.test]", which analysistest loads too) as alone, though its
// test overrides what they read, and that the test sees its overrides.
func TestResolveWithTests(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./overridden")
}

// TestFacts checks which functions of the shared package config get a
// ReturnsFact, and what it says.
func TestFacts(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", value.Analyzer, "./config")
}

// TestResolveConfigFields checks that fields of configuration structs
// declared in another package resolve to ConfigField parts named for
// messages.
func TestResolveConfigFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./confread")
}

// TestConfParse checks fields of structs that github.com/ardanlabs/conf
// fills from the environment or the tags' defaults.
func TestConfParse(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./confparse")
}

// TestPackageVariables checks which string variables of package topics
// get a VarFact, which package writes another's variables (WritesFact),
// and how package reader resolves them from both.
func TestPackageVariables(t *testing.T) {
	analysistest.Run(t, analysistest.TestData()+"/valuetest", value.Analyzer, "./topics", "./topicwriter")
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./reader")
}

// TestFieldFacts: package svc reads config.Services' fields from their
// facts (TestResolve); package fieldwriter writes one of them itself, and
// resolves that one without the fact.
func TestFieldFacts(t *testing.T) {
	realModules(t)
	analysistest.Run(t, analysistest.TestData()+"/valuetest", showAnalyzer, "./fieldwriter", "./fielddecoder")
}
