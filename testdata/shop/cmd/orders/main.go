// Command orders runs the orders service.
package main

import (
	"log"

	ordersv1 "example.com/shop/api/orders/v1"
	"example.com/shop/services/orders"
	"example.com/shop/services/orders/store"
	"google.golang.org/grpc"
)

func main() {
	db, err := store.Open()
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	ordersv1.RegisterOrderServiceServer(srv, &orders.Server{DB: db})
}
