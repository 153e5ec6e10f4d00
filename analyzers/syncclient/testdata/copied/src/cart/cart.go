// Package cart checks itself through its own copy of its stub: a call to
// itself, never reported.
package cart

import (
	pb "example.com/copied/src/cart/genproto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func selfCheck() pb.CartServiceClient {
	conn, _ := grpc.NewClient("localhost:7070", grpc.WithTransportCredentials(insecure.NewCredentials()))
	return pb.NewCartServiceClient(conn)
}
