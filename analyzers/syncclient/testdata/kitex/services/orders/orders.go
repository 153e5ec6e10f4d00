// Package orders calls itself through its own contract: not coupling.
package orders

import (
	"example.com/shop/api/orders/kitex_gen/orders/orderservice"

	"github.com/cloudwego/kitex/client"
)

func self() orderservice.Client {
	return orderservice.MustNewClient("shop.orders", client.WithHostPorts("orders:8888"))
}
