// Package store is the orders service's persistence: only orders may use it.
package store

import (
	"database/sql"
	"os"
)

// Open connects to the orders database, which the orders service owns.
func Open() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("ORDERS_DATABASE_URL"))
}

// Revenue sums the totals of today's orders.
func Revenue(db *sql.DB) (int64, error) {
	var cents int64
	err := db.QueryRow("SELECT coalesce(sum(total_cents), 0) FROM orders WHERE placed_at > current_date").Scan(&cents)
	return cents, err
}
