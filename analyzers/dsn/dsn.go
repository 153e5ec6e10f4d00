// Package dsn reads database connection strings — URLs, key=value lists,
// go-sql-driver/mysql DSNs, bare host:port addresses — well enough to say
// which database they name, and masks their credentials.
//
// A database's identity is its engine, host, port and database name
// (Info.Identity); credentials never take part. Every message couplingvet
// prints shows a DSN through Redact.
//
// Values resolved statically are often partly unknown: the host may be a
// literal while the password comes from the environment. Callers render
// unknown parts as Hole; a component that contains a Hole is unknown, and
// Redact shows each Hole as "…".
//
// Parsing never panics: a string it cannot read is an error.
package dsn

import (
	"errors"
	"net/url"
	"slices"
	"strings"
)

// Hole stands for an unknown part of a DSN (value.Value.Pattern(dsn.Hole)).
const Hole = "\x00"

// Engine is a database engine, or a message broker (not a database).
type Engine string

const (
	Unknown    Engine = ""
	Postgres   Engine = "postgres"
	MySQL      Engine = "mysql"
	MongoDB    Engine = "mongodb"
	Redis      Engine = "redis"
	SQLServer  Engine = "sqlserver"
	ClickHouse Engine = "clickhouse"
	SQLite     Engine = "sqlite"
	Memcache   Engine = "memcache"
	AMQP       Engine = "amqp" // a broker: recognised so that it is not taken for a database
)

// Broker reports whether e is a message broker rather than a database.
func (e Engine) Broker() bool { return e == AMQP }

// DefaultPort is the port an engine listens on unless told otherwise.
func (e Engine) DefaultPort() string {
	return defaultPorts[e]
}

var defaultPorts = map[Engine]string{
	Postgres: "5432", MySQL: "3306", MongoDB: "27017", Redis: "6379",
	SQLServer: "1433", ClickHouse: "9000", Memcache: "11211", AMQP: "5672",
}

// EngineOfDriver maps a database/sql driver name (sql.Open's first
// argument) or a label to an engine; Unknown when it does not know it.
func EngineOfDriver(name string) Engine {
	switch strings.ToLower(name) {
	case "postgres", "postgresql", "pgx", "pgx/v4", "pgx/v5", "cloudsqlpostgres", "nrpostgres", "pq":
		return Postgres
	case "mysql", "mariadb", "nrmysql":
		return MySQL
	case "mongodb", "mongo":
		return MongoDB
	case "redis":
		return Redis
	case "sqlserver", "mssql", "azuresql":
		return SQLServer
	case "clickhouse", "chhttp":
		return ClickHouse
	case "sqlite", "sqlite3", "libsql":
		return SQLite
	case "memcache", "memcached":
		return Memcache
	case "amqp", "rabbitmq":
		return AMQP
	}
	return Unknown
}

// Info is what a DSN says about the database it names.
type Info struct {
	Engine   Engine
	Host     string   // lower-case host (the first, for multi-host DSNs); may contain Hole
	Port     string   // the engine's default port when the DSN gives none
	Database string   // database name, Redis DB number, SQLite file path; "" when not given
	Hosts    []string // every host:port of a multi-host DSN, in order
}

// Known reports whether a component (Host, Port, Database) is fully known.
func Known(component string) bool { return !strings.Contains(component, Hole) }

// Identity renders the database's identity, without credentials:
// "postgres://orders-db:5432/orders". Unknown parts show as "…".
func (i Info) Identity() string {
	if i.Engine == SQLite {
		return strings.ReplaceAll("sqlite:"+i.Database, Hole, "…")
	}
	var b strings.Builder
	b.WriteString(string(i.Engine))
	b.WriteString("://")
	b.WriteString(i.Host)
	if i.Port != "" {
		b.WriteString(":" + i.Port)
	}
	if i.Database != "" {
		b.WriteString("/" + i.Database)
	}
	return strings.ReplaceAll(b.String(), Hole, "…")
}

// Attributable reports whether i names a database precisely enough to
// compare with another: a known engine and a fully known host (or, for
// SQLite, a known file).
func (i Info) Attributable() bool {
	if i.Engine == Unknown || i.Engine.Broker() {
		return false
	}
	if i.Engine == SQLite {
		return i.Database != "" && Known(i.Database)
	}
	return i.Host != "" && Known(i.Host) && Known(i.Port)
}

// Loopback reports whether the host is the local machine.
func (i Info) Loopback() bool {
	switch i.Host {
	case "localhost", "127.0.0.1", "::1", "0.0.0.0", "":
		return i.Engine != SQLite
	}
	return strings.HasPrefix(i.Host, "127.")
}

