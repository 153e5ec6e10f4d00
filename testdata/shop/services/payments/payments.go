// Package payments authorises cards and keeps the ledger.
package payments

import (
	"database/sql"
	"os"

	"example.com/shop/services/orders/money" //couplingvet:allow crossimport rounding must match orders to the cent until money moves to pkg/ (SHOP-142)
)

// OpenLedger connects to the payments database, which payments owns.
func OpenLedger() (*sql.DB, error) {
	return sql.Open("postgres", os.Getenv("PAYMENTS_DATABASE_URL"))
}

// Fee is the card fee for an amount, rounded like orders rounds.
func Fee(cents int64) int64 {
	return money.RoundCents(float64(cents) * 0.029)
}
