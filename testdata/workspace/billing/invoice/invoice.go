// Package invoice bills customers for their orders.
package invoice

import (
	"database/sql"
	"fmt"

	"example.com/ws/orders/api"   // orders' contract: fine
	"example.com/ws/orders/store" // orders' private code, in another module
	"example.com/ws/platform/logx"
)

// Render formats an invoice line for an order.
func Render(o api.Order) string {
	return fmt.Sprintf("%s: %d.%02d", o.ID, o.TotalCents/100, o.TotalCents%100)
}

// ForOrder loads the order straight from orders' store instead of asking
// orders or listening to its events.
func ForOrder(db *sql.DB, id string) string {
	o, err := store.Load(db, id)
	if err != nil {
		logx.Fatal(err)
	}
	return Render(o)
}
