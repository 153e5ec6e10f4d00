// Package db is shared code: helpers every service may use to open a database.
package db

import "database/sql"

// Open opens a PostgreSQL database: its parameter reaches sql.Open.
func Open(dsn string) (*sql.DB, error) { // want Open:`dsn\(postgres\) {param0:dsn} via sql.Open`
	return sql.Open("postgres", dsn)
}

// OpenDriver takes the driver too, so the engine comes from the caller.
func OpenDriver(driver, dsn string) (*sql.DB, error) { // want OpenDriver:`dsn\({param0:driver}\) {param1:dsn} via sql.Open`
	return sql.Open(driver, dsn)
}

// Connect builds the DSN around a host: a two-step chain inside this package.
func Connect(host string) (*sql.DB, error) { // want Connect:`dsn\(postgres\) postgres://\*\*\*@{param0:host}:5432/orders via example.com/shop/pkg/db.Open -> sql.Open`
	return Open("postgres://app:s3cr3t@" + host + ":5432/orders")
}

// OrdersReplica connects to a fixed database: its callers are reported.
func OrdersReplica() (*sql.DB, error) { // want OrdersReplica:`dsn\(postgres\) postgres://\*\*\*@orders-db:5432/orders via sql.Open`
	return sql.Open("postgres", "postgres://ro:s3cr3t@orders-db:5432/orders")
}
