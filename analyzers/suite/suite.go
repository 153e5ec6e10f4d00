// Package suite lists couplingvet's analyzers, so that every driver (the
// couplingvet binary in both its modes, the golangci-lint plugin) runs the
// same set.
package suite

import (
	"github.com/couplingvet/couplingvet/analyzers/crossimport"
	"github.com/couplingvet/couplingvet/analyzers/events"
	"github.com/couplingvet/couplingvet/analyzers/shareddb"
	"github.com/couplingvet/couplingvet/analyzers/syncclient"
	"golang.org/x/tools/go/analysis"
)

// Analyzers returns couplingvet's analyzers, in a fixed order. Analyzers
// they require (value resolution, sink facts) run as their prerequisites
// and are not listed.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		crossimport.Analyzer,
		shareddb.Analyzer,
		syncclient.Analyzer,
		events.Analyzer,
	}
}
