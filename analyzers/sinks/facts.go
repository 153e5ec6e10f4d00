package sinks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"golang.org/x/tools/go/analysis"
)

// A Use is one value that a function passes to a sink, as its callers see
// it: Value may hold value.Param parts, which a call site replaces by its
// arguments (value.Value.Subst). A Use without parameters is a fixed
// connection the function always makes (a client SDK with a default host).
type Use struct {
	Kind  Kind
	Label value.Value // the entry's label, or the value of its label argument
	Value value.Value
	Chain []string // from the summarised function's callee down to the sink: "example.com/shop/pkg/db.connect", "sql.Open"
	// MadeIn is the path of the package whose code makes the call, when
	// it is not the package where the use is found: a method of an
	// imported struct type whose fields the use's literal sets (see
	// Config and the type facts in find.go). "" otherwise.
	MadeIn string
}

// Via renders the chain: "db.connect -> sql.Open".
func (u Use) Via() string { return strings.Join(u.Chain, " -> ") }

func (u Use) key() string {
	return string(u.Kind) + "\x00" + u.Label.String() + "\x00" + u.Value.String() + "\x00" + u.Via() + "\x00" + u.MadeIn
}

// Summary is what a function does with connection targets: the payload of
// each analyzer's wrapper fact. On an exported struct type, it lists what
// the type's methods do with its exported fields, which only importing
// packages set: the uses' Field parts are filled at their literals. Analyzers embed it in their own fact type
// (see the package documentation); Summary's SinkSummary method makes that
// type a Fact.
type Summary struct {
	Uses []Use // sorted, without duplicates
}

// SinkSummary returns s. Promoted through embedding, it lets this package
// read and write any analyzer's wrapper fact.
func (s *Summary) SinkSummary() *Summary { return s }

// String lists the uses, for fact listings and analysistest's "fact" wants:
// "dsn(postgres) {param0:dsn} via sql.Open".
func (s *Summary) String() string {
	var parts []string
	for _, u := range s.Uses {
		label := ""
		if len(u.Label.Parts) > 0 {
			label = "(" + u.Label.String() + ")"
		}
		// Facts are printed by analysistest and debugging drivers: no credentials.
		part := fmt.Sprintf("%s%s %s via %s", u.Kind, label, dsn.Redact(u.Value.String()), u.Via())
		if u.MadeIn != "" {
			part += " in " + u.MadeIn
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// add adds u unless it is already there; it reports whether it added.
func (s *Summary) add(u Use) bool {
	k := u.key()
	i, found := slices.BinarySearchFunc(s.Uses, k, func(x Use, k string) int { return cmp.Compare(x.key(), k) })
	if found {
		return false
	}
	s.Uses = slices.Insert(s.Uses, i, u)
	return true
}

// Fact is the interface every analyzer's wrapper fact type satisfies by
// embedding Summary.
type Fact interface {
	analysis.Fact
	SinkSummary() *Summary
}