// Same reports whether i and j name the same database: same engine, host,
// port and database name, all known. An empty database name on either side
// matches any (the engine's default database).
func (i Info) Same(j Info) bool {
	if !i.Attributable() || !j.Attributable() || i.Engine != j.Engine {
		return false
	}
	if i.Host != j.Host || i.Port != j.Port {
		return false
	}
	if i.Database == "" || j.Database == "" {
		return true
	}
	return i.Database == j.Database && Known(i.Database)
}

// Match reports whether i is matched by pattern, a DSN read from the
// boundary map in which * matches any run of characters within a
// component. A pattern's empty database matches any database; an unknown
// component of i matches only a pattern component that is exactly "*".
func (i Info) Match(pattern Info) bool {
	if pattern.Engine != Unknown && i.Engine != Unknown && pattern.Engine != i.Engine {
		return false
	}
	return matchComponent(pattern.Host, i.Host) &&
		matchComponent(pattern.Port, i.Port) &&
		(pattern.Database == "" || matchComponent(pattern.Database, i.Database))
}

func matchComponent(pattern, s string) bool {
	if pattern == "*" {
		return true
	}
	if !Known(s) {
		return false
	}
	return glob(pattern, s)
}

// glob matches s against pattern where * matches any run of characters.
func glob(pattern, s string) bool {
	star, rest, found := strings.Cut(pattern, "*")
	if !found {
		return pattern == s
	}
	if !strings.HasPrefix(s, star) {
		return false
	}
	s = s[len(star):]
	if !strings.Contains(rest, "*") {
		return strings.HasSuffix(s, rest)
	}
	for k := 0; k <= len(s); k++ {
		if glob(rest, s[k:]) {
			return true
		}
	}
	return false
}

// ErrNotDSN says that a string is not a connection string this package can read.
var ErrNotDSN = errors.New("not a connection string couplingvet can read")

// Parse reads s. hint is the engine the sink implies (sql.Open's driver,
// a Redis or Mongo client taking a bare address), or Unknown; a scheme in s
// takes precedence over it.
func Parse(s string, hint Engine) (Info, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == Hole {
		return Info{}, ErrNotDSN
	}
	if scheme, rest, ok := cutScheme(s); ok {
		return parseURL(scheme, rest, hint)
	}
	switch {
	case hint == SQLite || strings.HasPrefix(s, "file:") || isSQLiteFile(s):
		return parseSQLite(s), nil
	case hint == MySQL || looksLikeGoMySQL(s):
		return parseGoMySQL(s)
	case strings.Contains(s, "="):
		return parseKeyValue(s, hint)
	case hint != Unknown:
		return parseAddrs(s, hint)
	}
	return Info{}, ErrNotDSN
}

// ParsePattern reads a DSN pattern of the map (databases[].dsn) like
// Parse, except that a libpq or ADO key=value pattern that leaves out the
// host or the port matches any: "* dbname=orders *" names a database on
// whatever server, where the same text as a connection string would
// connect to localhost:5432.
func ParsePattern(p string, hint Engine) (Info, error) {
	info, err := Parse(p, hint)
	if err != nil || info.Engine == SQLite {
		return info, err
	}
	if _, _, isURL := cutScheme(strings.TrimSpace(p)); isURL || !strings.Contains(p, "=") || looksLikeGoMySQL(p) {
		return info, nil
	}
	pairs := keyValues(p)
	if !hasAny(pairs, "host", "hostaddr", "server", "data source", "address", "addr", "network address") {
		info.Host, info.Hosts = "*", nil
	}
	if !hasAny(pairs, "port") && !strings.Contains(pairs["server"], ",") {
		info.Port = "*"
	}
	return info, nil
}

func hasAny(pairs map[string]string, keys ...string) bool {
	for _, k := range keys {
		if _, ok := pairs[k]; ok {
			return true
		}
	}
	return false
}

// cutScheme splits "scheme://rest". The scheme may be a Hole-free word
// made of letters, digits, '+', '-' and '.'.
func cutScheme(s string) (scheme, rest string, ok bool) {
	scheme, rest, ok = strings.Cut(s, "://")
	if !ok || scheme == "" {
		return "", "", false
	}
	for _, c := range scheme {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return "", "", false
		}
	}
	return strings.ToLower(scheme), rest, true
}

