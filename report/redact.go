package report

import "regexp"

// Mask replaces every credential RedactCredentials removes.
const Mask = "***"

var (
	// urlPassword matches the password of a URL's userinfo:
	// "postgres://user:secret@host" and "redis://:secret@host".
	urlPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s:@/"'<>]*):[^\s@"'<>]*@`)

	// mysqlPassword matches go-sql-driver/mysql DSNs, which have no scheme:
	// "user:secret@tcp(host:3306)/db", "user:secret@unix(/tmp/s)/db", "user:secret@/db".
	mysqlPassword = regexp.MustCompile(`((?:^|[\s"'=(,])[^\s:@/"'=(,]+):[^\s@"']*@((?:tcp|tcp4|tcp6|udp|unix)\(|/)`)

	// keyValuePassword matches password-like keys of key=value DSNs and
	// query strings: "password=secret", "Password='se cret'", "pwd=x;",
	// "sslpassword=x", "?token=x&".
	keyValuePassword = regexp.MustCompile(`(?i)([A-Za-z_]*(?:password|passwd|pwd|secret|token|api_?key))(\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s;&,'")]*)`)
)

// RedactCredentials masks credentials in s: the password of URL userinfo
// ("postgres://app:s3cret@db/x" -> "postgres://app:***@db/x"; the user name
// is kept because it helps to recognise the connection), the password of a
// MySQL driver DSN ("app:s3cret@tcp(db:3306)/x" -> "app:***@tcp(db:3306)/x"),
// and the value of password-like keys in key=value DSNs and query strings
// ("host=db password=s3cret" -> "host=db password=***"; keys ending in
// password, passwd, pwd, secret, token or api_key/apikey, any case).
//
// The analyzers redact what they report already; every output format applies
// RedactCredentials again to messages and targets as defence in depth. It is
// idempotent.
func RedactCredentials(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}:"+Mask+"@")
	s = mysqlPassword.ReplaceAllString(s, "${1}:"+Mask+"@${2}")
	s = keyValuePassword.ReplaceAllString(s, "${1}${2}"+Mask)
	return s
}
