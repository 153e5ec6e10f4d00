// Package orders serves the OrderService gRPC API.
package orders

import (
	"context"
	"database/sql"
	"net/http"

	ordersv1 "example.com/shop/api/orders/v1"
)

// Server implements ordersv1.OrderServiceServer.
type Server struct {
	ordersv1.UnimplementedOrderServiceServer
	DB *sql.DB
}

// GetOrder returns one order.
func (s *Server) GetOrder(ctx context.Context, req *ordersv1.GetOrderRequest) (*ordersv1.Order, error) {
	var o ordersv1.Order
	err := s.DB.QueryRowContext(ctx, "SELECT id, total_cents FROM orders WHERE id = $1", req.GetId()).Scan(&o.Id, &o.TotalCents)
	return &o, err
}

// Healthy asks the service's own HTTP endpoint: calling yourself is fine.
func Healthy() bool {
	resp, err := http.Get("http://orders:8080/healthz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
