// Command checkout runs the checkout service.
package main

import (
	"log"
	"os"

	"example.com/shop/services/checkout"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	conn, err := grpc.NewClient(os.Getenv("ORDERS_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	_ = checkout.New(conn)
}
