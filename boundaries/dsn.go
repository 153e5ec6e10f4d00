package boundaries

import (
	"regexp"
	"strings"
)

// dsnMatches reports whether the DSN pattern matches the value; see
// DatabaseOfDSN. The normaliser is deliberately small: analyzers/dsn does
// the real parsing and hands us engine://host:port/db.
func dsnMatches(pattern, value, engine string) bool {
	p, v := withoutCredentials(pattern), withoutCredentials(value)
	if !strings.Contains(p, "?") {
		if i := strings.Index(v, "?"); i >= 0 {
			v = v[:i]
		}
	}
	if glob(p, v) {
		return true
	}
	pp, ok1 := normaliseDSN(pattern, engine)
	vp, ok2 := normaliseDSN(value, "")
	if !ok1 || !ok2 {
		return false
	}
	if pp.engine != "" && vp.engine != "" && pp.engine != vp.engine {
		return false
	}
	if !glob(pp.host, vp.host) {
		return false
	}
	eng := pp.engine
	if eng == "" {
		eng = vp.engine
	}
	if !glob(orDefault(pp.port, defaultPorts[eng]), orDefault(vp.port, defaultPorts[eng])) {
		return false
	}
	if pp.db == "" || pp.db == "*" {
		return true
	}
	return glob(pp.db, orDefault(vp.db, defaultDBs[eng]))
}

var defaultPorts = map[string]string{
	"postgres": "5432", "mysql": "3306", "mongodb": "27017", "redis": "6379",
	"sqlserver": "1433", "clickhouse": "9000", "memcache": "11211",
}

var defaultDBs = map[string]string{"redis": "0"}

var engineAliases = map[string]string{
	"postgresql": "postgres", "pgx": "postgres", "mongodb+srv": "mongodb", "rediss": "redis",
	"redis+sentinel": "redis", "mariadb": "mysql", "mssql": "sqlserver", "tcp": "", "memcached": "memcache",
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

type dsnParts struct{ engine, host, port, db string }

var keyValueForm = regexp.MustCompile(`^[A-Za-z_]+=`)

var goSQLDriver = regexp.MustCompile(`^(?:.*@)?(?:tcp|unix)\(([^)]*)\)/([^?]*)`)

// normaliseDSN reads engine://[userinfo@]host[:port][/db][?...] and
// go-sql-driver's [user[:pass]@]tcp(host:port)/db; anything else is not
// normalised (it is still compared as a glob).
func normaliseDSN(s, engine string) (dsnParts, bool) {
	s = strings.TrimSpace(s)
	if m := goSQLDriver.FindStringSubmatch(s); m != nil {
		host, port := splitHostPort(m[1])
		return dsnParts{"mysql", strings.ToLower(host), port, m[2]}, host != ""
	}
	i := strings.Index(s, "://")
	if i <= 0 {
		return dsnParts{}, false
	}
	scheme := strings.ToLower(s[:i])
	if a, ok := engineAliases[scheme]; ok {
		scheme = a
	}
	if scheme == "" {
		scheme = engine
	}
	rest := s[i+3:]
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	if j := strings.LastIndex(rest, "@"); j >= 0 {
		rest = rest[j+1:]
	}
	authority, db := rest, ""
	if j := strings.Index(rest, "/"); j >= 0 {
		authority, db = rest[:j], strings.Trim(rest[j+1:], "/")
	}
	host, port := splitHostPort(authority)
	return dsnParts{scheme, strings.ToLower(host), port, db}, host != ""
}

// withoutCredentials removes userinfo from URL and go-sql-driver forms and
// user=/password= settings from key=value forms.
func withoutCredentials(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 {
		head, rest := s[:i+3], s[i+3:]
		end := len(rest)
		if j := strings.Index(rest, "?"); j >= 0 {
			end = j
		}
		if j := strings.LastIndex(rest[:end], "@"); j >= 0 {
			rest = rest[j+1:]
		}
		return head + rest
	}
	if keyValueForm.MatchString(s) {
		var kept []string
		for _, f := range strings.Fields(s) {
			k := strings.ToLower(f)
			if strings.HasPrefix(k, "user=") || strings.HasPrefix(k, "password=") {
				continue
			}
			kept = append(kept, f)
		}
		return strings.Join(kept, " ")
	}
	end := len(s)
	if j := strings.IndexAny(s, "(/"); j >= 0 {
		end = j
	}
	if j := strings.LastIndex(s[:end], "@"); j >= 0 {
		return s[j+1:]
	}
	return s
}

// glob matches s against a pattern in which * matches any run of characters
// (including none and slashes); everything else is literal.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	starP, starS := -1, 0
	for sx < len(s) {
		switch {
		case px < len(pattern) && pattern[px] == '*':
			starP, starS = px, sx
			px++
		case px < len(pattern) && pattern[px] == s[sx]:
			px++
			sx++
		case starP >= 0:
			starS++
			px, sx = starP+1, starS
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}
