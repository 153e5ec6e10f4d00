// Package crossimport defines an Analyzer that reports imports that cross
// a service boundary declared in the couplingvet boundary map.
//
// # Analyzer crossimport
//
// crossimport: report imports of another service's private packages
//
// In a monorepo, the cheapest way for one service to reach into another is
// an import: checkout imports services/orders/internal/store and from then
// on checkout compiles against orders' internals, breaks when orders
// refactors them, and is deployed in lock-step with it. The map
// (couplingvet.yaml) says which directories each service owns and which of
// them are its contracts (generated stubs, event types, client SDKs): the
// packages other services may import.
//
// The analyzer reports, at the import spec:
//
//   - a package of service A importing a package of service B that is not
//     one of B's contracts;
//   - shared code (a `shared:` directory) importing any service's private
//     code, because every service that imports the shared package then
//     depends on those internals;
//   - a package of service A importing shared code that reaches service B's
//     private code transitively, through other shared packages; the message
//     shows the chain, e.g.
//     services/checkout/cart -> pkg/pricing -> services/orders/internal/db.
//
// Composition roots listed under `wiring:` (an all-in-one binary that starts
// several services in one process) may import anything and are never
// reported. A service's own test packages (package p_test) belong to it.
//
// When the map sets `checks: {unowned: warn}` (or error), a package that no
// service, shared or wiring entry covers is reported once, at its package
// clause, as check "unowned": new code should be given an owner.
//
// Accepting an import: an allow rule in the map,
//
//	allow:
//	  - {from: checkout, to: orders, check: crossimport, reason: "...", expires: 2027-06-30}
//
// (narrowed with `target:` to a directory or import path prefix of the
// imported package, which for a transitive finding is the shared package),
// or a directive on the import line or the line above it:
//
//	//couplingvet:allow crossimport legacy pricing code, moves to api/orders in Q3
//
// The reason is required. This analyzer also reports directives that name
// no known check, and crossimport directives without a reason or that
// suppress nothing.
//
// # Facts
//
// A shared package that reaches private service code exports a package fact
// listing, per service reached, one shortest import chain. The fact grows
// with the number of services reached, not with the size of the repository.
package crossimport
