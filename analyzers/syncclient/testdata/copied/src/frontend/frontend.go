// Package frontend calls cart and reviews through its own copy of their
// generated stubs.
package frontend

import (
	"os"

	pb "example.com/copied/src/frontend/genproto"
	"example.com/copied/src/frontend/rpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func cart() pb.CartServiceClient {
	conn, err := grpc.NewClient(os.Getenv("CART_SERVICE_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return pb.NewCartServiceClient(conn) // want `^frontend calls cart synchronously \(grpc shop.cart.v1.CartService via src/frontend/genproto.NewCartServiceClient\)`
}

// dial connects to a name it is given; its connection feeds the stubs
// below, which are the calls.
func dial(name string) *grpc.ClientConn { // want dial:`grpc-target\(grpc\) \{param0:name\} via grpc.NewClient`
	conn, err := grpc.NewClient(name, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return conn
}

// One coupling, one finding: at the stub, not again at the dial.
func reviews() pb.ReviewServiceClient {
	return pb.NewReviewServiceClient(dial("reviews:8080")) // want `frontend calls reviews synchronously \(grpc shop.reviews.v1.ReviewService via`
}

// initReviewClient dials the name it is given for the stub it builds: the
// stub is reported here, and its callers are not reported again.
func initReviewClient(name string) pb.ReviewServiceClient {
	conn := dial(name)
	return pb.NewReviewServiceClient(conn) // want `frontend calls reviews synchronously \(grpc shop.reviews.v1.ReviewService via`
}

func start() {
	initReviewClient("reviews:8080")
}

// A Server holds the stubs it calls.
type Server struct{ cart pb.CartServiceClient }

// NewServer builds its stub on the connection main dialled: the stub is
// the call, and the dial in main is part of it.
func NewServer(conn *grpc.ClientConn) *Server { // want NewServer:`syncclient stub connection`
	return &Server{cart: pb.NewCartServiceClient(conn)} // want `frontend calls cart synchronously \(grpc shop.cart.v1.CartService via`
}

// cartClient keeps its connection in a field and builds the stub per
// call, in another method: the dial and the stub are still one call.
type cartClient struct{ conn *grpc.ClientConn }

func newCartClient() *cartClient {
	conn, err := grpc.NewClient("cart:7070", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return &cartClient{conn: conn}
}

func (c *cartClient) get() pb.CartServiceClient {
	return pb.NewCartServiceClient(c.conn) // want `frontend calls cart synchronously \(grpc shop.cart.v1.CartService via`
}

func reviewsThroughOptions() {
	rpc.Reviews("reviews:8080")
}

// Clean: a service the map does not know.
func ads() pb.AdServiceClient {
	return pb.NewAdServiceClient(dial(os.Getenv("AD_SERVICE_ADDR")))
}
