package shareddb

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
	"github.com/couplingvet/couplingvet/analyzers/finding"
	"github.com/couplingvet/couplingvet/analyzers/servicemap"
	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
	"golang.org/x/tools/go/analysis"
)

// Analyzer is the shareddb check.
var Analyzer = &analysis.Analyzer{
	Name:       "shareddb",
	Doc:        "report services that connect to databases other services own\n\n" + shortDoc,
	URL:        "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/shareddb",
	Requires:   []*analysis.Analyzer{value.Analyzer},
	FactTypes:  []analysis.Fact{new(wrapperFact)},
	ResultType: reflect.TypeFor[*Result](),
	Run:        run,
}

const shortDoc = `A service that opens another service's database is coupled to that
service's schema, load and outages, and the coupling is invisible in the
import graph. shareddb finds database connections (database/sql, sqlx, pgx,
gorm, go-sql-driver/mysql, mongo, mgo, go-redis, gomemcache, and the sinks
the map declares), resolves their DSNs statically, also through wrapper
functions in other packages, and reports those that open a database the
boundary map gives to another service.`

// wrapperFact marks a function that passes a DSN it is given (or a fixed
// one) to a database sink; callers in other packages are reported as if
// they called the sink. See package sinks.
type wrapperFact struct{ sinks.Summary }

func (*wrapperFact) AFact() {}

// Result is what the analyzer returns for a package: the database
// connections it found, for whole-repository aggregation (Aggregate).
// It is nil for packages outside the repository.
type Result struct {
	Connections []Connection // in source order
	// Allowed are the connections an allow rule or a directive accepted,
	// for the service graph.
	Allowed []finding.Accepted
}

// Connection is one place where a package opens a database whose identity
// is known. It holds no credentials.
type Connection struct {
	Service  string         // owning service of the package; "" for shared, wiring and unowned code
	Package  string         // import path
	Pos      token.Position // where the connection is made (or the wrapper is called)
	Engine   string         // postgres, mysql, mongodb, redis, sqlserver, clickhouse, sqlite, memcache
	Host     string
	Port     string
	Database string   // database name, Redis DB number, SQLite file; "" when the DSN names none
	Identity string   // engine://host:port/database
	DSN      string   // the DSN as resolved, redacted (dsn.Redact), unknown parts as "…"
	Origin   string   // where the DSN comes from: "literal", "env ORDERS_DATABASE_URL", ..., and " = file:line" when deploy or config files gave its value
	Why      []string `json:"-"` // why deploy and config files could not complete it, for -strict
	Via      string   // wrapper chain for messages ("pkg/db.Open -> sql.Open"); "" for a direct call
	Declared string   // the map's database it matches ("" when undeclared)
	Owner    string   // the service owning Declared
}

// Connections returns the connections of an analyzer result (the value
// the checker hands out for Analyzer), or nil.
func Connections(result any) []Connection {
	if r, ok := result.(*Result); ok && r != nil {
		return r.Connections
	}
	return nil
}

// AcceptedFindings returns what allow rules and directives accepted in the
// package (nil for a nil result).
func (r *Result) AcceptedFindings() []finding.Accepted {
	if r == nil {
		return nil
	}
	return r.Allowed
}

func run(pass *analysis.Pass) (any, error) {
	view, err := servicemap.For(pass)
	if view == nil || err != nil {
		return (*Result)(nil), err
	}
	res := pass.ResultOf[value.Analyzer].(*value.Resolver)
	hits := sinks.Find(pass, res, sinks.Config{
		Table:   Sinks.ForMap(view.Map, sinks.DSN),
		NewFact: func() sinks.Fact { return new(wrapperFact) },
		Settled: settled,
		// Shared and contract code (client SDKs) pass fixed connections
		// on to their callers; a service's private code is reported here.
		ExportFixed: view.Owner.Role != boundaries.Private,
	})
	c := &checker{pass: pass, view: view, reporter: finding.NewReporter(pass, view, finding.SharedDB), now: time.Now()}
	result := &Result{}
	for _, h := range hits {
		if conn, ok := c.check(h); ok {
			result.Connections = append(result.Connections, conn)
		}
	}
	c.reporter.Finish()
	result.Allowed = c.reporter.Accepted()
	return result, nil
}

type checker struct {
	pass     *analysis.Pass
	view     *servicemap.View
	reporter *finding.Reporter
	now      time.Time
	seen     map[string]bool // position+message: one report per site
}

