package dsn

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		hint     Engine
		identity string
		wantErr  bool
	}{
		{"postgres://app:s3cr3t@orders-db:5432/orders?sslmode=disable", Unknown, "postgres://orders-db:5432/orders", false},
		{"postgresql://Orders-DB/orders", Unknown, "postgres://orders-db:5432/orders", false},
		{"postgres://app:" + Hole + "@orders-db/orders", Unknown, "postgres://orders-db:5432/orders", false},
		{"postgres://" + Hole + "/orders", Unknown, "postgres://…/orders", false},
		{"host=orders-db port=5433 dbname=orders user=app password='s3 cr3t' sslmode=disable", Unknown, "postgres://orders-db:5433/orders", false},
		{"host=orders-db dbname=orders", Postgres, "postgres://orders-db:5432/orders", false},
		{"app:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true", MySQL, "mysql://orders-mysql:3306/orders", false},
		{"app:s3cr3t@tcp(orders-mysql)/orders", Unknown, "mysql://orders-mysql:3306/orders", false},
		{"app@/orders", MySQL, "mysql://127.0.0.1:3306/orders", false},
		{"mysql://app:s3cr3t@orders-mysql/orders", Unknown, "mysql://orders-mysql:3306/orders", false},
		{"mongodb://app:s3cr3t@mongo-1:27017,mongo-2:27017/catalog?replicaSet=rs0", Unknown, "mongodb://mongo-1:27017/catalog", false},
		{"mongodb+srv://app:s3cr3t@cluster0.example.net/catalog", Unknown, "mongodb://cluster0.example.net/catalog", false},
		{"catalog-mongo:27017", MongoDB, "mongodb://catalog-mongo:27017", false},
		{"redis://:s3cr3t@cache:6379/2", Unknown, "redis://cache:6379/2", false},
		{"rediss://cache", Unknown, "redis://cache:6379/0", false},
		{"cache:6380", Redis, "redis://cache:6380/0", false},
		{"sqlserver://sa:s3cr3t@billing-sql:1433?database=billing", Unknown, "sqlserver://billing-sql:1433/billing", false},
		{"server=billing-sql,1433;user id=sa;password=s3cr3t;database=billing", Unknown, "sqlserver://billing-sql:1433/billing", false},
		{"Server=tcp:billing-sql;Initial Catalog=billing;Password=s3cr3t", SQLServer, "sqlserver://billing-sql:1433/billing", false},
		{"clickhouse://default:s3cr3t@events-ch:9000/events", Unknown, "clickhouse://events-ch:9000/events", false},
		{"tcp://events-ch:9000?database=events&password=s3cr3t", ClickHouse, "clickhouse://events-ch:9000/events", false},
		{"file:orders.db?cache=shared", Unknown, "sqlite:orders.db", false},
		{"/var/lib/app/orders.sqlite", Unknown, "sqlite:/var/lib/app/orders.sqlite", false},
		{"sessions-memcache:11211", Memcache, "memcache://sessions-memcache:11211", false},
		{"[::1]:5432", Postgres, "postgres://::1:5432", false},
		{"amqp://guest:s3cr3t@rabbit:5672/", Unknown, "amqp://rabbit:5672", false},
		{"just some words", Unknown, "", true},
		{"", Postgres, "", true},
		{"http://orders:8080/v1", Unknown, "", true},
	}
	for _, tt := range tests {
		info, err := Parse(tt.in, tt.hint)
		if (err != nil) != tt.wantErr {
			t.Errorf("Parse(%q, %q) error = %v, want error %v", tt.in, tt.hint, err, tt.wantErr)
			continue
		}
		if err == nil && info.Identity() != tt.identity {
			t.Errorf("Parse(%q, %q).Identity() = %q, want %q", tt.in, tt.hint, info.Identity(), tt.identity)
		}
	}
}

func TestBroker(t *testing.T) {
	info, err := Parse("amqp://guest:guest@rabbit:5672/", Unknown)
	if err != nil || !info.Engine.Broker() || info.Attributable() {
		t.Errorf("amqp: got %+v, %v; want a broker that is not attributable as a database", info, err)
	}
}

