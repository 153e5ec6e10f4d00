// Package store is the orders service's persistence: private to orders.
package store

import (
	"database/sql"
	"os"

	"example.com/ws/orders/api"
)

// Open connects to the orders database, which orders owns.
func Open() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("ORDERS_DATABASE_URL"))
}

// Load reads one order.
func Load(db *sql.DB, id string) (api.Order, error) {
	o := api.Order{ID: id}
	err := db.QueryRow("SELECT total_cents FROM orders WHERE id = $1", id).Scan(&o.TotalCents)
	return o, err
}
