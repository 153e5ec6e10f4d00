package orders

import ordersv1 "example.com/shop/api/orders/v1"

// NewServer takes a client of its own API (a loopback for tests).
func NewServer(self ordersv1.OrderServiceClient) {}
