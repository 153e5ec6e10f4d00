// Package shipping books parcels for paid orders. It is the legacy service of
// the example: most of its coupling is what couplingvet exists to find.
package shipping

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	"example.com/shop/pkg/httpx"
	"example.com/shop/pkg/reporting"
)

// Stock is inventory's answer.
type Stock struct{ Available int }

// Quote prices a parcel; it reads payments' database and asks two services.
func Quote(ctx context.Context, orderID, sku string) (int64, error) {
	ledger, err := sql.Open("postgres", os.Getenv("PAYMENTS_DATABASE_URL"))
	if err != nil {
		return 0, err
	}
	defer ledger.Close()

	resp, err := http.Get("http://orders:8080/v1/orders/" + orderID)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()

	var stock Stock
	if err := httpx.GetJSON(ctx, "http://inventory:8080/v1/stock/"+sku, &stock); err != nil {
		return 0, err
	}
	return reporting.DailyRevenue(ledger)
}

// OpenStock reads inventory's database; the map shares it with shipping.
func OpenStock() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("INVENTORY_DATABASE_URL"))
}
