package shareddb

import (
	"go/token"
	"slices"
	"strings"
	"testing"
)

func TestAggregate(t *testing.T) {
	at := func(file string, line int) token.Position { return token.Position{Filename: file, Line: line} }
	conns := []Connection{
		{Service: "orders", Pos: at("o.go", 3), Engine: "postgres", Host: "legacy-db", Port: "5432", Database: "shop", Identity: "postgres://legacy-db:5432/shop"},
		{Service: "orders", Pos: at("o.go", 3), Engine: "postgres", Host: "legacy-db", Port: "5432", Database: "shop", Identity: "postgres://legacy-db:5432/shop"}, // a -test variant
		{Service: "checkout", Pos: at("c.go", 9), Engine: "postgres", Host: "legacy-db", Port: "5432", Database: "shop", Identity: "postgres://legacy-db:5432/shop"},
		// Declared databases are shareddb's per-package business, not aggregation's.
		{Service: "orders", Pos: at("o.go", 5), Engine: "postgres", Host: "orders-db", Identity: "postgres://orders-db:5432/orders", Declared: "orders-db", Owner: "orders"},
		{Service: "checkout", Pos: at("c.go", 5), Engine: "postgres", Host: "orders-db", Identity: "postgres://orders-db:5432/orders", Declared: "orders-db", Owner: "orders"},
		// One service twice is not sharing.
		{Service: "billing", Pos: at("b.go", 1), Engine: "redis", Host: "cache", Identity: "redis://cache:6379/0"},
		{Service: "billing", Pos: at("b.go", 2), Engine: "redis", Host: "cache", Identity: "redis://cache:6379/0"},
		// Same name, another host: another database.
		{Service: "billing", Pos: at("b.go", 3), Engine: "postgres", Host: "reporting-db", Port: "5432", Database: "shop", Identity: "postgres://reporting-db:5432/shop"},
		// Shared code belongs to no service.
		{Service: "", Pos: at("s.go", 1), Engine: "postgres", Host: "legacy-db", Identity: "postgres://legacy-db:5432/shop"},
		// Loopback with a generic name: strict only.
		{Service: "orders", Pos: at("o.go", 8), Engine: "postgres", Host: "localhost", Database: "app", Identity: "postgres://localhost:5432/app"},
		{Service: "billing", Pos: at("b.go", 8), Engine: "postgres", Host: "localhost", Database: "app", Identity: "postgres://localhost:5432/app"},
		{Service: "orders", Pos: at("o.go", 9), Engine: "redis", Host: "127.0.0.1", Database: "0", Identity: "redis://127.0.0.1:6379/0"},
		{Service: "billing", Pos: at("b.go", 9), Engine: "redis", Host: "127.0.0.1", Database: "0", Identity: "redis://127.0.0.1:6379/0"},
		// Loopback, but the sites share legacy-db already: its dev config.
		{Service: "orders", Pos: at("o.go", 3), Engine: "postgres", Host: "localhost", Database: "shop", Identity: "postgres://localhost:5432/shop"},
		{Service: "checkout", Pos: at("c.go", 9), Engine: "postgres", Host: "localhost", Database: "shop", Identity: "postgres://localhost:5432/shop"},
		// Loopback with an unknown name.
		{Service: "orders", Pos: at("o.go", 11), Engine: "redis", Host: "127.0.0.1", Database: "\x00", Identity: "redis://127.0.0.1:6379/\x00"},
		{Service: "billing", Pos: at("b.go", 11), Engine: "redis", Host: "127.0.0.1", Database: "\x00", Identity: "redis://127.0.0.1:6379/\x00"},
		// A server whose database is not known: possibly two databases.
		{Service: "orders", Pos: at("o.go", 12), Engine: "redis", Host: "cache", Database: "\x00", Identity: "redis://cache:6379/\x00"},
		{Service: "billing", Pos: at("b.go", 12), Engine: "redis", Host: "cache", Database: "\x00", Identity: "redis://cache:6379/\x00"},
		// Loopback, but the services name the same database of their own.
		{Service: "orders", Pos: at("o.go", 10), Engine: "mysql", Host: "127.0.0.1", Port: "3306", Database: "kratos-mall", Identity: "mysql://127.0.0.1:3306/kratos-mall"},
		{Service: "billing", Pos: at("b.go", 10), Engine: "mysql", Host: "127.0.0.1", Port: "3306", Database: "kratos-mall", Identity: "mysql://127.0.0.1:3306/kratos-mall"},
	}
	got := Aggregate(conns, false)
	if len(got) != 2 || got[1].Identity != "postgres://legacy-db:5432/shop" || len(got[1].Sites) != 2 ||
		got[1].Sites[0].Pos.Filename != "c.go" || got[1].Services[0] != "checkout" || got[1].Services[1] != "orders" {
		t.Fatalf("Aggregate(strict=false) = %+v", got)
	}
	if got[0].Identity != "mysql://127.0.0.1:3306/kratos-mall" || got[0].Loopback {
		t.Errorf("a database the services name on the local machine: %+v", got[0])
	}
	got = got[1:]
	want := "checkout and orders open the same database postgres://legacy-db:5432/shop, which the map does not declare (checkout at c.go:9; orders at o.go:3)"
	if len(got[0].Message) < len(want) || got[0].Message[:len(want)] != want {
		t.Errorf("message = %q, want prefix %q", got[0].Message, want)
	}
	strict := Aggregate(conns, true)
	if len(strict) != 7 || !strict[6].Unnamed || strict[6].Identity != "redis://cache:6379/\x00" ||
		!strings.Contains(strict[6].Message, "billing and orders possibly share a database (all use the server redis://cache:6379/") {
		t.Errorf("Aggregate(strict=true) = %+v", strict)
	}
	strict = slices.Delete(strict, 6, 7)
	if len(strict) != 6 || strict[2].Identity != "postgres://localhost:5432/app" || !strict[2].Loopback || strict[3].Identity != "postgres://localhost:5432/shop" || !strict[3].Loopback ||
		strict[4].Identity != "redis://127.0.0.1:6379/\x00" || !strict[4].Loopback || strict[5].Identity != "redis://127.0.0.1:6379/0" || !strict[5].Loopback {
		t.Errorf("Aggregate(strict=true) = %+v", strict)
	}
}
