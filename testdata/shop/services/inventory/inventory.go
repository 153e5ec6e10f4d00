// Package inventory tracks stock.
package inventory

import "database/sql"

// Open connects to the inventory database, which inventory owns.
func Open() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://inventory@inventory-db:5432/inventory")
}

// OpenOrders connects to the orders database to count reserved items: a
// second writer-or-reader of orders' tables, so the two services can no
// longer change their schemas or deploy independently.
func OpenOrders() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://reporting:hunter2@orders-db:5432/orders?sslmode=disable")
}

// OpenAnalytics records stock movements in the analytics database, which
// checkout writes to as well.
func OpenAnalytics() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://inventory:st0ck-Pa55word@analytics-db:5432/analytics")
}
