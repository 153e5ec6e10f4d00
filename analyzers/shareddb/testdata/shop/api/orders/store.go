// Package orders is the orders service's client SDK (a contract).
package orders

import (
	"database/sql"
	"os"
)

// NewStore opens the orders database from the environment: orders' own
// database here, but another service that calls it is reported.
func NewStore() (*sql.DB, error) { // want NewStore:`dsn\(pgx\) {env:ORDERS_DATABASE_URL} via sql.Open`
	return sql.Open("pgx", os.Getenv("ORDERS_DATABASE_URL"))
}
