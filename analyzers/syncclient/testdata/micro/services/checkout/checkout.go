// Package checkout calls orders and stock through go-micro clients.
package checkout

import (
	"example.com/shop/api/orders"
	"example.com/shop/services/checkout/internal/proto/stock"

	"go-micro.dev/v5/client"
)

const stockName = "shop.stock"

// The client generated in orders' contract calls orders, whatever name it
// is given; checkout's own copy of stock's client is attributed by the
// registry name it is given.
func clients(c client.Client) {
	orders.NewOrdersService("go.micro.service.orders", c) // want `checkout calls orders synchronously \(go-micro go\.micro\.service\.orders via api/orders\.NewOrdersService\)`
	stock.NewStockService(stockName, client.NewClient())  // want `checkout calls stock synchronously \(go-micro shop\.stock via services/checkout/internal/proto/stock\.NewStockService\)`
}

// Clean: a name no service registers.
func clean() {
	stock.NewStockService("shop.search", client.DefaultClient)
}
