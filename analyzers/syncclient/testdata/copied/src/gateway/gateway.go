// Package gateway serves HTTP and forwards it to cart over gRPC, through
// the shared grpc-gateway code: the generated FromEndpoint dials the
// endpoint for the stub it builds, and the gateway is reported for it.
package gateway

import (
	"context"
	"os"

	shop "example.com/copied/gen/shop"
	cartapi "example.com/copied/src/cart/genproto"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func serve(ctx context.Context) error {
	mux := runtime.NewServeMux()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	return shop.RegisterCartServiceHandlerFromEndpoint(ctx, mux, "cart:7070", opts) // want `^gateway calls cart synchronously \(grpc cart:7070 via gen/shop.RegisterCartServiceHandlerFromEndpoint\)`
}

// The proxy that cart's own API package holds: its dial is the gateway's
// call, whatever the endpoint, as the proxy is cart's (the endpoint's env
// key is set nowhere).
func serveCartAPI(ctx context.Context) error {
	mux := runtime.NewServeMux()
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	return cartapi.RegisterCartServiceHandlerFromEndpoint(ctx, mux, os.Getenv("CART_GRPC_ADDR"), opts) // want `^gateway calls cart synchronously \(grpc \$CART_GRPC_ADDR via src/cart/genproto.RegisterCartServiceHandlerFromEndpoint\)`
}
