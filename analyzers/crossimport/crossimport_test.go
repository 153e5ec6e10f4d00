package crossimport_test

import (
	"testing"

	"github.com/couplingvet/couplingvet/analyzers/crossimport"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestShop(t *testing.T) {
	analysistest.Run(t, analysistest.TestData()+"/shop", crossimport.Analyzer, "./...")
}