func engineOfScheme(scheme string, hint Engine) Engine {
	switch scheme {
	case "postgres", "postgresql", "pgx":
		return Postgres
	case "mysql", "mariadb":
		return MySQL
	case "mongodb", "mongodb+srv":
		return MongoDB
	case "redis", "rediss", "redis-sentinel", "valkey", "valkeys":
		return Redis
	case "sqlserver", "mssql":
		return SQLServer
	case "clickhouse":
		return ClickHouse
	case "amqp", "amqps":
		return AMQP
	case "sqlite", "sqlite3":
		return SQLite
	case "memcache", "memcached":
		return Memcache
	case "tcp", "http", "https":
		if hint == ClickHouse {
			return ClickHouse
		}
	}
	return hint
}

// parseURL reads scheme://[userinfo@]host[:port][,host2...][/path][?query].
func parseURL(scheme, rest string, hint Engine) (Info, error) {
	engine := engineOfScheme(scheme, hint)
	if engine == Unknown {
		return Info{}, ErrNotDSN
	}
	if engine == SQLite {
		return parseSQLite(rest), nil
	}
	authority, path, query := splitURL(rest)
	info := Info{Engine: engine}
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		authority = authority[at+1:]
	}
	if err := info.setHosts(authority, scheme != "mongodb+srv"); err != nil {
		return Info{}, err
	}
	info.Database = unescape(strings.Trim(path, "/"))
	params := parseQuery(query)
	switch engine {
	case SQLServer, ClickHouse:
		if db := params["database"]; db != "" {
			info.Database = db
		}
		if engine == SQLServer && info.Database != "" && params["database"] == "" {
			info.Database = "" // sqlserver://host/instance: the path names an instance
		}
	case Postgres:
		if db := params["dbname"]; db != "" {
			info.Database = db
		}
	case Redis:
		if info.Database == "" {
			info.Database = "0"
		}
	case MongoDB:
		// The path names the default database; several services may
		// share a cluster with different databases.
	}
	return info, nil
}

// splitURL splits what follows "://" into authority, path and query. The
// authority ends at the first '/' after the last '@' that precedes the
// path; userinfo characters are percent-encoded in a well-formed URL.
func splitURL(rest string) (authority, path, query string) {
	if i := strings.IndexAny(rest, "#"); i >= 0 {
		rest = rest[:i]
	}
	beforeQuery, query, _ := strings.Cut(rest, "?")
	start := 0
	if at := strings.LastIndex(beforeQuery, "@"); at >= 0 {
		start = at + 1
	}
	if slash := strings.IndexByte(beforeQuery[start:], '/'); slash >= 0 {
		return beforeQuery[:start+slash], beforeQuery[start+slash:], query
	}
	return beforeQuery, "", query
}

// setHosts records a comma-separated list of host[:port] addresses.
func (i *Info) setHosts(list string, defaultPort bool) error {
	for _, addr := range strings.Split(list, ",") {
		host, port := splitHostPort(strings.TrimSpace(addr))
		if host == "" && port == "" {
			continue
		}
		if port == "" && defaultPort && Known(host) {
			port = i.Engine.DefaultPort()
		}
		hp := host
		if port != "" {
			hp += ":" + port
		}
		i.Hosts = append(i.Hosts, hp)
		if len(i.Hosts) == 1 {
			i.Host, i.Port = host, port
		}
	}
	if len(i.Hosts) == 0 {
		return ErrNotDSN
	}
	return nil
}

// splitHostPort splits host[:port] and [v6]:port, lower-casing the host.
func splitHostPort(s string) (host, port string) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return strings.ToLower(s), ""
		}
		host, rest := s[1:end], s[end+1:]
		return strings.ToLower(host), strings.TrimPrefix(rest, ":")
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && strings.Count(s, ":") == 1 {
		return strings.ToLower(unescape(s[:i])), s[i+1:]
	}
	return strings.ToLower(unescape(s)), ""
}

func parseQuery(q string) map[string]string {
	params := map[string]string{}
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		params[strings.ToLower(unescape(k))] = unescape(v)
	}
	return params
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// looksLikeGoMySQL recognises go-sql-driver/mysql's
// [user[:password]@][net[(addr)]]/dbname[?params].
func looksLikeGoMySQL(s string) bool {
	return strings.Contains(s, "@tcp(") || strings.Contains(s, "@unix(") || strings.HasPrefix(s, "tcp(") ||
		(strings.Contains(s, "@/") && !strings.Contains(s, "="))
}

func parseGoMySQL(s string) (Info, error) {
	s, _, _ = strings.Cut(s, "?")
	slash := strings.LastIndexByte(s, '/')
	if slash < 0 {
		return Info{}, ErrNotDSN
	}
	info := Info{Engine: MySQL, Database: s[slash+1:]}
	prefix := s[:slash]
	if at := strings.LastIndexByte(prefix, '@'); at >= 0 {
		prefix = prefix[at+1:]
	}
	addr := "127.0.0.1:3306" // the driver's default
	if open := strings.IndexByte(prefix, '('); open >= 0 {
		close := strings.LastIndexByte(prefix, ')')
		if close < open {
			return Info{}, ErrNotDSN
		}
		if strings.HasPrefix(prefix, "unix") {
			info.Host, info.Hosts = "localhost", []string{"localhost"}
			return info, nil
		}
		if a := prefix[open+1 : close]; a != "" {
			addr = a
		}
	}
	return info, info.setHosts(addr, true)
}

