package invoice

import (
	"database/sql"
	"os"
)

// OpenOrders opens the orders database with orders' own setting: the map
// gives orders-db to orders, in another module of the workspace.
func OpenOrders() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("ORDERS_DATABASE_URL"))
}
