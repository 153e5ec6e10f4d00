package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	// The three expressions cost tens of microseconds on a finding's
	// message, and every finding passes here several times: run each only
	// where it can match. Neither kind of userinfo password spans white
	// space, so those run on the words that hold an '@'; a password key
	// must come just before an '='.
	if strings.IndexByte(s, '@') >= 0 {
		s = replaceWords(s, '@', redactUserinfo)
	}
	if mayAssignSecret(s) {
		s = keyValuePassword.ReplaceAllString(s, "${1}${2}"+Mask)
	}
	return s
}

func redactUserinfo(word string) string {
	word = urlPassword.ReplaceAllString(word, "${1}:"+Mask+"@")
	return mysqlPassword.ReplaceAllString(word, "${1}:"+Mask+"@${2}")
}

// isSpace reports whether c is white space as the expressions' \s means it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// replaceWords applies replace to each word (a run of bytes without white
// space) of s that contains mark, and keeps the rest of s as it is.
func replaceWords(s string, mark byte, replace func(string) string) string {
	var b strings.Builder
	start := 0 // of the current word
	flush := func(end int) {
		if word := s[start:end]; strings.IndexByte(word, mark) >= 0 {
			b.WriteString(replace(word))
		} else {
			b.WriteString(word)
		}
	}
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			flush(i)
			b.WriteByte(s[i])
			start = i + 1
		}
	}
	flush(len(s))
	return b.String()
}

// secretKeys are the names keyValuePassword's key must end with.
var secretKeys = []string{"password", "passwd", "pwd", "secret", "token", "apikey", "api_key"}

// mayAssignSecret reports whether some '=' in s follows a key that ends
// with one of secretKeys, compared as keyValuePassword's (?i) does: by
// Unicode simple case folding, so "PAſſWORD" counts.
func mayAssignSecret(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '=' {
			continue
		}
		key := strings.TrimRightFunc(s[:i], func(r rune) bool { return r < utf8.RuneSelf && isSpace(byte(r)) })
		for _, name := range secretKeys {
			if hasSuffixFold(key, name) {
				return true
			}
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with the runes of the ASCII string
// suffix under simple case folding.
func hasSuffixFold(s, suffix string) bool {
	for j := len(suffix) - 1; j >= 0; j-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || !foldEqual(r, rune(suffix[j])) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// foldEqual reports whether r and c are in the same case-folding orbit.
func foldEqual(r, c rune) bool {
	for f := r; ; {
		if f == c {
			return true
		}
		if f = unicode.SimpleFold(f); f == r {
			return false
		}
	}
}
