package dsn

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzParse checks that no input makes Parse or Redact panic, and that
// the password of a DSN built in each supported form never survives Redact.
func FuzzParse(f *testing.F) {
	f.Add("postgres://app:s3cr3t@orders-db:5432/orders", "s3cr3t", uint8(0))
	f.Add("host=a password=b", "pa ss", uint8(1))
	f.Add("u:p@tcp(h:3306)/d", "p@ss", uint8(2))
	f.Add("server=h;password=x", "x;y", uint8(3))
	f.Add("mongodb+srv://u:p@c/d?x=y", "p?w", uint8(4))
	f.Add("file:orders.db", "", uint8(5))
	f.Add("\x00://@", "'", uint8(6))
	f.Fuzz(func(t *testing.T, s, password string, form uint8) {
		for _, hint := range []Engine{Unknown, Postgres, MySQL, MongoDB, Redis, SQLServer, ClickHouse, SQLite, Memcache} {
			if info, err := Parse(s, hint); err == nil {
				_ = info.Identity()
			}
		}
		_ = Redact(s)

		if len(password) < 4 || strings.ContainsAny(password, "\x00") {
			return
		}
		built, password := build(password, form)
		out := Redact(built)
		// A password that is part of the DSN's fixed text ("pass" in
		// "password=") is no leak.
		skeletonDSN, _ := build("\x01\x02\x03\x04", form)
		if skeleton := Redact(skeletonDSN); strings.Contains(skeleton, password) {
			return
		}
		if strings.Contains(out, password) || strings.Contains(out, url.QueryEscape(password)) ||
			strings.Contains(out, url.PathEscape(password)) {
			t.Errorf("Redact(%q) = %q keeps the password %q", built, out, password)
		}
	})
}

// build writes a DSN holding password in one of the forms couplingvet
// reads, escaped or quoted the way the form requires.
func build(password string, form uint8) (dsn, secret string) {
	host, db := "orders-db.internal", "orders_main"
	switch form % 6 {
	case 0:
		u := url.URL{Scheme: "postgres", User: url.UserPassword("app", password), Host: host + ":5432", Path: "/" + db}
		return u.String(), password
	case 1:
		q := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password)
		return "host=" + host + " password='" + q + "' dbname=" + db, password
	case 2:
		// go-sql-driver/mysql cannot carry '/' or '?' in a password either.
		p := strings.NewReplacer("/", "", "?", "").Replace(password)
		if len(p) < 4 {
			p = "s3cr3t"
		}
		return "app:" + p + "@tcp(" + host + ":3306)/" + db + "?parseTime=true", p
	case 3:
		p := strings.NewReplacer(";", "", "'", "", `"`, "").Replace(password)
		if len(p) < 4 {
			p = "s3cr3t"
		}
		return "server=" + host + ",1433;user id=sa;password=" + p + ";database=" + db, p
	case 4:
		return "redis://" + host + ":6379/0?password=" + url.QueryEscape(password), password
	default:
		u := url.URL{Scheme: "mongodb+srv", User: url.UserPassword("app", password), Host: host, Path: "/" + db}
		return u.String(), password
	}
}
