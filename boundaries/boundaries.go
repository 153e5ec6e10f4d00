// Package boundaries loads, validates and queries a couplingvet boundary map
// (couplingvet.yaml, couplingvet.yml or couplingvet.toml at a repository root).
//
// The map declares which services exist, which directories each owns, the
// contract packages other services may import, the hosts, gRPC service names
// and env keys that address a service, the databases it owns, and the
// coupling the team accepts (allow rules, each with a reason).
//
// This package knows nothing of go/analysis: analyzers ask it questions about
// import paths, hosts, env keys and DSNs; cmd/couplingvet composes the two.
//
// Decoding is strict and every problem is an *Error naming file, line,
// column, the key path (services.orders.owns[1]) and a fix; Load collects
// them all into Errors. Rules the map follows where the design is silent:
//
//   - A directory may be listed once in the whole map. Nesting is allowed and
//     the most specific entry wins (services/orders/legacy may belong to
//     billing while orders owns services/orders; services/geo/proto may be a
//     contract of geo inside geo's own directory), except that a shared
//     directory may not lie inside a service's directory (make it a contract).
//   - A contract must not lie inside another service's directories.
//   - Hosts, gRPC names, env keys, database names and topics belong to one service.
//   - Allow rules need from, to, check ("*" matches anything) and a reason; an
//     expiry date is good through that day.
//   - A database shared_with a service needs an allow rule for shareddb from
//     that service to the owner or the database.
//   - Directories are relative to the map file, must exist (up to the first
//     glob segment) and may not leave the map's directory.
package boundaries

import "time"

// FileNames are the names a map may have, in the order Find prefers them.
var FileNames = []string{"couplingvet.yaml", "couplingvet.yml", "couplingvet.toml"}

// Check names, as used in allow rules, the checks table and directives.
const (
	CheckCrossImport = "crossimport"
	CheckSharedDB    = "shareddb"
	CheckSyncClient  = "syncclient"
	CheckUnowned     = "unowned"
	// CheckCycles reports services that call or import each other in a
	// circle; only a standalone run, which sees every service, can.
	CheckCycles = "cycles"
	CheckEvents = "events"
)

// Checks lists every check name the map accepts, sorted.
var Checks = []string{CheckCrossImport, CheckCycles, CheckEvents, CheckSharedDB, CheckSyncClient, CheckUnowned}

// Severity of a check: what a finding of that check does to the exit code.
type Severity string

const (
	SeverityError Severity = "error" // reported, fails the run
	SeverityWarn  Severity = "warn"  // reported, does not fail the run
	SeverityOff   Severity = "off"   // not reported
)

// Map is a loaded and validated boundary map.
type Map struct {
	File    string // absolute path of the map file
	Root    string // absolute directory of the map file; map paths are relative to it
	Digest  string // hex SHA-256 of the file's bytes
	Version int

	Shared []string // directories of code every service may import
	Wiring []string // composition roots that may import any service
	// Deploy lists where the deploy files are (docker-compose files,
	// Kubernetes manifests, Helm charts): files or directories relative to
	// Root. Empty means they are found anywhere below Root.
	Deploy   []string
	Services []*Service // sorted by name
	// External lists systems outside the map's services that its services
	// call or connect to on purpose (a payment provider, the service
	// registry): -strict does not list what reaches them.
	External []External
	Allow    []AllowRule
	Checks   map[string]Severity // every name in Checks has an entry (defaults filled in)
	Sinks    []Sink              // user-declared sinks, added to the built-in tables

	modules []Module // modules of the repository, longest module path first
	entries []entry  // every directory entry, most specific first
}

// External is a system the services reach that is none of them.
type External struct {
	Name  string
	Hosts []string // as Service.Hosts
	Line  int
}

// Service is one service of the map.
type Service struct {
	Name      string
	Owns      []string   // directories (slash-separated, relative to Root; may hold * and ...)
	Contracts []string   // directories other services may import
	Hosts     []string   // DNS names, host:port, URL prefixes, discovery names (discovery:///orders)
	GRPC      []string   // full gRPC service names (shop.orders.v1.OrderService)
	Env       []string   // env/config keys that carry this service's address
	Databases []Database // databases this service owns
	// Topics lists the topics (subjects, queues, streams) this service
	// owns: only it should publish to them. * matches any run of
	// characters ("orders.*").
	Topics []string
	Line   int // line of the service's key in the map file
}

// Database is a database a service owns.
type Database struct {
	Name       string
	Engine     string   // optional: postgres, mysql, mongodb, redis, sqlserver, clickhouse, sqlite, memcache
	DSN        []string // DSN patterns; * matches any run of characters (credentials are never compared)
	Env        []string // env/config keys that carry its DSN or address
	SharedWith []string // other services that may open it (needs a matching allow rule with a reason)
	Line       int
}

// AllowRule accepts one kind of coupling between two services.
type AllowRule struct {
	From    string // service name, or "*"
	To      string // service name (or database name for shareddb), or "*"
	Check   string // one of Checks, or "*"
	Target  string // optional narrowing: gRPC method (/pkg.Svc/Method or pkg.Svc), URL path prefix, import path prefix, database name
	Reason  string
	Expires time.Time // zero: never
	Line    int
}

// Sink is a user-declared function whose argument carries a DSN, address or URL.
type Sink struct {
	Package  string // import path
	Function string // Func, or Type.Method
	Arg      int    // 0-based argument index
	Kind     string // dsn, address, url, hostport, grpc-target
	Line     int
}

// Module is one Go module of the repository.
type Module struct {
	Path string // module path from go.mod
	Dir  string // absolute directory of go.mod
}

// Role is what a package is to the map.
type Role int

const (
	Unowned  Role = iota // no service, shared or wiring entry covers it
	Private              // owned by Service, not a contract
	Contract             // a contract of Service
	Shared               // shared code
	Wiring               // a composition root
)

// Owner says who owns a package or directory.
type Owner struct {
	Role    Role
	Service string // for Private and Contract
	Entry   string // the map entry that matched (most specific wins)
}
