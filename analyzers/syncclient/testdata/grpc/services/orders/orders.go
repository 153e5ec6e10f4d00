// Package orders talks to itself through its own stubs: not coupling.
package orders

import (
	ordersv1 "example.com/shop/api/orders/v1"
	"google.golang.org/grpc"
)

func self() {
	conn, _ := grpc.NewClient("orders:9090")
	ordersv1.NewOrderServiceClient(conn)
}
