// Package gateway serves HTTP and forwards it to cart over gRPC, through
// the shared grpc-gateway code: the generated FromEndpoint dials the
// endpoint for the stub it builds, and the gateway is reported for it.
package gateway

import (
	"context"

	shop "example.com/copied/gen/shop"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func serve(ctx context.Context) error {
	mux := runtime.NewServeMux()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	return shop.RegisterCartServiceHandlerFromEndpoint(ctx, mux, "cart:7070", opts) // want `^gateway calls cart synchronously \(grpc cart:7070 via gen/shop.RegisterCartServiceHandlerFromEndpoint\)`
}
