package report

import (
	"cmp"
	"slices"
)

// AllowedCoupling is coupling that an allow rule of the map or a
// //couplingvet:allow directive accepts. It is not a finding: no format
// lists it, no baseline records it and it never changes the exit code. The
// service graph draws it (dashed, with its reason), and it counts towards
// service cycles, because an allow rule accepts an edge, not a cycle.
type AllowedCoupling struct {
	Check   string // crossimport, shareddb or syncclient
	From    string // service of the package ("shared", or "" when unowned)
	To      string // service or database reached
	Target  string // import path, redacted DSN or database, URL, gRPC method
	Package string // import path of the package
	File    string // absolute path of the file
	Line    int
	Column  int
	Reason  string // the allow rule's or the directive's reason
	By      string // what accepted it: "couplingvet.yaml:57" (an allow rule) or "//couplingvet:allow"
}

// preparedAllowed returns a sorted, de-duplicated (test variants report the
// same site twice) copy of as, credentials masked.
func preparedAllowed(as []AllowedCoupling) []AllowedCoupling {
	out := make([]AllowedCoupling, len(as))
	for i, a := range as {
		a.Target = RedactCredentials(a.Target)
		a.Reason = RedactCredentials(a.Reason)
		a.Package = basePackage(a.Package)
		out[i] = a
	}
	slices.SortFunc(out, compareAllowed)
	return slices.Compact(out)
}

func compareAllowed(a, b AllowedCoupling) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Check, b.Check), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
		cmp.Compare(a.Target, b.Target), cmp.Compare(a.Package, b.Package),
		cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.By, b.By),
	)
}
