package checkout

import (
	"context"

	ordersv1 "example.com/shop/api/orders/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Orders keeps orders' address in a field and dials it on every call, as
// some services do: the dial and the stub it feeds are one coupling,
// reported at the stub, not again where the address is chosen.
type Orders struct{ addr string }

func NewOrders(addr string) *Orders { return &Orders{addr: addr} }

func (o *Orders) Get(ctx context.Context) error {
	conn, err := grpc.NewClient(o.addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = ordersv1.NewOrderServiceClient(conn).GetOrder(ctx, &ordersv1.GetOrderRequest{}) // want `checkout calls orders synchronously \(grpc shop.orders.v1.OrderService via api/orders/v1.NewOrderServiceClient\)`
	return err
}

func perCall() {
	NewOrders("orders:9090")
}
