// Package client is orders' client SDK kept in orders' own code, not in
// its contract: it dials the address it is given and builds orders' own
// stub. Orders calling it is orders calling itself; another service
// calling it calls orders.
package client

import (
	ordersv1 "example.com/shop/api/orders/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func New(addr string) (ordersv1.OrderServiceClient, error) { // want New:`grpc-target\(grpc\) {param0:addr} via grpc.NewClient`
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return ordersv1.NewOrderServiceClient(conn), nil
}
