// Package orders calls itself through its own contract: not coupling.
package orders

import (
	"example.com/shop/api/orders"

	"go-micro.dev/v5/client"
)

func self() orders.OrdersService {
	return orders.NewOrdersService("shop.orders", client.DefaultClient)
}
