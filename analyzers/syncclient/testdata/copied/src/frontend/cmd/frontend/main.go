// Command frontend dials cart and hands the connection to the server that
// builds the stub: one coupling, reported at the stub.
package main

import (
	"example.com/copied/src/frontend"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	conn, err := grpc.NewClient("cart:7070", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	serve(conn)

	// A connection used for something other than a stub is a call of its own.
	other, _ := grpc.NewClient("cart:7070", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `frontend calls cart synchronously \(grpc cart:7070\)`
	_ = other
}

// serve passes its connection on to the stub's constructor.
func serve(conn *grpc.ClientConn) { // want serve:`syncclient stub connection`
	frontend.NewServer(conn)
}
