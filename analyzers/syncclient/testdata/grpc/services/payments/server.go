package payments

import ordersv1 "example.com/shop/api/orders/v1"

// Server takes the orders client it is given: its own code never names
// orders.
type Server struct {
	orders ordersv1.OrderServiceClient
}

func New(orders ordersv1.OrderServiceClient) *Server { return &Server{orders: orders} }
