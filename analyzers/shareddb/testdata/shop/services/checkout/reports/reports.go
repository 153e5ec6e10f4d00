// Package reports reads orders' database through a DSN and a config struct
// that its tests (reports_test.go) point at a test database: reported as
// if the tests were not there, which the production binary does not hold.
package reports

import "database/sql"

var ordersDSN = "postgres://reports:s3cr3t@orders-db:5432/orders"

var cfg = struct{ ArchiveDSN string }{ArchiveDSN: "postgres://reports:s3cr3t@orders-db:5432/orders"}

func open() {
	sql.Open("postgres", ordersDSN)      // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
	sql.Open("postgres", cfg.ArchiveDSN) // want `checkout opens orders' database orders-db \(postgres://\*\*\*@orders-db:5432/orders, from literal\)`
}