// check classifies one hit, reports it if it couples services, and returns
// the connection for aggregation when its database is identifiable.
func (c *checker) check(h sinks.Hit) (Connection, bool) {
	info, err := parse(sinks.Use{Kind: h.Kind, Label: h.Label, Value: h.Value})
	if err == nil && (info.Engine.Broker() || info.InMemory()) {
		// A message broker is not a database, and an in-memory SQLite
		// database is its process's alone.
		return Connection{}, false
	}
	conn := Connection{
		Service: c.service(),
		Package: c.view.Package,
		Pos:     c.pass.Fset.Position(h.Node.Pos()),
		Origin:  h.Value.Origin(),
	}
	if h.Wrapped {
		conn.Via = h.ViaIn(c.module())
	}
	if maker := c.madeBy(h); maker != "" && maker != conn.Service {
		// A literal or variable of another service's options struct:
		// that service's code opens the database this package chose.
		conn.Service = maker
		conn.Via += " -> DSN set by " + sinks.Display(c.view.Package, c.module())
	}
	v := h.Value
	owner, db := c.attribute(info, err == nil, v)
	if db == nil {
		// Not from the code alone: from the deploy and config files. Also
		// when the code's own value reads as a DSN: it may be only the
		// defaults of env keys (getEnv("DB_HOST", "localhost")) that the
		// service's workload sets to the real server.
		if b, ok := c.bind(h, v); ok {
			v, info, err, owner, db = b.value, b.info, nil, b.owner, b.db
			conn.Origin += " = " + strings.Join(b.sources, ", ")
		} else if err != nil || !info.Attributable() {
			conn.Why = b.why
		}
	}
	conn.DSN = dsn.Redact(v.Pattern(dsn.Hole))
	if err == nil {
		conn.Engine, conn.Host, conn.Port, conn.Database = string(info.Engine), info.Host, info.Port, info.Database
		conn.Identity = info.Identity()
	}
	if db != nil {
		conn.Declared, conn.Owner = db.Name, owner.Name
	}
	c.report(h, conn, db)
	return conn, err == nil && info.Attributable()
}

// A binding is a DSN as the deploy and config files complete it.
type binding struct {
	value   value.Value
	info    dsn.Info
	owner   *boundaries.Service
	db      *boundaries.Database
	sources []string
	why     []string
}

// bind completes a DSN's env and config parts with the values the deploy
// and config files give them where the service runs. Every alternative
// (compose and Kubernetes, per-environment config files) must name the
// same database: the same declared one, or the same identity.
func (c *checker) bind(h sinks.Hit, v value.Value) (binding, bool) {
	bs := value.Bind(c.view, v)
	b := binding{why: bs.Why}
	if !bs.Changed(v) {
		return b, false
	}
	for i, alt := range bs.Alternatives {
		info, err := parse(sinks.Use{Kind: h.Kind, Label: h.Label, Value: alt.Value})
		if err != nil || !info.Attributable() {
			b.why = append(b.why, "the value from "+strings.Join(alt.Sources, ", ")+" is not a DSN couplingvet can read")
			return b, false
		}
		owner, db := c.attribute(info, true, alt.Value)
		if i > 0 && (db != b.db || db == nil && info.Identity() != b.info.Identity()) {
			b.why = append(b.why, "the deploy and config files name different databases: "+strings.Join(bs.Sources(), ", "))
			return b, false
		}
		if i == 0 {
			b.value, b.info, b.owner, b.db = alt.Value, info, owner, db
		}
	}
	b.sources = bs.Sources()
	return b, true
}

// parse reads the DSN a use carries, its unknown parts as dsn.Hole, with
// the engine its label implies.
func parse(u sinks.Use) (dsn.Info, error) {
	label, _ := u.Label.Text()
	return dsn.Parse(u.Value.Pattern(dsn.Hole), dsn.EngineOfDriver(label))
}

// settled reports whether a DSN that still depends on a parameter already
// names its database (only credentials or options are parameters): it is
// judged where it is written, not at every call of its function.
func settled(u sinks.Use) bool {
	info, err := parse(u)
	return err == nil && info.Attributable() && dsn.Known(info.Database)
}

// attribute finds the declared database a connection opens: by its
// identity first, then by the env or config keys its DSN comes from.
func (c *checker) attribute(info dsn.Info, parsed bool, v value.Value) (*boundaries.Service, *boundaries.Database) {
	m := c.view.Map
	if parsed && info.Attributable() {
		if svc, db := m.DatabaseOfDSN(info.Identity()); db != nil {
			return svc, db
		}
		if svc, db := matchPatterns(m, info); db != nil {
			return svc, db
		}
	}
	for _, kind := range []value.Kind{value.Env, value.Config} {
		for _, key := range v.Keys(kind) {
			if svc, db := m.DatabaseOfEnv(key); db != nil {
				return svc, db
			}
		}
	}
	return nil, nil
}

