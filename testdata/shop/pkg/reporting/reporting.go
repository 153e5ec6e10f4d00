// Package reporting builds business reports for every service.
package reporting

import (
	"database/sql"

	"example.com/shop/services/orders/store"
)

// DailyRevenue reuses orders' private store package: every service that
// imports reporting now depends on orders' internals.
func DailyRevenue(db *sql.DB) (int64, error) {
	return store.Revenue(db)
}
