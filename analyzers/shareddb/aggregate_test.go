package shareddb

import (
	"go/token"
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
		// Loopback: strict only.
		{Service: "orders", Pos: at("o.go", 8), Engine: "postgres", Host: "localhost", Identity: "postgres://localhost:5432/app"},
		{Service: "billing", Pos: at("b.go", 8), Engine: "postgres", Host: "localhost", Identity: "postgres://localhost:5432/app"},
	}
	got := Aggregate(conns, false)
	if len(got) != 1 || got[0].Identity != "postgres://legacy-db:5432/shop" || len(got[0].Sites) != 2 ||
		got[0].Sites[0].Pos.Filename != "c.go" || got[0].Services[0] != "checkout" || got[0].Services[1] != "orders" {
		t.Fatalf("Aggregate(strict=false) = %+v", got)
	}
	want := "checkout and orders open the same database postgres://legacy-db:5432/shop, which the map does not declare (checkout at c.go:9; orders at o.go:3)"
	if len(got[0].Message) < len(want) || got[0].Message[:len(want)] != want {
		t.Errorf("message = %q, want prefix %q", got[0].Message, want)
	}
	strict := Aggregate(conns, true)
	if len(strict) != 2 || strict[1].Identity != "postgres://localhost:5432/app" || !strict[1].Loopback {
		t.Errorf("Aggregate(strict=true) = %+v", strict)
	}
}