// matchPatterns compares info with every declared DSN pattern read by
// package dsn, which knows forms (key=value, go-sql-driver) that the map's
// own matcher does not.
func matchPatterns(m *boundaries.Map, info dsn.Info) (*boundaries.Service, *boundaries.Database) {
	for _, svc := range m.Services {
		for i := range svc.Databases {
			db := &svc.Databases[i]
			for _, p := range db.DSN {
				pi, err := dsn.ParsePattern(p, dsn.EngineOfDriver(db.Engine))
				if err == nil && info.Match(pi) {
					return svc, db
				}
			}
		}
	}
	return nil, nil
}

// report reports a connection from a service to a database it does not
// own, and, under -strict, one it cannot attribute.
func (c *checker) report(h sinks.Hit, conn Connection, db *boundaries.Database) {
	from := conn.Service
	if from == "" {
		return // shared, wiring and unowned code: their callers are reported
	}
	var f finding.Finding
	switch {
	case db == nil:
		if !c.view.Strict || c.external(conn) {
			return
		}
		f = finding.Finding{
			Check:   finding.SharedDB,
			From:    from,
			Target:  targetOf(conn),
			Message: fmt.Sprintf("%s opens a database couplingvet cannot attribute to any service (%s): declare it under its owner's databases in %s (dsn or env), so that shared persistence can be checked", from, c.details(conn), c.mapName()),
		}
	case conn.Owner == from:
		return // its own database
	default:
		f = finding.Finding{
			Check:   finding.SharedDB,
			From:    from,
			To:      conn.Owner,
			Target:  db.Name,
			Message: c.message(conn, db),
		}
		if rule, ok := c.view.Map.Allowed(finding.SharedDB, from, db.Name, "", c.now); ok {
			// An allow rule naming the database rather than its owner.
			c.reporter.AcceptByRule(h.Node, f, rule)
			return
		}
	}
	key := fmt.Sprint(h.Node.Pos(), f.Message)
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.reporter.Report(h.Node, f)
}

func (c *checker) message(conn Connection, db *boundaries.Database) string {
	from, to := conn.Service, conn.Owner
	fix := fmt.Sprintf("own your data: consume %s events or call its API; or declare the sharing (databases[].shared_with + an allow rule with a reason) in %s", finding.Possessive(to), c.mapName())
	if slices.Contains(db.SharedWith, from) {
		fix = fmt.Sprintf("%s declares it shared with %s, but no allow rule accepts it: add an allow rule (from: %s, to: %s, check: shareddb) with a reason in %s", to, from, from, to, c.mapName())
	}
	return fmt.Sprintf("%s opens %s database %s (%s): shared persistence couples %s to %s schema, load and outages — %s",
		from, finding.Possessive(to), db.Name, c.details(conn), from, finding.Possessive(to), fix)
}

// details renders "postgres://***@orders-db:5432/orders, from env X, via pkg/db.Open -> sql.Open".
func (c *checker) details(conn Connection) string {
	var parts []string
	if conn.DSN != "" && conn.DSN != "…" {
		parts = append(parts, conn.DSN)
	}
	if conn.Origin == "unknown" {
		parts = append(parts, "from a value couplingvet cannot resolve")
	} else {
		parts = append(parts, "from "+conn.Origin)
	}
	if conn.Via != "" {
		parts = append(parts, "via "+conn.Via)
	}
	s := strings.Join(parts, ", ")
	if len(conn.Why) > 0 {
		s += "; " + strings.Join(conn.Why, "; ")
	}
	return s
}

// external reports whether the connection goes to an external system the
// map declares (a managed store outside every service).
func (c *checker) external(conn Connection) bool {
	if conn.Host == "" {
		return false
	}
	addr := conn.Host
	if conn.Port != "" {
		addr += ":" + conn.Port
	}
	return c.view.Map.ExternalOfHost(addr) != ""
}

// targetOf identifies an unattributed connection for baselines: its
// identity, else its redacted DSN, else its origin.
func targetOf(conn Connection) string {
	switch {
	case conn.Identity != "":
		return conn.Identity
	case conn.DSN != "" && conn.DSN != "…":
		return conn.DSN
	}
	return conn.Origin
}

// madeBy names the service whose code opens the connection when that is
// not this package's (Hit.MadeIn), or "".
func (c *checker) madeBy(h sinks.Hit) string {
	if h.MadeIn == "" {
		return ""
	}
	return c.view.Map.OwnerOfPackage(h.MadeIn).Service // "" but for a service's private or contract code
}

// service names the service that owns the package, or "" for code that
// belongs to no service.
func (c *checker) service() string {
	switch c.view.Owner.Role {
	case boundaries.Private, boundaries.Contract:
		return c.view.Owner.Service
	}
	return ""
}

func (c *checker) module() string {
	if c.pass.Module != nil {
		return c.pass.Module.Path
	}
	return ""
}

func (c *checker) mapName() string {
	if c.view.Map.File == "" {
		return "couplingvet.yaml"
	}
	return filepath.Base(c.view.Map.File)
}
