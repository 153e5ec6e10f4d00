// Package checkout turns a cart into a paid order.
package checkout

import (
	"context"
	"net/http"
	"strings"

	ordersv1 "example.com/shop/api/orders/v1" // a contract: importing it is fine
	"google.golang.org/grpc"
)

// Checkout talks to orders and payments.
type Checkout struct {
	orders ordersv1.OrderServiceClient
}

// New wires checkout to the orders service over gRPC.
func New(conn grpc.ClientConnInterface) *Checkout {
	return &Checkout{orders: ordersv1.NewOrderServiceClient(conn)}
}

// Pay authorises the card for an order. The call to payments is synchronous
// by design, and the map allows it with a reason.
func (c *Checkout) Pay(ctx context.Context, orderID string) error {
	order, err := c.orders.GetOrder(ctx, &ordersv1.GetOrderRequest{Id: orderID})
	if err != nil {
		return err
	}
	resp, err := http.Post("http://payments:8080/v1/authorize", "application/json", strings.NewReader(order.GetId()))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
