package dsn

import (
	"regexp"
	"strings"
)

// Masked replaces every credential Redact removes.
const Masked = "***"

// Redact returns s with its credentials masked, for messages: the userinfo
// of a URL or a go-sql-driver/mysql DSN becomes "***"
// ("postgres://***@orders-db:5432/orders"), and the values of
// credential-like keys (password, pwd, user, token, secret, ...) in query
// strings and key=value lists become "***". Holes show as "…".
//
// Redact errs on the side of hiding: when it cannot tell where the
// credentials end, it masks everything up to the last '@'.
func Redact(s string) string {
	return strings.ReplaceAll(redact(s), Hole, "…")
}

func redact(s string) string {
	if scheme, rest, ok := cutScheme(s); ok {
		return scheme + "://" + redactURLRest(rest)
	}
	if userinfoForm(s) {
		// go-sql-driver/mysql (user:pass@tcp(host)/db) or user@host.
		beforeQuery, query, hasQuery := strings.Cut(s, "?")
		at := strings.LastIndexByte(beforeQuery, '@')
		if at < 0 { // '@' only in the query
			return beforeQuery + "?" + redactQuery(query)
		}
		out := Masked + beforeQuery[at:]
		if hasQuery {
			out += "?" + redactQuery(query)
		}
		return out
	}
	if strings.Contains(s, "=") {
		return redactKeyValues(s)
	}
	return s
}

// userinfoForm reports whether s is credentials@address without a scheme
// (go-sql-driver/mysql's user:pass@tcp(host)/db, or user@host) rather than
// a key=value list: either nothing before the first '@' looks like
// key=value, or what follows the last '@' is a go-sql-driver address
// (net(addr)/dbname), which holds for a password that itself contains '='
// or spaces.
func userinfoForm(s string) bool {
	at := strings.IndexByte(s, '@')
	if at < 0 {
		return false
	}
	if !strings.Contains(s[:at], "=") {
		return true
	}
	beforeQuery, _, _ := strings.Cut(s, "?")
	last := strings.LastIndexByte(beforeQuery, '@')
	return !keyValueList.MatchString(s[:at]) && mysqlAddress.MatchString(beforeQuery[last+1:])
}

// keyValueList finds a connection-string key (libpq, ADO) at the start of
// an entry: text like it is a key=value list, whatever '@' it holds.
var keyValueList = regexp.MustCompile(`(?i)(^|[;\s])\s*(password|pwd|server|host|hostaddr|port|user|user id|uid|data source|database|dbname|initial catalog|sslmode)\s*=`)

// mysqlAddress is what follows the credentials in a go-sql-driver DSN:
// [net[(addr)]]/dbname, the query cut off.
var mysqlAddress = regexp.MustCompile(`^([a-z0-9]+(\([^()]*\))?)?/[^\s;=/]*$`)

func redactURLRest(rest string) string {
	beforeQuery, query, hasQuery := strings.Cut(rest, "?")
	at := strings.LastIndexByte(beforeQuery, '@')
	if at < 0 && hasQuery && strings.Contains(query, "@") {
		// An '@' after a '?': a password holding '?' unescaped, or an
		// address in the query. Hide everything up to the last '@'.
		return Masked + rest[strings.LastIndexByte(rest, '@'):]
	}
	out := beforeQuery
	if at >= 0 {
		out = Masked + beforeQuery[at:]
	}
	if hasQuery {
		out += "?" + redactQuery(query)
	}
	return out
}

func redactQuery(q string) string {
	pairs := strings.Split(q, "&")
	for i, kv := range pairs {
		k, _, ok := strings.Cut(kv, "=")
		if ok && secretKey(k) {
			pairs[i] = k + "=" + Masked
		}
	}
	return strings.Join(pairs, "&")
}

// redactKeyValues masks the values of credential keys in a libpq or ADO
// key=value list, keeping separators and quoting intact elsewhere.
func redactKeyValues(s string) string {
	sep := separators(s)
	var b strings.Builder
	for s != "" {
		n := len(s) - len(strings.TrimLeft(s, sep))
		b.WriteString(s[:n])
		s = s[n:]
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			// No more pairs: what is left may still be a secret.
			if s != "" {
				b.WriteString(Masked)
			}
			break
		}
		key := s[:eq]
		b.WriteString(key + "=")
		s = s[eq+1:]
		end := valueEnd(s, sep)
		if secretKey(key) {
			b.WriteString(Masked)
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
	}
	return b.String()
}

// valueEnd returns the length of the value at the start of s (quoted or not).
func valueEnd(s, sep string) int {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	if lead < len(s) && (s[lead] == '\'' || s[lead] == '"') {
		q := s[lead]
		end := lead + 1
		for end < len(s) && s[end] != q {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		return min(end+1, len(s))
	}
	end := strings.IndexAny(s[lead:], sep)
	if end < 0 {
		return len(s)
	}
	return lead + end
}

// secretKey reports whether a key names a credential.
func secretKey(key string) bool {
	k := strings.ToLower(strings.TrimSpace(key))
	for _, w := range []string{"pass", "pwd", "secret", "token", "key", "auth", "cred", "sig", "user", "uid", "login"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}
