// Command noopvet is the baseline of couplingvet's benchmarks: a go vet
// tool whose analyzers do nothing, with the shape that decides what go vet
// costs.
//
//	go vet -vettool=$(command -v noopvet) ./...
//
// go vet's cost depends on the shape of the analyzers more than on their
// work: an analyzer that declares fact types makes every driver run it on
// every dependency, the standard library included, and serialise its facts
// between packages. couplingvet's analyzers are of both kinds, so noopvet
// has one fact-free analyzer and one that declares a package fact (and
// exports none). The time couplingvet takes beyond noopvet is its own
// overhead.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// packageFact is declared, never exported: declaring it is what makes the
// drivers run factFull on dependencies.
type packageFact struct{}

func (*packageFact) AFact()         {}
func (*packageFact) String() string { return "noop" }

var factFree = &analysis.Analyzer{
	Name: "noopfree",
	Doc:  "noopfree does nothing on the analysed packages only",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

var factFull = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "noopfacts does nothing on every package, dependencies included, because it declares a fact type",
	FactTypes: []analysis.Fact{new(packageFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { unitchecker.Main(factFree, factFull) }
