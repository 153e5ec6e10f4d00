// Command allinone starts payments and orders in one process: the
// composition root builds orders' client and hands it to payments, which
// is payments calling orders.
package main

import (
	ordersv1 "example.com/shop/api/orders/v1"
	"example.com/shop/services/frontend"
	"example.com/shop/services/orders"
	"example.com/shop/services/payments"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	conn, err := grpc.NewClient("orders:9090", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	client := ordersv1.NewOrderServiceClient(conn)
	payments.New(client)                               // want `payments calls orders synchronously \(grpc shop.orders.v1.OrderService via api/orders/v1.NewOrderServiceClient -> handed to services/payments.New by cmd/allinone\)`
	payments.New(ordersv1.NewOrderServiceClient(conn)) // want `payments calls orders synchronously`
	orders.NewServer(client)                           // orders' own client: not coupling

	// frontend's options: the root sets the addresses that frontend's
	// methods call, which is frontend calling driver and customer.
	frontend.NewServer(frontend.ConfigOptions{ // want `^frontend calls driver synchronously \(http GET http://driver:8082/driver via services/frontend.Server.route -> address set by cmd/allinone\)` `^frontend calls customer synchronously`
		DriverHostPort:   "driver:8082",
		CustomerHostPort: "customer:8081",
	})
	frontend.NewServer(frontend.ConfigOptions{DriverHostPort: "frontend:8080"}) // frontend itself

	// Field by field: reported at the first field write, the literal
	// that starts the variable being part of it.
	opts := frontend.ConfigOptions{Debug: true}
	opts.DriverHostPort = "driver:8082" // want `^frontend calls driver synchronously \(http GET http://driver:8082/driver via services/frontend.Server.route -> address set by cmd/allinone\)` `^frontend calls customer synchronously \(http GET http://customer:8081/customer`
	opts.CustomerHostPort = "customer:8081"
	frontend.NewServer(opts)
}
