package shareddb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/dsn"
)

// A SharedDatabase is a database the map does not declare that several
// services open: shared persistence nobody has written down yet. Only a
// driver that sees every package at once (couplingvet's standalone mode)
// can find it.
type SharedDatabase struct {
	Identity string       // engine://host:port/database
	Services []string     // sorted
	Sites    []Connection // every connection to it, sorted by position
	Loopback bool         // the host is the local machine: a weaker signal
	Unnamed  bool         // the database's name or number is not known: maybe several databases of one server
	Message  string
}

// Weak reports whether the sharing is only possible: listed under strict.
func (a SharedDatabase) Weak() bool { return a.Loopback || a.Unnamed }

// Aggregate groups connections (the Connections of every package's
// Result) by database identity and returns, sorted by identity, each
// undeclared database that two or more services open. Databases on a
// loopback host (localhost, 127.0.0.1) are only "possibly shared" — every
// developer's local Postgres looks alike — and are returned only under
// strict, unless the services name the same database of their own
// (127.0.0.1:3306/kratos-mall, not .../postgres or .../test): their
// configuration then expects one schema, wherever it runs. A local
// database whose sites also share one elsewhere (a dev config beside the
// compose file) is that database again, listed only under strict. So is a
// server whose database name (or Redis DB number) is not known: the
// services may each use their own database on it.
func Aggregate(conns []Connection, strict bool) []SharedDatabase {
	groups := map[string][]Connection{}
	seen := map[string]bool{} // -test variants of a package repeat its connections
	for _, c := range conns {
		if c.Declared != "" || c.Service == "" || c.Identity == "" || c.Host == "" && c.Engine != "sqlite" {
			continue
		}
		if k := fmt.Sprint(c.Pos, c.Identity); !seen[k] {
			seen[k] = true
			groups[c.Identity] = append(groups[c.Identity], c)
		}
	}
	// A site that opens a shared database elsewhere than on the local
	// machine: its local alternative (a dev config beside the compose
	// file) is the same database in another environment, not a second one.
	sharedRemotely := map[string]bool{}
	for _, sites := range groups {
		if len(servicesOf(sites)) > 1 && !isLoopback(sites[0].Host) && !unnamed(sites[0]) {
			for _, s := range sites {
				sharedRemotely[fmt.Sprint(s.Pos)] = true
			}
		}
	}
	var out []SharedDatabase
	for id, sites := range groups {
		services := servicesOf(sites)
		if len(services) < 2 {
			continue
		}
		loopback := isLoopback(sites[0].Host) && sites[0].Engine != "sqlite" &&
			(!namedDatabase(sites[0].Database) || slices.ContainsFunc(sites, func(s Connection) bool { return sharedRemotely[fmt.Sprint(s.Pos)] }))
		a := SharedDatabase{Identity: id, Services: services, Sites: sites, Loopback: loopback, Unnamed: !loopback && unnamed(sites[0])}
		if a.Weak() && !strict {
			continue
		}
		slices.Sort(a.Services)
		slices.SortFunc(a.Sites, comparePos)
		a.Message = a.message()
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b SharedDatabase) int { return cmp.Compare(a.Identity, b.Identity) })
	return out
}

// servicesOf lists the services of sites, in order of appearance.
func servicesOf(sites []Connection) []string {
	var services []string
	for _, s := range sites {
		if !slices.Contains(services, s.Service) {
			services = append(services, s.Service)
		}
	}
	return services
}

func (a SharedDatabase) message() string {
	var where []string
	for _, s := range a.Sites {
		where = append(where, fmt.Sprintf("%s at %s:%d", s.Service, s.Pos.Filename, s.Pos.Line))
	}
	services := strings.Join(a.Services, " and ")
	if a.Loopback {
		return fmt.Sprintf("%s possibly share a database (all use %s on the local machine: %s): if it is one database, give it to one service in the map; if each runs its own, nothing to do",
			services, a.Identity, strings.Join(where, "; "))
	}
	if a.Unnamed {
		return fmt.Sprintf("%s possibly share a database (all use the server %s, which database is not known: %s): if it is one database, give it to one service in the map; if each uses its own, nothing to do",
			services, a.Identity, strings.Join(where, "; "))
	}
	return fmt.Sprintf("%s open the same database %s, which the map does not declare (%s): shared persistence couples them — give the database to one service (databases[] in the map) and let the others use its API or events, or declare the sharing with an allow rule and a reason",
		services, a.Identity, strings.Join(where, "; "))
}

// unnamed reports whether c's database name (or Redis DB number) is not
// known: two services on one server may still use two databases.
func unnamed(c Connection) bool {
	return c.Engine != "sqlite" && (strings.Contains(c.Database, dsn.Hole) || strings.Contains(c.Database, "…"))
}

// namedDatabase reports whether db names a database of the application's
// own: not a server's default or a generic name that every local setup
// has (postgres, mysql, test, a Redis DB number).
func namedDatabase(db string) bool {
	db = strings.ToLower(db)
	if db == "" || strings.Trim(db, "0123456789") == "" || strings.Contains(db, dsn.Hole) || strings.Contains(db, "…") {
		return false
	}
	switch db {
	case "postgres", "mysql", "template0", "template1", "admin", "local", "config", "sys",
		"information_schema", "performance_schema", "master", "default", "defaultdb",
		"test", "tests", "testdb", "test_db", "dev", "devdb", "development", "db", "database", "app", "example":
		return false
	}
	return true
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "::1" || host == "0.0.0.0" || strings.HasPrefix(host, "127.")
}

func comparePos(a, b Connection) int {
	return cmp.Or(
		cmp.Compare(a.Pos.Filename, b.Pos.Filename),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
	)
}