func TestSameAndMatch(t *testing.T) {
	parse := func(s string, hint Engine) Info {
		t.Helper()
		info, err := Parse(s, hint)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		return info
	}
	a := parse("postgres://u:p@orders-db:5432/orders", Unknown)
	b := parse("host=orders-db dbname=orders password=x", Unknown)
	c := parse("postgres://u:p@billing-db:5432/orders", Unknown)
	d := parse("postgres://u:"+Hole+"@"+Hole+":5432/orders", Unknown)
	if !a.Same(b) {
		t.Errorf("URL and key=value forms of one database differ: %v vs %v", a.Identity(), b.Identity())
	}
	if a.Same(c) {
		t.Errorf("same database name on two hosts is the same database: %v", c.Identity())
	}
	if a.Same(d) || d.Attributable() {
		t.Errorf("an unknown host is attributable: %v", d.Identity())
	}
	pattern := parse(strings.ReplaceAll("postgres://*@orders-db:5432/orders", "*", Hole), Unknown)
	if !a.Match(pattern) || c.Match(pattern) {
		t.Errorf("pattern %v: matches a = %v (want true), c = %v (want false)", pattern.Identity(), a.Match(pattern), c.Match(pattern))
	}
	glob := Info{Engine: Postgres, Host: "*.orders.svc", Port: "*"}
	if !parse("postgres://db.orders.svc/x", Unknown).Match(glob) || a.Match(glob) {
		t.Errorf("glob host pattern misbehaves")
	}
	if !parse("postgres://localhost/app", Unknown).Loopback() || a.Loopback() {
		t.Errorf("Loopback misbehaves")
	}
}

// TestParsePattern covers the map's key=value patterns: globs between the
// settings are not part of a key, and a pattern that leaves out the host
// or port matches any, where the same text as a connection string means
// libpq's localhost:5432 (a map with one such pattern per service used to
// claim every localhost DSN for the first service).
func TestParsePattern(t *testing.T) {
	value := func(s string) Info {
		t.Helper()
		info, err := Parse(s, Postgres)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		return info
	}
	orders := value("host=localhost port=5432 user=app password=x dbname=orders_db sslmode=disable")
	remote := value("host=orders-db port=6432 dbname=orders_db")
	tests := []struct {
		pattern             string
		orders, remoteMatch bool
	}{
		{"* dbname=orders_db *", true, true},
		{"* dbname=inventory_db *", false, false},
		{"dbname=orders_*", true, true},
		{"host=orders-db *", false, true},
		{"host=orders-db port=5432 dbname=orders_db", false, false},
		{"host=localhost dbname=orders_db", true, false},
		{"postgres://*@orders-db/orders_db", false, false},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern, Postgres)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tt.pattern, err)
			continue
		}
		if got := orders.Match(p); got != tt.orders {
			t.Errorf("pattern %q (read as %+v) matches %s: %v, want %v", tt.pattern, p, orders.Identity(), got, tt.orders)
		}
		if got := remote.Match(p); got != tt.remoteMatch {
			t.Errorf("pattern %q (read as %+v) matches %s: %v, want %v", tt.pattern, p, remote.Identity(), got, tt.remoteMatch)
		}
	}
	// As a connection string, the same text still means localhost:5432.
	if got := value("* dbname=orders_db *").Identity(); got != "postgres://localhost:5432/orders_db" {
		t.Errorf("Parse of a key=value string without host: %s, want postgres://localhost:5432/orders_db", got)
	}
}

func TestInMemory(t *testing.T) {
	for _, s := range []string{":memory:", "file::memory:?cache=shared", "sqlite::memory:", ":memory:?_foreign_keys=on", "file:test.db?mode=memory&cache=shared"} {
		if info, err := Parse(s, SQLite); err != nil || !info.InMemory() {
			t.Errorf("Parse(%q) = %+v, %v: want an in-memory database", s, info, err)
		}
	}
	for _, s := range []string{"/data/orders.db", "file:orders.db?cache=shared", "memory.db"} {
		if info, err := Parse(s, SQLite); err != nil || info.InMemory() {
			t.Errorf("Parse(%q) = %+v, %v: want a database file", s, info, err)
		}
	}
	if info, _ := Parse("postgres://memory:5432/x", Unknown); info.InMemory() {
		t.Errorf("a Postgres host named memory is in memory")
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://app:s3cr3t@orders-db:5432/orders?sslmode=disable", "postgres://***@orders-db:5432/orders?sslmode=disable"},
		{"postgres://orders-db/orders?password=s3cr3t&sslmode=disable", "postgres://orders-db/orders?password=***&sslmode=disable"},
		{"host=orders-db password='s3 cr3t' dbname=orders", "host=orders-db password=*** dbname=orders"},
		{"server=b,1433;user id=sa;Password=s3cr3t;database=billing", "server=b,1433;user id=***;Password=***;database=billing"},
		{"app:s3cr3t@tcp(orders-mysql:3306)/orders?parseTime=true", "***@tcp(orders-mysql:3306)/orders?parseTime=true"},
		{"redis://:s3cr3t@cache:6379/0", "redis://***@cache:6379/0"},
		{"postgres://app:" + Hole + "@orders-db/orders", "postgres://***@orders-db/orders"},
		{"postgres://" + Hole + "/orders", "postgres://…/orders"},
		{"cache:6379", "cache:6379"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