// parseKeyValue reads libpq's "host=h port=p dbname=d" (space-separated,
// values optionally single-quoted) and ADO/ODBC's "server=h,1433;database=d"
// (semicolon-separated), used by SQL Server and some ClickHouse drivers.
func parseKeyValue(s string, hint Engine) (Info, error) {
	pairs := keyValues(s)
	if len(pairs) == 0 {
		return Info{}, ErrNotDSN
	}
	engine := hint
	if engine == Unknown {
		if separators(s) == ";" {
			engine = SQLServer
		} else {
			engine = Postgres
		}
	}
	info := Info{Engine: engine}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := pairs[k]; ok {
				return v
			}
		}
		return ""
	}
	host := get("host", "hostaddr", "server", "data source", "address", "addr", "network address")
	port := get("port")
	host = strings.TrimPrefix(strings.TrimPrefix(host, "tcp:"), "TCP:")
	if h, p, ok := strings.Cut(host, ","); ok && engine == SQLServer { // server=host,1433
		host, port = h, p
	}
	if h, _, ok := strings.Cut(host, `\`); ok { // server=host\instance
		host = h
	}
	if host == "" {
		if engine != Postgres {
			return Info{}, ErrNotDSN
		}
		host = "localhost" // libpq's default
	}
	if port != "" {
		host += ":" + port
	}
	info.Database = get("dbname", "database", "initial catalog")
	return info, info.setHosts(host, true)
}

// keyValues splits key=value pairs separated by spaces or semicolons.
// Keys are lower-cased; single or double quotes may enclose a value.
func keyValues(s string) map[string]string {
	pairs := map[string]string{}
	sep := separators(s)
	for s != "" {
		s = strings.TrimLeft(s, sep)
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			break
		}
		key := strings.TrimSpace(s[:eq])
		if sep != ";" {
			// The key is the word before '=': a map's pattern may put
			// globs between the settings ("* dbname=orders *").
			if fields := strings.Fields(key); len(fields) > 0 {
				key = fields[len(fields)-1]
			}
		}
		key = strings.ToLower(key)
		s = strings.TrimLeft(s[eq+1:], " ")
		var val string
		if s != "" && (s[0] == '\'' || s[0] == '"') {
			q := s[0]
			end := 1
			for end < len(s) && s[end] != q {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			val = s[1:min(end, len(s))]
			s = s[min(end+1, len(s)):]
		} else {
			end := strings.IndexAny(s, sep)
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		pairs[key] = strings.TrimSpace(val)
	}
	return pairs
}

// separators returns ";" for ADO/ODBC lists (a ';' outside quotes) and
// whitespace for libpq lists.
func separators(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '\'' || c == '"'):
			quote = c
		case quote == 0 && c == ';':
			return ";"
		}
	}
	return " \t\n"
}

func isSQLiteFile(s string) bool {
	path, _, _ := strings.Cut(s, "?")
	for _, ext := range []string{".db", ".sqlite", ".sqlite3", ".db3"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return path == ":memory:"
}

func parseSQLite(s string) Info {
	s = strings.TrimPrefix(s, "file:")
	path, query, _ := strings.Cut(s, "?")
	if strings.Contains(path, ":memory:") || slices.Contains(strings.Split(query, "&"), "mode=memory") {
		path = memoryDatabase
	}
	return Info{Engine: SQLite, Database: path}
}

// memoryDatabase is the Database of every in-memory SQLite DSN
// (":memory:", "file::memory:?cache=shared", "file:test.db?mode=memory").
const memoryDatabase = ":memory:"

// InMemory reports whether i is an SQLite database held in the memory of
// the process that opens it, which no other process can open: tests of
// every service open one, and share nothing.
func (i Info) InMemory() bool {
	return i.Engine == SQLite && i.Database == memoryDatabase
}

// parseAddrs reads a bare "host:port[,host2:port2]" for an engine the sink implies.
func parseAddrs(s string, engine Engine) (Info, error) {
	if strings.ContainsAny(s, "/@ ") {
		return Info{}, ErrNotDSN
	}
	info := Info{Engine: engine}
	if engine == Redis {
		info.Database = "0"
	}
	return info, info.setHosts(s, true)
}
