// Package checkout calls orders and stock through kratos.
package checkout

import (
	"context"

	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

func kratos(ctx context.Context) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///orders")) // want `checkout calls orders synchronously \(grpc discovery:///orders\)`
	khttp.NewClient(ctx, khttp.WithEndpoint("stock:8000"))             // want `checkout calls stock synchronously \(http stock:8000\)`
}

// Clean: discovery names the map does not know.
func clean(ctx context.Context) {
	kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///search"))
}
