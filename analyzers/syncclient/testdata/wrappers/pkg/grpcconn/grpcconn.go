// Package grpcconn dials gRPC services with the platform's options: a
// constructor that dials a name it is given.
package grpcconn

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Dial connects to target.
func Dial(target string) (*grpc.ClientConn, error) { // want Dial:`^grpc-target\(grpc\) \{param0:target\} via grpc.NewClient$`
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
