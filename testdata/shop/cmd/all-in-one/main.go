// Command all-in-one starts every service in one process for local
// development. It is a composition root ("wiring" in the map): it may import
// any service.
package main

import (
	"example.com/shop/services/checkout/cart"
	"example.com/shop/services/inventory"
	"example.com/shop/services/orders"
	"example.com/shop/services/orders/store"
	"example.com/shop/services/payments"
)

func main() {
	db, _ := store.Open()
	_ = &orders.Server{DB: db}
	_, _ = cart.LastOrderTotal(db)
	_, _ = inventory.Open()
	_, _ = payments.OpenLedger()
}
